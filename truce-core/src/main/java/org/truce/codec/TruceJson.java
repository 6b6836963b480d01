package org.truce.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.truce.sensing.Observation;

/**
 * The one JSON mapping of Truce's domain values, shared by the store, the HTTP API and the adapters so a
 * value reads back exactly as written. Instants are ISO-8601 UTC strings; Optionals are the value or absent;
 * observations carry their variant in {@code "kind"}. The returned mapper is thread-safe once built.
 */
public final class TruceJson {
    private static final ObjectMapper MAPPER = create();

    private TruceJson() {}

    /** A shared, configured mapper. Do not reconfigure it; {@link #create()} makes a private copy. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addMixIn(Observation.class, ObservationMixin.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Observation.PlatformFix.class, name = "fix"),
            @JsonSubTypes.Type(value = Observation.Detection.class, name = "detection"),
            @JsonSubTypes.Type(value = Observation.FireCue.class, name = "fire"),
            @JsonSubTypes.Type(value = Observation.Footprint.class, name = "footprint")})
    abstract static class ObservationMixin {
    }
}

package org.truce.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.ground.AssetId;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.truce.airspace.FlightPath;
import org.truce.cases.Area;
import org.truce.cases.CaseView;
import org.truce.cases.Dissent;
import org.truce.cases.Finding;
import org.truce.cases.Outcome;
import org.truce.implementation.Evidence;
import org.truce.sensing.Observation;

/**
 * The one JSON mapping of Truce's domain values, shared by the store, the HTTP API and the adapters so a
 * value reads back exactly as written. Instants are ISO-8601 UTC strings; Optionals are the value or absent;
 * observations carry their variant in {@code "kind"}; id records ({@code PartyId}, {@code ZoneId}, {@code AssetId} …)
 * are plain strings, so a client sees {@code "zone": "am-held"}; a flight path is its GeoJSON geometry. The domain
 * types carry no Jackson annotations: every variant name and special form is declared here (mix-ins and the
 * {@code truce-domain} module), so the core stays free of JSON and the wire names live in one file. The returned
 * mapper is thread-safe once built.
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
                .addModule(idsAsStrings())
                .addModule(domainForms())
                .addMixIn(Observation.class, ObservationMixin.class)
                .addMixIn(Evidence.class, EvidenceMixin.class)
                .addMixIn(CaseView.Slot.class, SlotMixin.class)
                .addMixIn(Outcome.class, OutcomeMixin.class)
                .addMixIn(Area.class, AreaMixin.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    private static SimpleModule idsAsStrings() {
        SimpleModule ids = new SimpleModule("truce-ids");
        id(ids, PartyId.class, PartyId::value, PartyId::new);
        id(ids, ContingentId.class, ContingentId::value, ContingentId::new);
        id(ids, ZoneId.class, ZoneId::value, ZoneId::new);
        id(ids, ProvisionId.class, ProvisionId::value, ProvisionId::new);
        id(ids, RuleId.class, RuleId::value, RuleId::new);
        id(ids, AssetId.class, AssetId::value, AssetId::new);
        id(ids, org.truce.cases.CaseId.class, org.truce.cases.CaseId::value, org.truce.cases.CaseId::new);
        id(ids, org.truce.cases.AllegationId.class, org.truce.cases.AllegationId::value, org.truce.cases.AllegationId::new);
        id(ids, org.truce.airspace.FlightPlanId.class, org.truce.airspace.FlightPlanId::value,
                org.truce.airspace.FlightPlanId::new);
        return ids;
    }

    /** Domain values whose JSON is not their record components: a flight path is its GeoJSON geometry. */
    private static SimpleModule domainForms() {
        SimpleModule m = new SimpleModule("truce-domain");
        m.addSerializer(FlightPath.class, new JsonSerializer<FlightPath>() {
            @Override
            public void serialize(FlightPath path, JsonGenerator gen, SerializerProvider sp) throws IOException {
                sp.defaultSerializeValue(path.geoJson(), gen);
            }
        });
        m.addDeserializer(FlightPath.class, new JsonDeserializer<FlightPath>() {
            @Override
            public FlightPath deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                JsonNode tree = ctx.readTree(p);
                try {
                    return FlightPathJson.read(tree);
                } catch (IllegalArgumentException e) {
                    // the same error a creator method gives, so callers see "problem: <what is wrong>" as before
                    return (FlightPath) ctx.handleInstantiationProblem(FlightPath.class, tree, e);
                }
            }
        });
        return m;
    }

    private static <T> void id(SimpleModule module, Class<T> type, Function<T, String> value,
                               Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T id, JsonGenerator gen, SerializerProvider sp) throws IOException {
                gen.writeString(value.apply(id));
            }
        });
        module.addKeySerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T id, JsonGenerator gen, SerializerProvider sp) throws IOException {
                gen.writeFieldName(value.apply(id));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                if (text == null) {
                    return type.cast(ctx.handleUnexpectedToken(type, p));
                }
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    throw ctx.weirdStringException(text, type, e.getMessage());
                }
            }
        });
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Observation.PlatformFix.class, name = "fix"),
            @JsonSubTypes.Type(value = Observation.Detection.class, name = "detection"),
            @JsonSubTypes.Type(value = Observation.FireCue.class, name = "fire"),
            @JsonSubTypes.Type(value = Observation.Footprint.class, name = "footprint")})
    abstract static class ObservationMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Evidence.IncidentRef.class, name = "incident"),
            @JsonSubTypes.Type(value = Evidence.CoverageRef.class, name = "coverage"),
            @JsonSubTypes.Type(value = Evidence.AmendmentRef.class, name = "amendment")})
    abstract static class EvidenceMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = CaseView.Slot.Sealed.class, name = "sealed"),
            @JsonSubTypes.Type(value = CaseView.Slot.Pending.class, name = "pending"),
            @JsonSubTypes.Type(value = CaseView.Slot.Submitted.class, name = "submitted"),
            @JsonSubTypes.Type(value = CaseView.Slot.Missing.class, name = "missing"),
            @JsonSubTypes.Type(value = CaseView.Slot.Visible.class, name = "visible")})
    abstract static class SlotMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Finding.class, name = "finding"),
            @JsonSubTypes.Type(value = Dissent.class, name = "dissent")})
    abstract static class OutcomeMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Area.Circle.class, name = "circle"),
            @JsonSubTypes.Type(value = Area.Ring.class, name = "ring")})
    abstract static class AreaMixin {
    }
}

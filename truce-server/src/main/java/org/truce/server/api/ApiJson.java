package org.truce.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;
import org.truce.agreement.ContingentId;
import org.truce.agreement.PartyId;
import org.truce.agreement.ProvisionId;
import org.truce.agreement.RuleId;
import org.truce.agreement.ZoneId;
import org.truce.codec.TruceJson;
import org.truce.sensing.AssetId;

/**
 * The HTTP API's JSON mapping: {@link TruceJson}'s mapping of the domain values, with the id records
 * ({@code PartyId}, {@code ZoneId}, {@code AssetId} …) written and read as plain strings, so an API client sees
 * {@code "zone": "am-held"} rather than {@code "zone": {"value": "am-held"}}. Thread-safe once built.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = create();

    private ApiJson() {}

    /** The shared API mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectMapper create() {
        SimpleModule ids = new SimpleModule("truce-api-ids");
        id(ids, PartyId.class, PartyId::value, PartyId::new);
        id(ids, ContingentId.class, ContingentId::value, ContingentId::new);
        id(ids, ZoneId.class, ZoneId::value, ZoneId::new);
        id(ids, ProvisionId.class, ProvisionId::value, ProvisionId::new);
        id(ids, RuleId.class, RuleId::value, RuleId::new);
        id(ids, AssetId.class, AssetId::value, AssetId::new);
        return TruceJson.create().registerModule(ids);
    }

    private static <T> void id(SimpleModule module, Class<T> type, Function<T, String> value,
                               Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T id, JsonGenerator gen, SerializerProvider sp) throws IOException {
                gen.writeString(value.apply(id));
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
}

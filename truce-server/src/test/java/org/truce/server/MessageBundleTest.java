package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.truce.agreement.ZoneRole;
import org.truce.fusion.TrackStatus;
import org.truce.rules.IncidentState;
import org.truce.sensing.AssetKind;
import org.truce.sensing.ObjectClass;
import org.truce.sensing.health.AssetStatus;

/**
 * All UI text comes from the message bundles: every id the page uses exists in the English bundle, and every
 * other bundle has exactly the English ids (so a translation is complete).
 */
class MessageBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String resource(String name) throws IOException {
        try (InputStream in = MessageBundleTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> keys(JsonNode bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void everyMessageIdThePageUsesExists() throws IOException {
        Set<String> english = keys(JSON.readTree(resource("/web/i18n/en.json")));
        List<String> used = new ArrayList<>();
        String js = resource("/web/map.js") + resource("/web/coverage.js");
        Matcher m = Pattern.compile("\\bt\\(\\s*\"([\\w.-]+)\"\\s*[,)]").matcher(js);
        while (m.find()) used.add(m.group(1));
        Matcher html = Pattern.compile("data-i18n=\"([\\w.-]+)\"").matcher(resource("/web/index.html"));
        while (html.find()) used.add(html.group(1));
        assertThat(used).hasSizeGreaterThan(30);
        // Ids built from a prefix and a domain value: every value needs its message.
        for (ZoneRole r : ZoneRole.values()) used.add("zone.role." + r.name());
        for (IncidentState s : IncidentState.values()) used.add("incident.state." + s.name());
        for (AssetKind k : AssetKind.values()) used.add("asset.kind." + k.name());
        for (ObjectClass c : ObjectClass.values()) used.add("object.class." + c.name());
        for (TrackStatus s : TrackStatus.values()) used.add("track.status." + s.name());
        for (AssetStatus s : AssetStatus.values()) used.add("health.status." + s.name());
        for (String type : List.of("cease-fire", "hold-positions", "withdraw-by", "corridor-control", "force-cap",
                "restricted-movement")) {
            used.add("rule.type." + type);
        }
        for (String status : List.of("open", "connecting", "lost")) used.add("live." + status);
        assertThat(english).containsAll(used);
    }

    @Test
    void everyBundleHasTheEnglishIds() throws IOException, URISyntaxException {
        Path dir = Path.of(MessageBundleTest.class.getResource("/web/i18n/en.json").toURI()).getParent();
        Set<String> english = keys(JSON.readTree(dir.resolve("en.json").toFile()));
        try (Stream<Path> bundles = Files.list(dir)) {
            for (Path p : bundles.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertThat(keys(JSON.readTree(p.toFile()))).as(p.getFileName().toString()).isEqualTo(english);
            }
        }
    }
}

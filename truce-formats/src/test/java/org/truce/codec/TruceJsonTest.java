package org.truce.codec;

import org.truce.ground.ObjectClass;
import org.truce.ground.AssetId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.sensing.Appearance;
import org.truce.sensing.Observation;
import org.truce.geo.GeoPoint;

/** The one JSON mapping reads domain values back exactly as written. */
class TruceJsonTest {
    private static final Observation.Detection PLAIN = new Observation.Detection(AssetId.of("RU-UAV-01"),
            Instant.parse("2020-11-12T08:00:00Z"), new GeoPoint(39.8, 46.8), 20, ObjectClass.TANK, 0.9,
            Optional.empty(), 0, 1, Optional.empty());

    @Test
    void detectionsWithAndWithoutALookReadBackAsWritten() throws Exception {
        var json = TruceJson.mapper();
        Observation.Detection withLook = new Observation.Detection(PLAIN.asset(), PLAIN.time(), PLAIN.position(), 20,
                ObjectClass.TANK, 0.9, Optional.empty(), 0, 1, Optional.of("T7"),
                Optional.of(new Appearance(List.of(0.5, -1.25, 2.0), 0.7)));
        for (Observation.Detection d : List.of(PLAIN, withLook)) {
            String text = json.writeValueAsString(d);
            assertThat(json.readValue(text, Observation.class)).isEqualTo(d);
        }
        String noField = json.writeValueAsString(PLAIN).replace(",\"appearance\":null", "");
        assertThat(noField).doesNotContain("appearance");
        assertThat(json.readValue(noField, Observation.class)).isEqualTo(PLAIN);
    }
}

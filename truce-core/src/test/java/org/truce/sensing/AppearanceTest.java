package org.truce.sensing;

import org.truce.ground.ObjectClass;
import org.truce.ground.AssetId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;

class AppearanceTest {
    private static final Observation.Detection PLAIN = new Observation.Detection(AssetId.of("RU-UAV-01"),
            Instant.parse("2020-11-12T08:00:00Z"), new GeoPoint(39.8, 46.8), 20, ObjectClass.TANK, 0.9,
            Optional.empty(), 0, 1, Optional.empty());

    @Test
    void badDescriptorsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Appearance(List.of(), 0.5)).hasMessageContaining("appearance.descriptor");
        assertThatThrownBy(() -> new Appearance(Collections.nCopies(65, 0.0), 0.5)).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> new Appearance(List.of(1.0, Double.NaN), 0.5))
                .hasMessageContaining("appearance.descriptor[1]");
        assertThatThrownBy(() -> new Appearance(List.of(1.0), 0)).hasMessageContaining("appearance.sigma");
    }
}

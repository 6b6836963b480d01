package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.truce.ground.AssetId;

class ObservationValidatorTest {
    final Fixture fx = new Fixture();
    final ObservationValidator v = new ObservationValidator(fx.store.assets(), fx.clock,
            ValidationLimits.defaults().withSkew(Duration.ofMinutes(10), Duration.ofSeconds(5)));

    static String reason(Runnable r) {
        try {
            r.run();
        } catch (RejectedInput e) {
            return e.reason();
        }
        return "accepted";
    }

    @Test
    void coordinates() {
        assertThat(v.point(39.9, 47.0, "p").lat()).isEqualTo(39.9);
        assertThat(reason(() -> v.point(Double.NaN, 47, "p"))).isEqualTo(Reasons.NOT_FINITE);
        assertThat(reason(() -> v.point(39, Double.POSITIVE_INFINITY, "p"))).isEqualTo(Reasons.NOT_FINITE);
        assertThat(reason(() -> v.point(-90.0001, 47, "p"))).isEqualTo(Reasons.COORDINATE_RANGE);
        assertThat(reason(() -> v.point(0, 180.5, "p"))).isEqualTo(Reasons.COORDINATE_RANGE);
        assertThatThrownBy(() -> v.point(91, 0, "event uid-1 point")).hasMessageContaining("event uid-1 point");
    }

    @Test
    void altitudeAndSize() {
        assertThat(reason(() -> v.altitude(-430, "alt"))).isEqualTo("accepted");
        assertThat(reason(() -> v.altitude(-501, "alt"))).isEqualTo(Reasons.ALTITUDE_RANGE);
        assertThat(reason(() -> v.altitude(20_001, "alt"))).isEqualTo(Reasons.ALTITUDE_RANGE);
        assertThat(reason(() -> v.frameSize(64 * 1024 + 1, "frame"))).isEqualTo(Reasons.OVERSIZE);
    }

    @Test
    void timeSkewBoundsAreConfigurable() {
        assertThat(reason(() -> v.time(Fixture.T0.minusSeconds(599), "t"))).isEqualTo("accepted");
        assertThat(reason(() -> v.time(Fixture.T0.minusSeconds(601), "t"))).isEqualTo(Reasons.STALE);
        assertThat(reason(() -> v.time(Fixture.T0.plusSeconds(5), "t"))).isEqualTo("accepted");
        assertThat(reason(() -> v.time(Fixture.T0.plusSeconds(6), "t"))).isEqualTo(Reasons.FUTURE);
    }

    @Test
    void assetIdentity() {
        assertThat(v.asset(Fixture.UAV).id()).isEqualTo(Fixture.UAV);
        assertThat(reason(() -> v.asset(AssetId.of("XX-UAV-01")))).isEqualTo(Reasons.UNKNOWN_ASSET);
        assertThat(v.systemId(Fixture.UAV_SYSTEM_ID).id()).isEqualTo(Fixture.UAV);
        assertThat(reason(() -> v.systemId(200))).isEqualTo(Reasons.UNKNOWN_SYSTEM_ID);
    }
}

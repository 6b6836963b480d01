package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Observation;
import org.truce.sensing.health.AssetStatus;
import org.truce.sensing.health.AssetStatusChange;

/** Health follows accepted observations whatever channel they came through, and the center clock. */
class AssetHealthListenerTest {
    @Test
    void acceptedObservationsAndTicksBuildTheTimeline() {
        Fixture fx = new Fixture();
        AssetHealthListener health = new AssetHealthListener(fx.store.assets());
        fx.center.addListener(health);
        List<AssetStatusChange> heard = new ArrayList<>();
        health.subscribe(heard::add);

        fx.gate.submit("mqtt", new Observation.PlatformFix(Fixture.OBS, Fixture.T0, GeoPoint.of(39.9325, 47.0617), 600, 5, 0, 1));
        fx.clock.advance(Duration.ofSeconds(10));
        // 5 km in 10 s from a staff beacon whose max speed is 30 m/s: a spoofed position?
        fx.gate.submit("mqtt", new Observation.PlatformFix(Fixture.OBS, fx.clock.instant(), GeoPoint.of(39.9775, 47.0617), 600, 5, 0, 1));
        assertThat(health.status(Fixture.OBS)).isEqualTo(AssetStatus.POSITION_ANOMALY);
        fx.clock.advance(Duration.ofSeconds(95)); // 3 × 30 s heartbeat
        health.tick(fx.clock.instant());
        assertThat(health.timeline(Fixture.OBS)).extracting(AssetStatusChange::to)
                .containsExactly(AssetStatus.ONLINE, AssetStatus.POSITION_ANOMALY, AssetStatus.OFFLINE);
        assertThat(heard).hasSize(3);
        assertThat(health.timeline(Fixture.UAV)).isEmpty();
    }
}

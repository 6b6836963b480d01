package org.truce.sensing.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;

class AssetHealthMonitorTest {
    static final AssetId UAV = AssetId.of("RU-UAV-01");
    static final AssetId CAM = AssetId.of("TR-CAM-01");
    static final Instant T0 = Instant.parse("2020-11-14T08:00:00Z");
    // 10 s heartbeat: offline after 30 s of silence. Drone max 40 m/s; camera fixed.
    final AssetHealthMonitor monitor = AssetHealthMonitor.withDefaults(id -> switch (id.value()) {
        case "RU-UAV-01" -> Optional.of(new SensorSpec(3000, 60, 40, 40, 10));
        case "TR-CAM-01" -> Optional.of(new SensorSpec(5000, 30, 20, 0, 10));
        default -> Optional.empty();
    });

    static Observation.PlatformFix fix(AssetId a, Instant t, double lat, double lon) {
        return new Observation.PlatformFix(a, t, GeoPoint.of(lat, lon), 500, 5, 0, 20);
    }

    @Test
    void firstReportBringsOnlineAndSilenceTakesOffline() {
        assertThat(monitor.observe(fix(UAV, T0, 39.9, 47.0), T0))
                .extracting(AssetStatusChange::to).containsExactly(AssetStatus.ONLINE);
        assertThat(monitor.advanceTo(T0.plusSeconds(29))).isEmpty();
        List<AssetStatusChange> off = monitor.advanceTo(T0.plusSeconds(45));
        assertThat(off).singleElement().satisfies(c -> {
            assertThat(c.to()).isEqualTo(AssetStatus.OFFLINE);
            assertThat(c.time()).isEqualTo(T0.plusSeconds(30));
            assertThat(c.reason()).contains("silent for 30 s");
        });
        assertThat(monitor.advanceTo(T0.plusSeconds(60))).as("offline is reported once").isEmpty();
        assertThat(monitor.observe(fix(UAV, T0.plusSeconds(61), 39.9, 47.0), T0.plusSeconds(61)))
                .extracting(AssetStatusChange::from, AssetStatusChange::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AssetStatus.OFFLINE, AssetStatus.ONLINE));
    }

    @Test
    void unknownAssetsAreIgnored() {
        assertThat(monitor.observe(fix(AssetId.of("XX-1"), T0, 39.9, 47.0), T0)).isEmpty();
        assertThat(monitor.status(AssetId.of("XX-1"))).isEqualTo(AssetStatus.UNKNOWN);
    }

    @Test
    void aJumpFasterThanThePlatformIsAPositionAnomaly() {
        monitor.observe(fix(UAV, T0, 39.90, 47.00), T0);
        // 1 km in 10 s = 100 m/s > 40 m/s
        List<AssetStatusChange> c = monitor.observe(fix(UAV, T0.plusSeconds(10), 39.909, 47.00), T0.plusSeconds(10));
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.to()).isEqualTo(AssetStatus.POSITION_ANOMALY);
            assertThat(x.reason()).contains("max speed 40.0 m/s");
        });
        // a plausible next move returns to ONLINE
        assertThat(monitor.observe(fix(UAV, T0.plusSeconds(20), 39.9091, 47.00), T0.plusSeconds(20)))
                .extracting(AssetStatusChange::to).containsExactly(AssetStatus.ONLINE);
    }

    @Test
    void aPlausibleMoveIsNotAnAnomaly() {
        monitor.observe(fix(UAV, T0, 39.90, 47.00), T0);
        // ~333 m in 10 s = 33 m/s < 40
        assertThat(monitor.observe(fix(UAV, T0.plusSeconds(10), 39.903, 47.00), T0.plusSeconds(10))).isEmpty();
        assertThat(monitor.status(UAV)).isEqualTo(AssetStatus.ONLINE);
    }

    @Test
    void aFixedSensorThatMovesBeyondItsCepIsAnomalous() {
        monitor.observe(fix(CAM, T0, 39.90, 47.00), T0);
        assertThat(monitor.observe(fix(CAM, T0.plusSeconds(3600), 39.9015, 47.00), T0.plusSeconds(3600)))
                .extracting(AssetStatusChange::to).containsExactly(AssetStatus.POSITION_ANOMALY);
    }

    @Test
    void aFixedSensorsHonestNoiseWithinItsCepIsNeverAnAnomaly() {
        // Fixes scattered as the CEP says (σ = CEP / 1.1774 per axis): a day of them every 10 s, none flagged.
        java.util.Random rnd = new java.util.Random(42);
        double sigmaDeg = 5 / 1.1774 / 111_000.0;   // fix() reports a CEP of 5 m
        List<AssetStatusChange> all = new java.util.ArrayList<>();
        for (int i = 0; i < 8640; i++) {
            Instant t = T0.plusSeconds(10L * i);
            all.addAll(monitor.observe(fix(CAM, t, 39.90 + rnd.nextGaussian() * sigmaDeg,
                    47.00 + rnd.nextGaussian() * sigmaDeg / Math.cos(Math.toRadians(39.9))), t));
        }
        assertThat(all).extracting(AssetStatusChange::to).doesNotContain(AssetStatus.POSITION_ANOMALY);
    }

    @Test
    void threeLinkLossesWithinTenMinutesAreProbableInterference() {
        List<AssetStatusChange> all = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < 3; i++) {
            all.addAll(monitor.observe(fix(UAV, t, 39.9, 47.0), t));
            t = t.plusSeconds(60);
            all.addAll(monitor.advanceTo(t));
        }
        assertThat(all).extracting(AssetStatusChange::to).containsExactly(
                AssetStatus.ONLINE, AssetStatus.OFFLINE, AssetStatus.ONLINE, AssetStatus.OFFLINE,
                AssetStatus.ONLINE, AssetStatus.PROBABLE_INTERFERENCE);
        assertThat(all.getLast().reason()).contains("3 times within 10 min");
    }

    @Test
    void lossesSpreadOverMoreThanTheWindowAreJustOffline() {
        List<AssetStatusChange> all = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < 3; i++) {
            all.addAll(monitor.observe(fix(UAV, t, 39.9, 47.0), t));
            t = t.plus(Duration.ofMinutes(6));
            all.addAll(monitor.advanceTo(t));
        }
        assertThat(all).extracting(AssetStatusChange::to).doesNotContain(AssetStatus.PROBABLE_INTERFERENCE);
    }

    @Test
    void anImpairedHeartbeatDegradesAndAHealthyOneRestores() {
        assertThat(monitor.link(UAV, T0, true, "MAV_STATE_CRITICAL")).extracting(AssetStatusChange::to)
                .containsExactly(AssetStatus.DEGRADED);
        assertThat(monitor.observe(fix(UAV, T0.plusSeconds(1), 39.9, 47.0), T0.plusSeconds(1))).isEmpty();
        assertThat(monitor.link(UAV, T0.plusSeconds(2), false, "MAV_STATE_ACTIVE")).extracting(AssetStatusChange::to)
                .containsExactly(AssetStatus.ONLINE);
    }

    @Test
    void sameInputsGiveTheSameTimeline() {
        List<String> a = run(AssetHealthMonitor.withDefaults(id -> Optional.of(new SensorSpec(1, 0, 0, 40, 10))));
        List<String> b = run(AssetHealthMonitor.withDefaults(id -> Optional.of(new SensorSpec(1, 0, 0, 40, 10))));
        assertThat(a).isEqualTo(b).isNotEmpty();
    }

    private static List<String> run(AssetHealthMonitor m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant t = T0.plusSeconds(i * 17L);
            AssetId a = AssetId.of("A-" + (i % 3));
            m.observe(fix(a, t, 39.9 + i * 0.01, 47.0), t).forEach(c -> out.add(c.toString()));
            m.advanceTo(t.plusSeconds(40)).forEach(c -> out.add(c.toString()));
        }
        return out;
    }
}

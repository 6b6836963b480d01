package org.truce.fusion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.truce.agreement.PartyId;
import org.truce.fusion.TrackStatus;
import org.truce.sensing.ObjectClass;

class KalmanTrackerTest {
    private static final Instant T0 = Instant.parse("2020-11-14T06:00:00Z");
    private static final double CEP = 11.774; // sigma 10 m

    private final SplittableRandom random = new SplittableRandom(42);
    private int seq = 1;

    @Test
    void keepsOneTrackOnATurningTargetWithEnoughProcessNoise() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults().withAccelerationPsd(2));
        double x = 0;
        double y = 0;
        double heading = 0;
        double speed = 15;
        Set<String> confirmedIds = new HashSet<>();
        List<TrackEstimate> last = List.of();
        for (int k = 0; k < 60; k++) {
            double dt = 2;
            if (k >= 10 && k < 55) {
                heading += Math.toRadians(4) * dt; // a 4 deg/s turn: 360 degrees over the 90 s
            }
            x += speed * Math.sin(heading) * dt;
            y += speed * Math.cos(heading) * dt;
            last = tracker.process(List.of(noisy("RU-UAV-01", k, x, y)), T0.plusSeconds(2L * k));
            last.stream().filter(e -> e.status() == TrackStatus.CONFIRMED).forEach(e -> confirmedIds.add(e.id()));
        }
        assertThat(confirmedIds).containsExactly("TRK-1");
        TrackEstimate track = only(last);
        assertThat(Math.hypot(track.x() - x, track.y() - y)).isLessThan(40);
        assertThat(Math.hypot(track.vx(), track.vy())).isBetween(10.0, 20.0);
    }

    @Test
    void twoCrossingTargetsKeepTheirIdentities() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults());
        String idOfA = null;
        String idOfB = null;
        List<TrackEstimate> out = List.of();
        for (int k = 0; k <= 100; k++) {
            double t = 2.0 * k;
            double ax = -1000 + 10 * t;
            double ay = -1000 + 10 * t;
            double bx = -1000 + 10 * t;
            double by = 1000 - 10 * t;
            out = tracker.process(List.of(noisy("RU-UAV-01", k, bx, by), noisy("RU-UAV-01", k, ax, ay)),
                    T0.plusSeconds(2L * k));
            if (k == 10) {
                idOfA = nearest(out, ax, ay).id();
                idOfB = nearest(out, bx, by).id();
            }
        }
        assertThat(idOfA).isNotEqualTo(idOfB);
        assertThat(out).filteredOn(e -> e.status() == TrackStatus.CONFIRMED).hasSize(2);
        // At k = 100 the targets have crossed at the origin (k = 50) and are 2 km apart again.
        assertThat(nearest(out, 1000, 1000).id()).isEqualTo(idOfA);
        assertThat(nearest(out, 1000, -1000).id()).isEqualTo(idOfB);
    }

    @Test
    void falseAlarmsDoNotConfirmWhileARealTargetDoes() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults());
        Set<String> confirmed = new HashSet<>();
        int tracksStarted = 0;
        for (int k = 0; k < 60; k++) {
            List<LocalDetection> scan = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                scan.add(LocalDetection.unclassified("OBS-" + seq++, "RU-CAM-01", T0,
                        random.nextDouble(-10_000, 10_000), random.nextDouble(-10_000, 10_000), 60));
            }
            scan.add(noisy("RU-CAM-01", k, 5 * 5.0 * k, 300));
            List<TrackEstimate> out = tracker.process(scan, T0.plusSeconds(5L * k));
            out.stream().filter(e -> e.status() == TrackStatus.CONFIRMED).forEach(e -> confirmed.add(e.id()));
            tracksStarted = Math.max(tracksStarted, out.stream()
                    .mapToInt(e -> Integer.parseInt(e.id().substring(4))).max().orElse(0));
        }
        assertThat(tracksStarted).as("clutter did start tentative tracks").isGreaterThan(100);
        assertThat(confirmed).as("only the real target confirms").hasSize(1);
    }

    @Test
    void deletesATrackAfterCoastingAndReportsItOnce() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults().withDeletion(4, Duration.ofHours(1)));
        for (int k = 0; k < 10; k++) {
            tracker.process(List.of(noisy("TR-UAV-01", k, 8.0 * k, 0)), T0.plusSeconds(k));
        }
        List<TrackStatus> statuses = new ArrayList<>();
        for (int k = 10; k < 16; k++) {
            List<TrackEstimate> out = tracker.process(List.of(), T0.plusSeconds(k));
            statuses.add(out.isEmpty() ? null : only(out).status());
            if (!out.isEmpty()) {
                assertThat(only(out).misses()).isEqualTo(k - 9);
            }
        }
        assertThat(statuses).containsExactly(TrackStatus.CONFIRMED, TrackStatus.CONFIRMED, TrackStatus.CONFIRMED,
                TrackStatus.DELETED, null, null);
    }

    @Test
    void aScanThatDidNotWatchATrackDoesNotChargeItAMiss() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults().withDeletion(3, Duration.ofHours(1)));
        for (int k = 0; k < 5; k++) {
            tracker.process(List.of(noisy("RU-UAV-01", k, 0, 0)), T0.plusSeconds(k));
        }
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        var elsewhere = gf.toGeometry(new org.locationtech.jts.geom.Envelope(5000, 6000, 5000, 6000));
        for (int k = 5; k < 15; k++) {
            List<TrackEstimate> out = tracker.process(List.of(), T0.plusSeconds(k), Optional.of(elsewhere));
            assertThat(only(out).status()).isEqualTo(TrackStatus.CONFIRMED);
            assertThat(only(out).misses()).isZero();
        }
        var overIt = gf.toGeometry(new org.locationtech.jts.geom.Envelope(-500, 500, -500, 500));
        List<TrackStatus> statuses = new ArrayList<>();
        for (int k = 15; k < 18; k++) {
            statuses.add(only(tracker.process(List.of(), T0.plusSeconds(k), Optional.of(overIt))).status());
        }
        assertThat(statuses).containsExactly(TrackStatus.CONFIRMED, TrackStatus.CONFIRMED, TrackStatus.DELETED);
    }

    @Test
    void deletesAfterTheMaximumCoastTimeEvenWithoutManyScans() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults().withDeletion(10, Duration.ofMinutes(2)));
        for (int k = 0; k < 5; k++) {
            tracker.process(List.of(noisy("TR-UAV-01", k, 8.0 * k, 0)), T0.plusSeconds(k));
        }
        assertThat(only(tracker.process(List.of(), T0.plusSeconds(60))).status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(only(tracker.process(List.of(), T0.plusSeconds(200))).status()).isEqualTo(TrackStatus.DELETED);
    }

    @Test
    void twoSensorsOnOneObjectMakeOneTrackAndFuseClassAndSide() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults());
        PartyId am = new PartyId("AM");
        List<TrackEstimate> out = List.of();
        for (int k = 0; k < 8; k++) {
            double x = 1000 + 6.0 * k * 5;
            LocalDetection cam = LocalDetection.withCep("OBS-" + seq++, "RU-CAM-01", T0.plusSeconds(5L * k),
                    x + gauss() * 10, 200 + gauss() * 10, CEP, ObjectClass.APC, 0.7, Optional.of(am), 0.8, 1);
            LocalDetection uav = LocalDetection.withCep("OBS-" + seq++, "TR-UAV-02", T0.plusSeconds(5L * k),
                    x + gauss() * 20, 200 + gauss() * 20, 2 * CEP, ObjectClass.TANK, 0.55, Optional.empty(), 0, 1);
            out = tracker.process(List.of(uav, cam), T0.plusSeconds(5L * k));
        }
        TrackEstimate track = only(out);
        assertThat(track.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(track.hits()).isEqualTo(16);
        assertThat(track.objectClass()).isEqualTo(ObjectClass.APC);
        assertThat(track.classConfidence()).isGreaterThan(0.95);
        assertThat(track.side()).contains(am);
        assertThat(track.sideConfidence()).isGreaterThan(0.99);
        assertThat(track.evidence()).hasSize(16).last().isEqualTo("OBS-" + (seq - 1));
    }

    @Test
    void theSameScansInAnyOrderGiveTheSameTracks() {
        List<List<LocalDetection>> scans = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            List<LocalDetection> scan = new ArrayList<>();
            for (int target = 0; target < 4; target++) {
                scan.add(noisy(target % 2 == 0 ? "RU-CAM-01" : "TR-CAM-01", k, 300.0 * target + 7 * k, 50.0 * target));
            }
            scans.add(scan);
        }
        KalmanTracker a = new KalmanTracker(KalmanTrackerConfig.defaults());
        KalmanTracker b = new KalmanTracker(KalmanTrackerConfig.defaults());
        Random shuffler = new Random(3);
        for (int k = 0; k < scans.size(); k++) {
            List<LocalDetection> shuffled = new ArrayList<>(scans.get(k));
            Collections.shuffle(shuffled, shuffler);
            assertThat(b.process(shuffled, T0.plusSeconds(k))).isEqualTo(a.process(scans.get(k), T0.plusSeconds(k)));
        }
    }

    @Test
    void refusesToGoBackInTime() {
        KalmanTracker tracker = new KalmanTracker(KalmanTrackerConfig.defaults());
        tracker.process(List.of(), T0.plusSeconds(10));
        assertThatThrownBy(() -> tracker.process(List.of(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the previous scan");
    }

    private LocalDetection noisyAt(String asset, Instant t, double x, double y) {
        return LocalDetection.unclassified("OBS-" + seq++, asset, t, x + gauss() * 10, y + gauss() * 10, CEP);
    }

    private LocalDetection noisy(String asset, int k, double x, double y) {
        return LocalDetection.unclassified("OBS-" + seq++, asset, T0.plusSeconds(k), x + gauss() * 10,
                y + gauss() * 10, CEP);
    }

    private double gauss() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static TrackEstimate only(List<TrackEstimate> out) {
        assertThat(out).hasSize(1);
        return out.getFirst();
    }

    private static TrackEstimate nearest(List<TrackEstimate> out, double x, double y) {
        return out.stream().filter(e -> e.status() != TrackStatus.DELETED)
                .min((p, q) -> Double.compare(Math.hypot(p.x() - x, p.y() - y), Math.hypot(q.x() - x, q.y() - y)))
                .orElseThrow();
    }
}

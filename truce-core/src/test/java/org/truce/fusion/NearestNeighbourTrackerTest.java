package org.truce.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.testing.RuleFixtures.AM;
import static org.truce.testing.RuleFixtures.AZ;
import static org.truce.testing.RuleFixtures.UTM;
import static org.truce.testing.RuleFixtures.at;
import static org.truce.testing.RuleFixtures.detection;
import static org.truce.testing.RuleFixtures.path;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.sensing.AssetId;
import org.truce.sensing.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sensing.Observation.Detection;

class NearestNeighbourTrackerTest {
    private static final Instant T0 = Instant.parse("2020-11-12T08:00:00Z");
    private final NearestNeighbourTracker tracker = new NearestNeighbourTracker(UTM, TrackerConfig.defaults());
    private int seq;

    private Track feed(Detection d) {
        return tracker.update("OBS-" + (++seq), d);
    }

    @Test
    void straightLineTargetKeepsOneConfirmedTrackWithItsVelocity() {
        // 10 m/s east for 20 minutes, a detection every 30 s with 10 m CEP.
        Track last = null;
        for (Detection d : path("RU-UAV-01", T0, 30, 41, 0, 0, 12_000, 0, ObjectClass.APC, AM, 0.9)) last = feed(d);
        assertThat(tracker.tracks()).hasSize(1);
        assertThat(last.id()).isEqualTo("TRK-1");
        assertThat(last.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(last.hits()).isEqualTo(41);
        assertThat(last.velocityEastMps()).isCloseTo(10, within(0.5));
        assertThat(last.velocityNorthMps()).isCloseTo(0, within(0.5));
        assertThat(UTM.distanceM(last.position(), at(12_000, 0))).isLessThan(20);
        assertThat(last.evidence()).hasSize(41).endsWith("OBS-41");
    }

    @Test
    void twoSeparatedTargetsStayTwoTracks() {
        List<Detection> a = path("RU-UAV-01", T0, 30, 20, 0, 0, 6_000, 0, ObjectClass.TANK, AM, 0.9);
        List<Detection> b = path("TR-UAV-01", T0.plusSeconds(5), 30, 20, 0, 1_000, 6_000, 1_000, ObjectClass.TANK, AZ, 0.9);
        Track lastA = null, lastB = null;
        for (int i = 0; i < 20; i++) {
            lastA = feed(a.get(i));
            lastB = feed(b.get(i));
        }
        assertThat(tracker.tracks()).extracting(Track::id).containsExactly("TRK-1", "TRK-2");
        assertThat(lastA.id()).isEqualTo("TRK-1");
        assertThat(lastB.id()).isEqualTo("TRK-2");
        assertThat(lastA.side()).contains(AM);
        assertThat(lastB.side()).contains(AZ);
    }

    @Test
    void sameSensorSeeingTwoObjectsAtOnceMakesTwoTracks() {
        feed(detection("RU-CAM-01", T0, at(0, 0), ObjectClass.TANK, null, 0));
        Track second = feed(detection("RU-CAM-01", T0, at(20, 0), ObjectClass.TANK, null, 0));
        assertThat(second.id()).isEqualTo("TRK-2");
    }

    @Test
    void falseAlarmNeverConfirmsAndIsDropped() {
        Track fa = feed(detection("RU-UAV-01", T0, at(5_000, 5_000), ObjectClass.TANK, AM, 0.9));
        assertThat(fa.status()).isEqualTo(TrackStatus.TENTATIVE);
        List<Track> deleted = tracker.advanceTo(T0.plus(Duration.ofMinutes(6)));
        assertThat(deleted).extracting(Track::id).containsExactly("TRK-1");
        assertThat(deleted.getFirst().status()).isEqualTo(TrackStatus.DELETED);
        assertThat(tracker.tracks()).isEmpty();
    }

    @Test
    void confirmedTrackIsDeletedOnlyAfterCoastingTenMinutes() {
        for (Detection d : path("RU-UAV-01", T0, 30, 3, 0, 0, 0, 0, ObjectClass.APC, AM, 0.9)) feed(d);
        Instant last = T0.plusSeconds(60);
        assertThat(tracker.advanceTo(last.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(tracker.advanceTo(last.plus(Duration.ofMinutes(10)).plusSeconds(1))).hasSize(1);
    }

    @Test
    void classIsAConfidenceWeightedVoteAndIncompatibleClassesDoNotMix() {
        feed(det(T0, 0, ObjectClass.TANK, 0.9));
        feed(det(T0.plusSeconds(10), 0, ObjectClass.APC, 0.6));
        Track t = feed(det(T0.plusSeconds(20), 0, ObjectClass.TANK, 0.8));
        assertThat(t.objectClass()).isEqualTo(ObjectClass.TANK);
        assertThat(t.classConfidence()).isCloseTo(1.7 / 2.3, within(1e-9));
        Track people = feed(det(T0.plusSeconds(30), 0, ObjectClass.INFANTRY, 0.9));
        assertThat(people.id()).isEqualTo("TRK-2");
    }

    @Test
    void sideFusesLogOddsAndConflictingReportsCancel() {
        // Reports at 0.75, under the side-conflict confidence (0.8), so the AZ reports may join the AM track.
        Track t = feed(detection("A", T0, at(0, 0), ObjectClass.APC, AM, 0.75));
        assertThat(t.sideConfidence()).isCloseTo(0.75, within(1e-9));
        t = feed(detection("B", T0.plusSeconds(10), at(0, 0), ObjectClass.APC, AM, 0.75));
        assertThat(t.sideConfidence()).as("odds 3 × 3").isCloseTo(0.9, within(1e-9));
        t = feed(detection("C", T0.plusSeconds(20), at(0, 0), ObjectClass.APC, AZ, 0.75));
        assertThat(t.id()).isEqualTo("TRK-1");
        assertThat(t.side()).contains(AM);
        assertThat(t.sideConfidence()).isCloseTo(0.75, within(1e-9));
        t = feed(detection("D", T0.plusSeconds(30), at(0, 0), ObjectClass.APC, AZ, 0.75));
        assertThat(t.id()).isEqualTo("TRK-1");
        assertThat(t.side()).isEmpty();
        assertThat(t.sideConfidence()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aConfidentlyDifferentSideNeverJoinsAConfidentTrack() {
        feed(detection("A", T0, at(0, 0), ObjectClass.APC, AM, 0.9));
        Track own = feed(detection("B", T0.plusSeconds(10), at(0, 0), ObjectClass.APC, AM, 0.9));
        assertThat(own.sideConfidence()).isGreaterThanOrEqualTo(0.8);
        Track other = feed(detection("C", T0.plusSeconds(20), at(5, 0), ObjectClass.APC, AZ, 0.8));
        assertThat(other.id()).as("5 m away, but another army").isEqualTo("TRK-2");
        assertThat(other.side()).contains(AZ);
        Track unsure = feed(detection("D", T0.plusSeconds(30), at(0, 0), ObjectClass.APC, AZ, 0.6));
        assertThat(unsure.id()).as("an unsure report may join the nearest").isIn("TRK-1", "TRK-2");
        assertThat(tracker.tracks()).hasSize(2);
    }

    /** A confirmed AM track at (0, 0), last hit at T0 + 60 s, not moving. */
    private void stationaryConfirmedTrack() {
        for (Detection d : path("RU-UAV-01", T0, 30, 3, 0, 0, 0, 0, ObjectClass.APC, AM, 0.9)) feed(d);
        assertThat(tracker.tracks()).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TrackStatus.CONFIRMED));
    }

    @Test
    void theGateIsCappedSoACoastingTrackDoesNotAbsorbAFarDetection() {
        stationaryConfirmedTrack();
        // Coasting 9 min: the uncapped gate (3.5 × 2 m/s × 540 s ≈ 3.8 km) would take a detection 1.5 km away.
        Track far = feed(detection("TR-UAV-01", T0.plusSeconds(600), at(1_500, 0), ObjectClass.APC, null, 0));
        assertThat(far.id()).as("beyond the 600 m cap: a new track").isEqualTo("TRK-2");
        Track near = feed(detection("TR-UAV-01", T0.plusSeconds(610), at(500, 0), ObjectClass.APC, null, 0));
        assertThat(near.id()).as("within the cap the old track still gates").isEqualTo("TRK-1");
    }

    @Test
    void aConfidentSameSideDetectionMayBeAsFarAsItsSpeedAllows() {
        stationaryConfirmedTrack();
        // 540 s since the last hit: 15 m/s × 540 s = 8.1 km; the filter's own gate (≈ 3.8 km) is then the bound.
        Track same = feed(detection("TR-UAV-01", T0.plusSeconds(600), at(1_500, 0), ObjectClass.APC, AM, 0.9));
        assertThat(same.id()).as("beyond maxGate, within speed × dt, same side").isEqualTo("TRK-1");
        assertThat(same.hits()).isEqualTo(4);
    }

    @Test
    void aSameSideDetectionBeyondItsSpeedStartsANewTrack() {
        // A slow plausible speed (2 m/s), so that speed × dt rather than the filter's gate (≈ 3.8 km) binds.
        TrackerConfig d = TrackerConfig.defaults();
        NearestNeighbourTracker slow = new NearestNeighbourTracker(UTM, new TrackerConfig(d.gateSigmas(), d.minGateM(),
                d.alpha(), d.beta(), d.initialSpeedSigmaMps(), d.minSpeedSigmaMps(), d.confirmHits(), d.confirmWindow(),
                d.maxCoast(), d.evidenceLimit(), d.maxGateM(), d.sideConflict(), 2));
        int n = 0;
        for (Detection x : path("RU-UAV-01", T0, 30, 3, 0, 0, 0, 0, ObjectClass.APC, AM, 0.9)) slow.update("OBS-" + ++n, x);
        // 540 s since the last hit: 2 m/s × 540 s = 1080 m.
        Track beyond = slow.update("OBS-" + ++n, detection("TR-UAV-01", T0.plusSeconds(600), at(1_500, 0),
                ObjectClass.APC, AM, 0.9));
        assertThat(beyond.id()).as("1.5 km: farther than the speed allows").isEqualTo("TRK-2");
        Track within = slow.update("OBS-" + ++n, detection("TR-UAV-01", T0.plusSeconds(600), at(0, 1_000),
                ObjectClass.APC, AM, 0.9));
        assertThat(within.id()).as("1 km: beyond maxGate, within speed × dt").isEqualTo("TRK-1");
    }

    @Test
    void anUnsureSideDoesNotWidenTheGate() {
        stationaryConfirmedTrack();
        Track unsure = feed(detection("TR-UAV-01", T0.plusSeconds(600), at(-1_500, 0), ObjectClass.APC, AM, 0.7));
        assertThat(unsure.id()).isEqualTo("TRK-2");
    }

    @Test
    void gateSettingsAreValidated() {
        TrackerConfig d = TrackerConfig.defaults();
        assertThat(d.maxGateM()).isEqualTo(600);
        assertThat(d.sideConflict()).isEqualTo(0.8);
        assertThat(d.sameSideSpeedMps()).isEqualTo(15);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new TrackerConfig(
                3.5, 30, 0.5, 0.3, 20, 2, 3, Duration.ofMinutes(5), Duration.ofMinutes(10), 50, 20, 0.8, 15))
                .withMessageContaining("maxGateM");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new TrackerConfig(
                3.5, 30, 0.5, 0.3, 20, 2, 3, Duration.ofMinutes(5), Duration.ofMinutes(10), 50, 600, 0.5, 15))
                .withMessageContaining("sideConflict");
    }

    @Test
    void sizeIsTheLargestRecentCount() {
        List<Track> out = new ArrayList<>();
        for (int count : new int[] {3, 7, 5}) {
            out.add(feed(new Detection(AssetId.of("A"), T0.plusSeconds(out.size() * 10L), at(0, 0), 10,
                    ObjectClass.TRUCK, 0.9, Optional.empty(), 0, count, Optional.empty())));
        }
        assertThat(out.getLast().size()).isEqualTo(7);
    }

    private static Observation.Detection det(Instant t, double e, ObjectClass c, double conf) {
        return new Detection(AssetId.of("A"), t, at(e, 0), 10, c, conf, Optional.empty(), 0, 1, Optional.empty());
    }
}

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
        Track t = feed(detection("A", T0, at(0, 0), ObjectClass.APC, AM, 0.9));
        assertThat(t.sideConfidence()).isCloseTo(0.9, within(1e-9));
        t = feed(detection("B", T0.plusSeconds(10), at(0, 0), ObjectClass.APC, AM, 0.9));
        assertThat(t.sideConfidence()).isCloseTo(81.0 / 82.0, within(1e-9));
        t = feed(detection("C", T0.plusSeconds(20), at(0, 0), ObjectClass.APC, AZ, 0.9));
        t = feed(detection("D", T0.plusSeconds(30), at(0, 0), ObjectClass.APC, AZ, 0.9));
        assertThat(t.side()).isEmpty();
        assertThat(t.sideConfidence()).isCloseTo(0.5, within(1e-9));
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

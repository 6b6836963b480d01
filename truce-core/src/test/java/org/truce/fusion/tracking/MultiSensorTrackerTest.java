package org.truce.fusion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.testing.RuleFixtures.AM;
import static org.truce.testing.RuleFixtures.AZ;
import static org.truce.testing.RuleFixtures.RU_PK;
import static org.truce.testing.RuleFixtures.UTM;
import static org.truce.testing.RuleFixtures.at;
import static org.truce.testing.RuleFixtures.detection;
import static org.truce.testing.RuleFixtures.path;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.fusion.TrackerConfig;
import org.truce.ground.AssetId;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation.Detection;

class MultiSensorTrackerTest {
    private static final Instant T0 = Instant.parse("2020-11-12T08:00:00Z");
    private MultiSensorTracker tracker = new MultiSensorTracker(UTM, TrackerConfig.defaults());
    private int seq;

    private Track feed(Detection d) {
        tracker.advanceTo(d.time());
        return tracker.update("OBS-" + (++seq), d);
    }

    private Track feedAll(List<Detection> ds) {
        Track last = null;
        for (Detection d : ds) last = feed(d);
        return last;
    }

    /** A stationary AM APC at (e, n), seen every 10 s for a minute from {@code t}. */
    private Track look(Instant t, double e, double n, ObjectClass c, org.truce.ground.PartyId side) {
        return feedAll(path("RU-UAV-01", t, 10, 7, e, n, e, n, c, side, 0.9));
    }

    @Test
    void straightLineTargetKeepsOneConfirmedTrackWithItsVelocity() {
        // 10 m/s east for 20 minutes, a detection every 30 s with 10 m CEP.
        Track last = feedAll(path("RU-UAV-01", T0, 30, 41, 0, 0, 12_000, 0, ObjectClass.APC, AM, 0.9));
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
    void turningNoisyTargetKeepsOneTrack() {
        // 8 m/s north for 5 min, a 90° turn to the right over one minute (1.5°/s), 8 m/s east for 4 min; 30 m CEP
        // noise, a detection every 10 s.
        SplittableRandom rnd = new SplittableRandom(7);
        double sigma = 30 / 1.1774;
        double e = 0;
        double n = 0;
        double heading = 0;
        Track last = null;
        for (int k = 0; k <= 60; k++) {
            Detection d = new Detection(AssetId.of("RU-UAV-01"), T0.plusSeconds(10L * k),
                    at(e + rnd.nextGaussian() * sigma, n + rnd.nextGaussian() * sigma), 30, ObjectClass.TANK, 0.9,
                    Optional.of(AM), 0.9, 1, Optional.empty());
            last = feed(d);
            if (k >= 30 && k < 36) heading += 15;
            e += 80 * Math.sin(Math.toRadians(heading));
            n += 80 * Math.cos(Math.toRadians(heading));
        }
        assertThat(tracker.tracks()).singleElement().satisfies(t -> assertThat(t.id()).isEqualTo("TRK-1"));
        assertThat(last.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(last.velocityEastMps()).isCloseTo(8, within(2.0));
        assertThat(last.velocityNorthMps()).isCloseTo(0, within(2.0));
    }

    @Test
    void twoSeparatedTargetsStayTwoTracks() {
        List<Detection> a = path("RU-UAV-01", T0, 30, 20, 0, 0, 6_000, 0, ObjectClass.TANK, AM, 0.9);
        List<Detection> b = path("TR-UAV-01", T0.plusSeconds(5), 30, 20, 0, 1_000, 6_000, 1_000, ObjectClass.TANK, AZ, 0.9);
        Track lastA = null;
        Track lastB = null;
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
    void twoSensorsOnOneObjectMakeOneTrackAndFuseClassAndSide() {
        // Ported from the scan tracker that only tests used: a confident camera (APC, AM) and a vaguer drone
        // (TANK, no side) on one object moving 6 m/s east, both every 5 s.
        org.truce.ground.PartyId am = AM;
        Track last = null;
        for (int k = 0; k < 8; k++) {
            Instant t = T0.plusSeconds(5L * k);
            double e = 1000 + 30.0 * k;
            tracker.advanceTo(t);
            last = tracker.update("OBS-" + (++seq), new Detection(AssetId.of("RU-CAM-01"), t, at(e + 3, 200 - 2), 10,
                    ObjectClass.APC, 0.7, Optional.of(am), 0.8, 1, Optional.empty()));
            last = tracker.update("OBS-" + (++seq), new Detection(AssetId.of("TR-UAV-02"), t, at(e - 4, 200 + 5), 20,
                    ObjectClass.TANK, 0.55, Optional.empty(), 0, 1, Optional.empty()));
        }
        assertThat(tracker.tracks()).hasSize(1);
        assertThat(last.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(last.hits()).isEqualTo(16);
        assertThat(last.objectClass()).isEqualTo(ObjectClass.APC);
        assertThat(last.side()).contains(am);
        assertThat(last.evidence()).hasSize(16).last().isEqualTo("OBS-16");
    }

    /** A detection of one object with a stated class confidence and CEP (the fixtures' helper fixes 0.9, 10 m). */
    private static Detection seen(String asset, Instant t, double e, double n, double cepM, ObjectClass c, double cc,
                                  org.truce.ground.PartyId side) {
        return new Detection(AssetId.of(asset), t, at(e, n), cepM, c, cc, Optional.of(side), 0.9, 1, Optional.empty());
    }

    @Test
    void coLocatedObjectsAreToldApartByTheirClassReports() {
        // A post: an APC and infantry 20 m apart, one camera reporting both every 10 s. Now and then the infantry is
        // read as "personnel" with confidence 0.45 (too low to forbid a vehicle track), at the APC's very place.
        // By position alone it would take the APC's track, and the APC's own report of that scan, barred from the
        // track it already fed, would start a third track. Its class report says it is the people's.
        List<String> apc = new ArrayList<>();
        List<String> infantry = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            Instant t = T0.plusSeconds(10L * k);
            boolean misread = k >= 6 && k % 4 == 0;
            Detection people = misread ? seen("RU-CAM-01", t, 0, 0, 30, ObjectClass.PERSONNEL, 0.45, RU_PK)
                    : seen("RU-CAM-01", t, 20, 0, 30, ObjectClass.INFANTRY, 0.85, RU_PK);
            Detection vehicle = seen("RU-CAM-01", t, 0, 0, 30, ObjectClass.APC, 0.85, RU_PK);
            infantry.add(feed(people).id());
            apc.add(feed(vehicle).id());
        }
        assertThat(apc).as("the APC's detections").containsOnly("TRK-2");
        assertThat(infantry).as("the infantry's detections").containsOnly("TRK-1");
        assertThat(tracker.tracks()).hasSize(2);
    }

    @Test
    void aLaterReportOfTheSameScanThatFitsBetterTakesTheTrack() {
        // A post APC seen for two minutes; then a patrol APC of the same side drives past it, and the camera reports
        // the patrol first in each scan. The post's report of the same scan fits the post's track better, so it
        // displaces the patrol's, which starts (and keeps) a track of its own.
        for (int k = 0; k < 12; k++) {
            assertThat(feed(seen("RU-CAM-01", T0.plusSeconds(10L * k), 0, 0, 30, ObjectClass.APC, 0.85, RU_PK)).id())
                    .isEqualTo("TRK-1");
        }
        List<String> post = new ArrayList<>();
        List<String> patrol = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Instant t = T0.plusSeconds(120 + 10L * k);
            double e = -120 + 40 * k;  // 4 m/s past the post, 60 m to its north
            feed(seen("RU-CAM-01", t, e, 60, 30, ObjectClass.APC, 0.85, RU_PK));
            post.add(feed(seen("RU-CAM-01", t, 0, 0, 30, ObjectClass.APC, 0.85, RU_PK)).id());
        }
        assertThat(post).containsOnly("TRK-1");
        Track postTrack = tracker.tracks().stream().filter(t -> t.id().equals("TRK-1")).findFirst().orElseThrow();
        assertThat(UTM.distanceM(postTrack.position(), at(0, 0))).as("the post's track stayed at the post").isLessThan(30);
        for (int k = 6; k < 9; k++) {
            Instant t = T0.plusSeconds(120 + 10L * k);
            patrol.add(feed(seen("RU-CAM-01", t, -120 + 40 * k, 60, 30, ObjectClass.APC, 0.85, RU_PK)).id());
        }
        assertThat(patrol).doesNotContain("TRK-1").hasSize(3).allSatisfy(id -> assertThat(id).isEqualTo(patrol.getFirst()));
    }

    @Test
    void aConfidentlyDifferentSideNeverJoinsAConfidentTrack() {
        feed(detection("A", T0, at(0, 0), ObjectClass.APC, AM, 0.9));
        Track own = feed(detection("B", T0.plusSeconds(10), at(0, 0), ObjectClass.APC, AM, 0.9));
        assertThat(own.sideConfidence()).isGreaterThanOrEqualTo(0.8);
        Track other = feed(detection("C", T0.plusSeconds(20), at(5, 0), ObjectClass.APC, AZ, 0.8));
        assertThat(other.id()).as("5 m away, but another army").isEqualTo("TRK-2");
        assertThat(other.side()).contains(AZ);
    }

    @Test
    void peopleNeverJoinAVehicleTrack() {
        look(T0, 0, 0, ObjectClass.TANK, AM);
        Track people = feed(detection("RU-UAV-01", T0.plusSeconds(70), at(0, 0), ObjectClass.INFANTRY, AM, 0.9));
        assertThat(people.id()).isEqualTo("TRK-2");
    }

    @Test
    void aFalseAlarmNeverConfirmsAndIsDropped() {
        Track fa = feed(detection("RU-UAV-01", T0, at(5_000, 5_000), ObjectClass.TANK, null, 0));
        assertThat(fa.status()).isEqualTo(TrackStatus.TENTATIVE);
        List<Track> gone = tracker.advanceTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(gone).extracting(Track::id, Track::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TRK-1", TrackStatus.DELETED));
        assertThat(tracker.tracks()).isEmpty();
        assertThat(tracker.dormantCount()).as("only confirmed tracks go dormant").isZero();
    }

    @Test
    void clutterTimesOutBeforeItConfirms() {
        SplittableRandom random = new SplittableRandom(3);
        java.util.Set<String> confirmed = new java.util.HashSet<>();
        // One false alarm every 20 s over 20 km x 20 km for two hours: 0.45 per km^2 per hour, under the configured 1.
        for (int k = 0; k < 360; k++) {
            Instant t = T0.plusSeconds(20L * k);
            Track e = feed(new Detection(AssetId.of("RU-CAM-01"), t,
                    at(random.nextDouble(-10_000, 10_000), random.nextDouble(-10_000, 10_000)), 60,
                    ObjectClass.UNKNOWN, 0, Optional.empty(), 0, 1, Optional.empty()));
            if (e.status() == TrackStatus.CONFIRMED) confirmed.add(e.id());
        }
        assertThat(confirmed).isEmpty();
        assertThat(tracker.tracks().size()).as("tentative tracks time out").isLessThanOrEqualTo(7);
    }

    @Test
    void aConfirmedTrackLeavesTheLivePictureAfterCoastingTenMinutes() {
        Track t = look(T0, 0, 0, ObjectClass.APC, AM);
        assertThat(t.status()).isEqualTo(TrackStatus.CONFIRMED);
        Instant last = T0.plusSeconds(60);
        assertThat(tracker.advanceTo(last.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(tracker.advanceTo(last.plus(Duration.ofMinutes(10)).plusSeconds(1)))
                .singleElement().satisfies(g -> assertThat(g.status()).isEqualTo(TrackStatus.DELETED));
        assertThat(tracker.tracks()).isEmpty();
        assertThat(tracker.dormantCount()).isOne();
    }

    @Test
    void aCoastingGateStaysWithinTheMaximumSpeed() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        // 5 min later, 3 km away: 8 m/s × 300 s = 2.4 km, out of reach though the filter's own gate would take it.
        Track far = feed(detection("TR-UAV-01", T0.plusSeconds(360), at(3_000, 0), ObjectClass.APC, AM, 0.9));
        assertThat(far.id()).isEqualTo("TRK-2");
        Track near = feed(detection("TR-UAV-01", T0.plusSeconds(370), at(300, 0), ObjectClass.APC, AM, 0.9));
        assertThat(near.id()).isEqualTo("TRK-1");
    }

    @Test
    void aUnitSeenAgainNearbyAfterTwoHoursKeepsItsTrack() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        Instant later = T0.plus(Duration.ofHours(2));
        List<Track> gone = tracker.advanceTo(later);
        assertThat(gone).extracting(Track::id).containsExactly("TRK-1");
        Track first = feed(detection("TR-UAV-01", later, at(150, -100), ObjectClass.APC, AM, 0.9));
        assertThat(first.id()).isEqualTo("TRK-1");
        assertThat(first.status()).as("re-acquired, confirming again").isEqualTo(TrackStatus.TENTATIVE);
        Track back = look(later.plusSeconds(10), 150, -100, ObjectClass.APC, AM);
        assertThat(back.id()).isEqualTo("TRK-1");
        assertThat(back.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(back.firstSeen()).isEqualTo(T0);
        assertThat(back.hits()).isEqualTo(15);
        assertThat(UTM.distanceM(back.position(), at(150, -100))).isLessThan(20);
        assertThat(tracker.tracks()).hasSize(1);
    }

    @Test
    void aPostRevisitedHoursLaterKeepsItsTrackThoughAPatrolOfItsKindWentDormantNearby() {
        // A peacekeepers' APC stands at a post (0, 0), watched for 3 min. Hours later an APC of the same side drives
        // east past the post and is lost from view 220 m from it; 14 min after that the post is looked at again. The
        // patrol's dormant track is recent, so its wander gate is tighter than the post's hours-old one: only the
        // post's stationary history says the object at the post is the post's.
        Track post = feedAll(path("RU-UAV-01", T0, 10, 19, 0, 0, 0, 0, ObjectClass.APC, RU_PK, 0.9));
        assertThat(post.id()).isEqualTo("TRK-1");
        Instant patrolStart = T0.plus(Duration.ofMinutes(160));
        Track patrol = feedAll(path("RU-UAV-02", patrolStart, 10, 36, -2600, 100, 200, 100, ObjectClass.APC, RU_PK,
                0.9));
        assertThat(patrol.id()).isEqualTo("TRK-2");
        assertThat(patrol.status()).isEqualTo(TrackStatus.CONFIRMED);
        Instant revisit = patrolStart.plusSeconds(350 + 14 * 60);
        tracker.advanceTo(revisit);
        assertThat(tracker.tracks()).as("both dormant").isEmpty();
        List<Track> back = new ArrayList<>();
        for (Detection d : path("RU-UAV-01", revisit, 10, 19, 0, 0, 0, 0, ObjectClass.APC, RU_PK, 0.9)) {
            back.add(feed(d));
        }
        assertThat(back).extracting(Track::id).containsOnly("TRK-1");
        assertThat(back.get(back.size() - 1).status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(back.get(back.size() - 1).firstSeen()).isEqualTo(T0);
        assertThat(back.get(back.size() - 1).hits()).isEqualTo(38);
    }

    @Test
    void aPatrolPassingAPostKeepsItsTrackAndThePostItsOwn() {
        // The post's APC, watched for 3 min, is looked at again 3 h later by one drone while another follows an APC of
        // the same side driving past it at 8 m/s, 60 m away: each keeps its own track.
        feedAll(path("RU-UAV-01", T0, 10, 19, 0, 0, 0, 0, ObjectClass.APC, RU_PK, 0.9));
        Instant later = T0.plus(Duration.ofHours(3));
        List<Detection> all = new ArrayList<>();
        all.addAll(path("RU-UAV-02", later.plusSeconds(5), 10, 41, -1600, 60, 1600, 60, ObjectClass.APC, RU_PK, 0.9));
        all.addAll(path("RU-UAV-01", later.plusSeconds(150), 10, 19, 0, 0, 0, 0, ObjectClass.APC, RU_PK, 0.9));
        all.sort(java.util.Comparator.comparing(Detection::time));
        List<String> patrolTracks = new ArrayList<>();
        List<String> postTracks = new ArrayList<>();
        for (Detection d : all) {
            Track t = feed(d);
            (d.asset().value().equals("RU-UAV-01") ? postTracks : patrolTracks).add(t.id());
        }
        assertThat(postTracks).containsOnly("TRK-1");
        assertThat(patrolTracks).doesNotContain("TRK-1").containsOnly(patrolTracks.get(0));
    }

    @Test
    void aDifferentSideNearbyDoesNotTakeADormantTrack() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        Instant later = T0.plus(Duration.ofHours(2));
        tracker.advanceTo(later);
        Track other = feed(detection("TR-UAV-01", later, at(50, 0), ObjectClass.APC, AZ, 0.9));
        assertThat(other.id()).isEqualTo("TRK-2");
        assertThat(tracker.dormantCount()).isOne();
    }

    @Test
    void aConfidentlyDifferentClassDoesNotTakeADormantTrack() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        Instant later = T0.plus(Duration.ofHours(2));
        tracker.advanceTo(later);
        Track truck = feed(new Detection(AssetId.of("TR-UAV-01"), later, at(50, 0), 10, ObjectClass.TRUCK, 0.9,
                Optional.empty(), 0, 1, Optional.empty()));
        assertThat(truck.id()).isEqualTo("TRK-2");
    }

    @Test
    void aTooFarReappearanceStartsANewTrack() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        Instant later = T0.plus(Duration.ofHours(2));
        tracker.advanceTo(later);
        // The wander gate is capped at 3 km however long the gap; 5 km away is another unit.
        Track far = feed(detection("TR-UAV-01", later, at(5_000, 0), ObjectClass.APC, AM, 0.9));
        assertThat(far.id()).isEqualTo("TRK-2");
    }

    @Test
    void theWanderGateGrowsWithTheGap() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        // 1 m/s × 15 min = 900 m: 800 m away is still unlikely against a new object after 15 minutes …
        Instant soon = T0.plus(Duration.ofMinutes(16));
        tracker.advanceTo(soon);
        assertThat(feed(detection("TR-UAV-01", soon, at(800, 0), ObjectClass.APC, AM, 0.9)).id()).isEqualTo("TRK-2");
        // … but within reach of a track dormant for an hour.
        tracker = new MultiSensorTracker(UTM, TrackerConfig.defaults());
        look(T0, 0, 0, ObjectClass.APC, AM);
        Instant later = T0.plus(Duration.ofHours(1));
        tracker.advanceTo(later);
        assertThat(feed(detection("TR-UAV-01", later, at(800, 0), ObjectClass.APC, AM, 0.9)).id()).isEqualTo("TRK-1");
    }

    @Test
    void aFailedReacquisitionRestoresTheDormantTrack() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        Instant later = T0.plus(Duration.ofHours(2));
        tracker.advanceTo(later);
        // A lone false alarm 400 m away wakes the track, never confirms, and is dropped with it.
        Track woken = feed(new Detection(AssetId.of("TR-UAV-01"), later, at(400, 0), 10, ObjectClass.APC, 0.4,
                Optional.empty(), 0, 1, Optional.empty()));
        assertThat(woken.id()).isEqualTo("TRK-1");
        assertThat(tracker.advanceTo(later.plus(Duration.ofMinutes(3)))).extracting(Track::id).containsExactly("TRK-1");
        assertThat(tracker.dormantCount()).isOne();
        // The unit itself, at its old place: re-acquired from the old position, not the false alarm's.
        Track back = look(later.plus(Duration.ofMinutes(4)), 0, 0, ObjectClass.APC, AM);
        assertThat(back.id()).isEqualTo("TRK-1");
        assertThat(back.hits()).as("7 + 7, the false alarm forgotten").isEqualTo(14);
        assertThat(back.evidence()).doesNotContain("OBS-8");
    }

    @Test
    void aDormantTrackIsForgottenAfterTheHorizon() {
        // A unit driving at 5 m/s: forgotten after 12 h.
        feedAll(path("RU-UAV-01", T0, 10, 7, 0, 0, 300, 0, ObjectClass.APC, AM, 0.9));
        Instant muchLater = T0.plus(Duration.ofHours(13));
        tracker.advanceTo(muchLater);
        assertThat(tracker.dormantCount()).isZero();
        assertThat(feed(detection("TR-UAV-01", muchLater, at(300, 0), ObjectClass.APC, AM, 0.9)).id())
                .isEqualTo("TRK-2");
    }

    @Test
    void aStationaryDormantTrackIsRememberedTwiceAsLong() {
        look(T0, 0, 0, ObjectClass.APC, AM);
        tracker.advanceTo(T0.plus(Duration.ofHours(13)));
        assertThat(tracker.dormantCount()).isEqualTo(1);
        Instant dayLater = T0.plus(Duration.ofHours(25));
        tracker.advanceTo(dayLater);
        assertThat(tracker.dormantCount()).isZero();
        assertThat(feed(detection("TR-UAV-01", dayLater, at(0, 0), ObjectClass.APC, AM, 0.9)).id()).isEqualTo("TRK-2");
    }

    @Test
    void reacquisitionCanBeTurnedOff() {
        tracker = new MultiSensorTracker(UTM, TrackerConfig.defaults().withReacquisition(Duration.ZERO, 1, 3_000));
        look(T0, 0, 0, ObjectClass.APC, AM);
        Instant later = T0.plus(Duration.ofHours(2));
        tracker.advanceTo(later);
        assertThat(feed(detection("TR-UAV-01", later, at(0, 0), ObjectClass.APC, AM, 0.9)).id()).isEqualTo("TRK-2");
    }

    @Test
    void theSameDetectionsGiveTheSameTracks() {
        List<Detection> input = new ArrayList<>();
        input.addAll(path("RU-UAV-01", T0, 10, 10, 0, 0, 900, 0, ObjectClass.APC, AM, 0.9));
        input.addAll(path("TR-UAV-01", T0.plus(Duration.ofHours(1)), 10, 10, 300, 0, 300, 900, ObjectClass.APC, AM, 0.9));
        List<Track> first = new ArrayList<>();
        for (Detection d : input) first.add(feed(d));
        tracker = new MultiSensorTracker(UTM, TrackerConfig.defaults());
        seq = 0;
        List<Track> second = new ArrayList<>();
        for (Detection d : input) second.add(feed(d));
        assertThat(second).isEqualTo(first);
    }
}

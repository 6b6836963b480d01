package org.truce.fusion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.testing.RuleFixtures.AM;
import static org.truce.testing.RuleFixtures.UTM;
import static org.truce.testing.RuleFixtures.path;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.fusion.TrackerConfig;
import org.truce.sensing.Appearance;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation.Detection;

/** Re-identification by look: a unit that moved kilometres unseen takes back its track; another unit does not. */
class ReidentificationTest {
    private static final Instant T0 = Instant.parse("2020-11-12T08:00:00Z");
    private static final int DIMENSIONS = 16;
    private static final double SIGMA = 0.7;
    private final MultiSensorTracker tracker = new MultiSensorTracker(UTM, TrackerConfig.defaults());
    private final SplittableRandom rnd = new SplittableRandom(11);
    private int seq;

    private double[] unitLook() {
        double[] v = new double[DIMENSIONS];
        for (int k = 0; k < v.length; k++) v[k] = rnd.nextGaussian();
        return v;
    }

    /** A pass over a stationary tank at (e, n): a detection every 10 s for 5 min, each with a noisy look. */
    private Track pass(Instant t, double e, double n, Optional<double[]> look) {
        Track last = null;
        for (Detection d : path("RU-UAV-01", t, 10, 31, e, n, e, n, ObjectClass.TANK, AM, 0.9)) {
            Detection withLook = new Detection(d.asset(), d.time(), d.position(), d.cepM(), d.objectClass(),
                    d.classConfidence(), d.side(), d.sideConfidence(), d.count(), d.sensorTrackId(),
                    look.map(this::seen));
            tracker.advanceTo(withLook.time());
            last = tracker.update("OBS-" + (++seq), withLook);
        }
        return last;
    }

    private Appearance seen(double[] own) {
        List<Double> v = new ArrayList<>();
        for (double c : own) v.add(c + rnd.nextGaussian() * SIGMA);
        return new Appearance(v, SIGMA);
    }

    @Test
    void aUnitSeenAgainFarAwayTakesBackItsTrackByItsLook() {
        double[] tank = unitLook();
        Track first = pass(T0, 0, 0, Optional.of(tank));
        assertThat(first.status()).isEqualTo(TrackStatus.CONFIRMED);
        // Two hours later, 6 km away: far beyond the wander gate (3 km at most).
        Track again = pass(T0.plusSeconds(7200), 6000, 0, Optional.of(tank));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(UTM.distanceM(again.position(), org.truce.testing.RuleFixtures.at(6000, 0))).isLessThan(30);
        assertThat(again.hits()).isEqualTo(62);
        assertThat(again.evidence()).contains("OBS-32", "OBS-62");
    }

    @Test
    void anotherUnitOfTheSameKindThereStartsItsOwnTrack() {
        Track first = pass(T0, 0, 0, Optional.of(unitLook()));
        Track other = pass(T0.plusSeconds(7200), 6000, 0, Optional.of(unitLook()));
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(other.evidence()).doesNotContain("OBS-1");
    }

    @Test
    void withoutLooksTheFarUnitIsANewTrack() {
        Track first = pass(T0, 0, 0, Optional.empty());
        Track again = pass(T0.plusSeconds(7200), 6000, 0, Optional.empty());
        assertThat(again.id()).isNotEqualTo(first.id());
    }

    @Test
    void aPublishedYoungTrackMergedIntoTheOldOneIsReportedDeleted() {
        double[] tank = unitLook();
        Track first = pass(T0, 0, 0, Optional.of(tank));
        List<String> deleted = new ArrayList<>();
        Track last = null;
        for (Detection d : path("RU-UAV-01", T0.plusSeconds(7200), 10, 31, 6000, 0, 6000, 0, ObjectClass.TANK, AM, 0.9)) {
            // The first detections carry no look, so the young track confirms before it is recognised.
            boolean early = d.time().isBefore(T0.plusSeconds(7260));
            Detection x = new Detection(d.asset(), d.time(), d.position(), d.cepM(), d.objectClass(),
                    d.classConfidence(), d.side(), d.sideConfidence(), d.count(), d.sensorTrackId(),
                    early ? Optional.empty() : Optional.of(seen(tank)));
            tracker.advanceTo(x.time()).forEach(t -> deleted.add(t.id() + " " + t.status()));
            last = tracker.update("OBS-" + (++seq), x);
        }
        assertThat(last.id()).isEqualTo(first.id());
        assertThat(deleted).anyMatch(s -> s.endsWith("DELETED") && !s.startsWith(first.id() + " "));
    }

    @Test
    void lookCostFavoursOneObjectForLooksOfOneAndTwoForLooksOfTwo() {
        int n = 2000;
        int sameRight = 0, otherRight = 0;
        for (int i = 0; i < n; i++) {
            double[] a = unitLook(), b = unitLook();
            double[] s1 = sum(a, 5), s2 = sum(a, 5), s3 = sum(b, 5);
            double p = 5 / (SIGMA * SIGMA);
            if (MultiSensorTracker.lookCost(s1, p, s2, p) < 0) sameRight++;
            if (MultiSensorTracker.lookCost(s1, p, s3, p) > 0) otherRight++;
            // Symmetric in its two looks.
            assertThat(MultiSensorTracker.lookCost(s1, p, s3, p))
                    .isCloseTo(MultiSensorTracker.lookCost(s3, p, s1, p), org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(sameRight).isGreaterThan(n * 99 / 100);
        assertThat(otherRight).isGreaterThan(n * 99 / 100);
        // A look measured with no precision says nothing: the odds are even.
        double[] a = sum(unitLook(), 5);
        assertThat(MultiSensorTracker.lookCost(a, 5 / (SIGMA * SIGMA), new double[DIMENSIONS], 1e-12))
                .isCloseTo(0, org.assertj.core.api.Assertions.within(1e-6));
    }

    /** Precision-weighted sum of {@code looks} noisy looks at {@code own}. */
    private double[] sum(double[] own, int looks) {
        double[] s = new double[own.length];
        double w = 1 / (SIGMA * SIGMA);
        for (int j = 0; j < looks; j++) {
            for (int k = 0; k < own.length; k++) s[k] += (own[k] + rnd.nextGaussian() * SIGMA) * w;
        }
        return s;
    }
}

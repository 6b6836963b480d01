package org.truce.fusion.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.truce.fusion.locate.LocationResult.Reason;
import org.truce.ground.uncertainty.Covariance2;

class EventLocatorTest {
    private static final Instant EMISSION = Instant.parse("2020-11-14T03:12:40Z");
    private static final double C = 343;

    private final EventLocator locator = new EventLocator(LocatorConfig.defaults());

    @Test
    void threeSensorsOnACircleWithEqualArrivalsPutTheSourceAtTheCentre() {
        List<Cue> cues = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double a = Math.toRadians(90 + 120 * k);
            cues.add(new Cue.Arrival("OBS-" + k, "RU-ACU-0" + (k + 1), EMISSION.plusSeconds(5),
                    5000 + 2000 * Math.cos(a), -3000 + 2000 * Math.sin(a), 0.001));
        }
        LocatedEvent e = located(locator.locate(cues));
        assertThat(e.x()).isCloseTo(5000, within(1e-6));
        assertThat(e.y()).isCloseTo(-3000, within(1e-6));
        assertThat(e.degreesOfFreedom()).isZero();
        // 2000 m of travel at 343 m/s: the sound left 5.830903790 s before it arrived.
        Instant emitted = EMISSION.plusSeconds(5).minusNanos(5_830_903_790L);
        assertThat(e.time()).isBetween(emitted.minusNanos(10), emitted.plusNanos(10));
    }

    @Test
    void exactArrivalTimesRecoverAKnownSourceToMicrometres() {
        double sx = 1234.5;
        double sy = -678.9;
        double[][] sensors = {{0, 0}, {3000, 200}, {2800, -2900}, {-300, -2500}};
        LocatedEvent e = located(locator.locate(arrivals(sensors, sx, sy, 0.002, null)));
        assertThat(Math.hypot(e.x() - sx, e.y() - sy)).isLessThan(2e-6);
        assertThat(e.time()).isBetween(EMISSION.minusNanos(10), EMISSION.plusNanos(10));
        assertThat(e.chiSquare()).isLessThan(1e-6);
    }

    @Test
    void exactBearingsRecoverAKnownSourceToMicrometres() {
        double sx = -4321.0;
        double sy = 8765.4;
        double[][] posts = {{0, 0}, {-9000, 1000}, {2000, 12000}};
        LocatedEvent e = located(locator.locate(bearings(posts, sx, sy, 1.0, null)));
        assertThat(Math.hypot(e.x() - sx, e.y() - sy)).isLessThan(1e-6);
        assertThat(e.evidence()).containsExactly("OBS-B0", "OBS-B1", "OBS-B2");
    }

    @Test
    void twoArrivalsAndABearingTogetherFixTheSource() {
        double sx = 2500;
        double sy = 1800;
        List<Cue> cues = new ArrayList<>(arrivals(new double[][] {{0, 0}, {3000, -500}}, sx, sy, 0.002, null));
        cues.addAll(bearings(new double[][] {{-1000, 3000}}, sx, sy, 1.0, null));
        LocatedEvent e = located(locator.locate(cues));
        assertThat(Math.hypot(e.x() - sx, e.y() - sy)).isLessThan(1e-5);
        assertThat(e.degreesOfFreedom()).isZero();
        assertThat(e.evidence()).hasSize(3);
    }

    @Test
    void collinearAcousticSensorsAreRejectedNotGuessed() {
        double[][] line = {{0, 0}, {1000, 1000}, {2500, 2500.5}, {4000, 4000}};
        LocationResult r = locator.locate(arrivals(line, 3000, 500, 0.001, null));
        assertThat(r).isInstanceOfSatisfying(LocationResult.Rejected.class, rej -> {
            assertThat(rej.reason()).isEqualTo(Reason.COLLINEAR_SENSORS);
            assertThat(rej.detail()).contains("on a line");
            assertThat(rej.evidence()).hasSize(4);
        });
    }

    @Test
    void threeSensorsFarFromTheSourceHaveTwoSolutionsAndAFourthResolvesThem() {
        double[][] three = {{0, 0}, {2000, 0}, {1000, 1700}};
        LocationResult r = locator.locate(arrivals(three, 0, 6000, 0.002, null));
        assertThat(r).isInstanceOfSatisfying(LocationResult.Rejected.class, rej -> {
            assertThat(rej.reason()).isEqualTo(Reason.AMBIGUOUS);
            assertThat(rej.detail()).contains("two places fit");
        });
        double[][] four = {{0, 0}, {2000, 0}, {1000, 1700}, {1000, -1500}};
        LocatedEvent e = located(locator.locate(arrivals(four, 0, 6000, 0.002, null)));
        assertThat(Math.hypot(e.x(), e.y() - 6000)).isLessThan(1e-3);
    }

    @Test
    void parallelBearingsAreRejected() {
        List<Cue> cues = List.of(
                new Cue.Bearing("OBS-1", "RU-OBS-01", EMISSION, 0, 0, 45, 1, Optional.empty()),
                new Cue.Bearing("OBS-2", "TR-OBS-01", EMISSION, 100, 0, 46, 1, Optional.empty()));
        assertThat(reason(locator.locate(cues))).isEqualTo(Reason.PARALLEL_BEARINGS);
    }

    @Test
    void bearingsCrossingFarAwayAreIllConditioned() {
        // 6 degrees apart: passes the crossing check, but the fix is 10 km long.
        List<Cue> cues = List.of(
                new Cue.Bearing("OBS-1", "RU-OBS-01", EMISSION, 0, 0, 3, 2, Optional.empty()),
                new Cue.Bearing("OBS-2", "TR-OBS-01", EMISSION, 2000, 0, -3, 2, Optional.empty()));
        assertThat(reason(locator.locate(cues))).isEqualTo(Reason.ILL_CONDITIONED);
    }

    @Test
    void twoArrivalsAreTooFew() {
        double[][] two = {{0, 0}, {1000, 0}};
        assertThat(reason(locator.locate(arrivals(two, 500, 500, 0.001, null)))).isEqualTo(Reason.TOO_FEW_CUES);
    }

    @Test
    void fixesFarApartAreInconsistent() {
        List<Cue> cues = List.of(
                new Cue.Fix("OBS-1", "RU-UAV-01", EMISSION, 0, 0, Covariance2.fromCep(50)),
                new Cue.Fix("OBS-2", "TR-UAV-01", EMISSION, 5000, 0, Covariance2.fromCep(50)));
        assertThat(reason(locator.locate(cues))).isEqualTo(Reason.INCONSISTENT_CUES);
    }

    @Test
    void twoAgreeingFixesAverageByTheirWeights() {
        List<Cue> cues = List.of(
                new Cue.Fix("OBS-1", "RU-UAV-01", EMISSION, 0, 0, Covariance2.circular(10)),
                new Cue.Fix("OBS-2", "TR-UAV-01", EMISSION, 30, 0, Covariance2.circular(20)));
        LocatedEvent e = located(locator.locate(cues));
        assertThat(e.x()).isCloseTo(30 * 0.2, within(1e-9)); // weights 1/100 and 1/400
        assertThat(e.covariance().xx()).isCloseTo(80, within(1e-9));
    }

    @Test
    void aBearingWithADistanceBandIsAPointWithItsUncertainty() {
        // "3-6 km south-east" from a post at the origin, bearing sigma 5 degrees.
        List<Cue> cues = List.of(new Cue.Bearing("OBS-1", "TR-OBS-01", EMISSION, 0, 0, 135, 5,
                Optional.of(new Cue.RangeBand(3000, 6000))));
        LocatedEvent e = located(locator.locate(cues));
        assertThat(Math.hypot(e.x(), e.y())).isCloseTo(4500, within(1e-6));
        assertThat(Math.toDegrees(Math.atan2(e.x(), e.y()))).isCloseTo(135, within(1e-9));
        assertThat(e.ellipse95().orientationDeg()).isCloseTo(135, within(1e-6));
        assertThat(e.ellipse95().semiMajorM()).isCloseTo(Math.sqrt(5.991) * 3000 / Math.sqrt(12), within(1.0));
        assertThat(e.ellipse95().semiMinorM()).isCloseTo(Math.sqrt(5.991) * 4500 * Math.toRadians(5), within(1.0));
    }

    @Test
    void monteCarloTdoaEllipsesHoldTheTruthAndTheErrorMeetsTheCramerRaoBound() {
        double[][] sensors = {{0, 0}, {4000, 300}, {3500, -3800}, {-200, -3500}};
        checkMonteCarlo(sensors, 2600, 900, true, 0.003, 11);
    }

    @Test
    void monteCarloBearingEllipsesHoldTheTruthAndTheErrorMeetsTheCramerRaoBound() {
        double[][] posts = {{0, 0}, {6000, -1000}, {2500, 7000}};
        checkMonteCarlo(posts, 3300, 2400, false, 1.5, 12);
    }

    private void checkMonteCarlo(double[][] sensors, double sx, double sy, boolean acoustic, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LocationAccuracy accuracy = new LocationAccuracy();
        List<Cue> exact = acoustic ? arrivals(sensors, sx, sy, sigma, null) : bearings(sensors, sx, sy, sigma, null);
        Covariance2 crlb = locator.crlb(exact, sx, sy);
        for (int t = 0; t < 1000; t++) {
            List<Cue> cues = acoustic ? arrivals(sensors, sx, sy, sigma, random)
                    : bearings(sensors, sx, sy, sigma, random);
            accuracy.add(located(locator.locate(cues)), sx, sy, crlb);
        }
        assertThat(accuracy.count()).isEqualTo(1000);
        assertThat(accuracy.crlbRmsM()).isCloseTo(crlb.rmsRadialM(), within(1e-9));
        assertThat(accuracy.ellipseCoverage()).as("share of 95 %% ellipses holding the truth").isBetween(0.93, 0.97);
        assertThat(accuracy.efficiencyRatio()).as("RMS error over the Cramer-Rao bound").isBetween(1 / 1.5, 1.5);
    }

    private static List<Cue> arrivals(double[][] sensors, double sx, double sy, double sigma, SplittableRandom noise) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < sensors.length; i++) {
            double travel = Math.hypot(sx - sensors[i][0], sy - sensors[i][1]) / C;
            double error = noise == null ? 0 : gauss(noise) * sigma;
            long nanos = Math.round((travel + error) * 1e9);
            cues.add(new Cue.Arrival("OBS-A" + i, "RU-ACU-0" + (i + 1), EMISSION.plusNanos(nanos), sensors[i][0],
                    sensors[i][1], sigma));
        }
        return cues;
    }

    private static List<Cue> bearings(double[][] posts, double sx, double sy, double sigmaDeg,
                                      SplittableRandom noise) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < posts.length; i++) {
            double b = Math.toDegrees(Math.atan2(sx - posts[i][0], sy - posts[i][1]));
            double error = noise == null ? 0 : gauss(noise) * sigmaDeg;
            cues.add(new Cue.Bearing("OBS-B" + i, "TR-OBS-0" + (i + 1), EMISSION.plusSeconds(i), posts[i][0],
                    posts[i][1], b + error, sigmaDeg, Optional.empty()));
        }
        return cues;
    }

    private static double gauss(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static LocatedEvent located(LocationResult r) {
        assertThat(r).isInstanceOf(LocationResult.Located.class);
        return ((LocationResult.Located) r).event();
    }

    private static Reason reason(LocationResult r) {
        assertThat(r).isInstanceOf(LocationResult.Rejected.class);
        return ((LocationResult.Rejected) r).reason();
    }
}

package org.truce.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;
import org.truce.sim.KarabakhFixtureAccess;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.truth.ViolationMonitor;

/** The sensor models err as configured: detection probability, CEP, class and side confusion, false alarms, bearings. */
class SensorsTest {
    private static final Instant T0 = Instant.parse("2020-11-19T12:00:00Z");
    private final TheaterMap map = new TheaterMap(KarabakhFixtureAccess.agreement(), T0, T0.plusSeconds(86_400));
    private final SimulationSetup.SensorModel model = KarabakhFixtureAccess.setup().sensors();

    private Sensors sensors(long seed) {
        return new Sensors(model, new SplittableRandom(seed), map.projector(), new ViolationMonitor(map, T0, 3), T0,
                List.of(PartyId.of("AM"), PartyId.of("AZ"), PartyId.of("RU-PK")), 2);
    }

    private SimAsset camera(double x, double y) {
        Asset a = new Asset(AssetId.of("RU-CAM-09"), ContingentId.of("RU"), AssetKind.CAMERA, "test",
                new SensorSpec(6000, 60, 0, 0, 60), OptionalInt.empty(), Optional.empty(), Optional.empty());
        return new SimAsset(a, x, y, 0);
    }

    @Test
    void detectionsFollowTheConfiguredProbabilityErrorAndConfusion() {
        var origin = map.projector().toLocal(39.95, 47.20);
        SimAsset cam = camera(origin.x, origin.y);
        Unit u = new Unit(0, "U-AZ-999", PartyId.of("AZ"), ObjectClass.TANK, 1, Unit.Role.HOLDING, origin.x, origin.y + 2000);
        View view = new View.Sector(origin.x, origin.y, 0, 60, 6000);
        Sensors s = sensors(42);
        int cycles = 20_000;
        for (int i = 0; i < cycles; i++) s.detect(cam, i * 10.0, List.of(u), view, 0, 6000, 10, false);
        List<Observation.Detection> all = s.drain().stream().map(t -> (Observation.Detection) t.observation()).toList();
        List<Observation.Detection> real = all.stream().filter(d -> d.count() == 1 && d.side().isPresent()
                || d.classConfidence() >= 0.4).toList();
        double pd = s.detectionProbability(2000, 6000);
        assertThat(pd).isCloseTo(0.95 - 0.45 / 9, within(1e-9));
        double expectedCep = model.cepBaseM() + model.cepPerKmM() * 2;
        double[] errors = all.stream().filter(d -> Math.abs(d.cepM() - expectedCep) < 1e-9)
                .mapToDouble(d -> {
                    var c = map.projector().toLocal(d.position());
                    return Math.hypot(c.x - u.x(), c.y - u.y());
                }).sorted().toArray();
        assertThat(errors.length / (double) cycles).isCloseTo(pd, within(0.015));
        assertThat(errors[errors.length / 2]).as("median error is the CEP").isCloseTo(expectedCep, within(expectedCep * 0.05));
        long rightClass = all.stream().filter(d -> d.objectClass() == ObjectClass.TANK && d.classConfidence() >= 0.7).count();
        long trueReports = errors.length;
        assertThat(rightClass / (double) trueReports).isCloseTo(model.classAccuracy(), within(0.015));
        long rightSide = all.stream().filter(d -> d.side().equals(Optional.of(PartyId.of("AZ")))).count();
        long noSide = all.stream().filter(d -> d.side().isEmpty()).count();
        assertThat(rightSide / (double) trueReports).isCloseTo(model.sideAccuracy(), within(0.015));
        long falseAlarms = all.size() - trueReports;
        assertThat((noSide - falseAlarms) / (double) trueReports).isCloseTo(model.sideUnknownShare(), within(0.015));
        double expectedFalse = cycles * model.falseDetectionsPerHour() * 10 / 3600;
        assertThat((double) falseAlarms).isCloseTo(expectedFalse, within(4 * Math.sqrt(expectedFalse)));
        assertThat(real).isNotEmpty();
    }

    @Test
    void looksFollowTheConfiguredShareAndNoiseAndDifferBetweenUnits() {
        var re = model.reidentification().orElseThrow();
        var origin = map.projector().toLocal(39.95, 47.20);
        SimAsset cam = camera(origin.x, origin.y);
        Unit a = new Unit(0, "U-AZ-998", PartyId.of("AZ"), ObjectClass.TANK, 1, Unit.Role.HOLDING, origin.x, origin.y + 1000);
        Unit b = new Unit(1, "U-AZ-999", PartyId.of("AZ"), ObjectClass.TANK, 1, Unit.Role.HOLDING, origin.x + 200, origin.y + 1000);
        View view = new View.Sector(origin.x, origin.y, 0, 60, 6000);
        Sensors s = new Sensors(model, new SplittableRandom(3), map.projector(), new ViolationMonitor(map, T0, 3), T0,
                List.of(PartyId.of("AM"), PartyId.of("AZ")), 0, new SplittableRandom(4));
        for (int i = 0; i < 4000; i++) s.detect(cam, i * 10.0, List.of(a, b), view, 0, 6000, 10, false);
        var looks = new java.util.HashMap<String, List<org.truce.sensing.Appearance>>();
        int reports = 0;
        for (TimedObservation t : s.drain()) {
            if (!(t.origin() instanceof org.truce.sim.truth.ObservationOrigin.OfUnit u)) continue;
            reports++;
            ((Observation.Detection) t.observation()).appearance()
                    .ifPresent(l -> looks.computeIfAbsent(u.unit(), k -> new java.util.ArrayList<>()).add(l));
        }
        int carried = looks.values().stream().mapToInt(List::size).sum();
        assertThat(carried / (double) reports).isCloseTo(re.share(), within(0.03));
        double[] meanA = mean(looks.get("U-AZ-998")), meanB = mean(looks.get("U-AZ-999"));
        assertThat(meanA).hasSize(re.dimensions());
        var first = looks.get("U-AZ-998").getFirst();
        assertThat(first.sigma()).isCloseTo(re.sigmaBase() + re.sigmaPerKm() * 1.0, within(0.01));
        double spread = 0;
        for (var l : looks.get("U-AZ-998")) {
            for (int k = 0; k < meanA.length; k++) spread += Math.pow(l.descriptor().get(k) - meanA[k], 2);
        }
        spread = Math.sqrt(spread / looks.get("U-AZ-998").size() / meanA.length);
        assertThat(spread).as("per-component noise is the stated sigma").isCloseTo(first.sigma(), within(0.03));
        double apart = 0;
        for (int k = 0; k < meanA.length; k++) apart += Math.pow(meanA[k] - meanB[k], 2);
        assertThat(Math.sqrt(apart / meanA.length)).as("two units' looks differ like two standard normals")
                .isBetween(0.7, 2.2);
    }

    private static double[] mean(List<org.truce.sensing.Appearance> looks) {
        double[] m = new double[looks.getFirst().dimensions()];
        for (var l : looks) for (int k = 0; k < m.length; k++) m[k] += l.descriptor().get(k) / looks.size();
        return m;
    }

    @Test
    void arraysGiveBearingsWithTheConfiguredSpreadAndRangeBands() {
        var origin = map.projector().toLocal(39.95, 47.20);
        Asset a = new Asset(AssetId.of("TR-ACU-09"), ContingentId.of("TR"), AssetKind.ACOUSTIC_ARRAY, "test",
                new SensorSpec(18_000, 0, 0, 0, 60), OptionalInt.empty(), Optional.empty(), Optional.empty());
        SimAsset arr = new SimAsset(a, origin.x, origin.y, 0);
        Sensors s = sensors(9);
        double ex = origin.x + 6000, ey = origin.y + 6000;
        for (int i = 0; i < 5000; i++) s.hear(arr, 18_000, false, FireKind.LAUNCH, i, ex, ey, 0);
        var cues = s.drain().stream().map(t -> (Observation.FireCue) t.observation()).toList();
        double trueRange = Math.hypot(6000, 6000);
        double[] err = cues.stream().mapToDouble(c -> ((c.bearingDeg().orElseThrow() - 45 + 540) % 360) - 180).toArray();
        double mean = Arrays.stream(err).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(err).map(e -> (e - mean) * (e - mean)).average().orElseThrow());
        assertThat(sd).isCloseTo(model.bearingSigmaDeg(), within(0.1 * model.bearingSigmaDeg()));
        // True bearings: grid 45° less the grid convergence at the array (true north lies west of grid north here).
        assertThat(mean).isCloseTo(-map.projector().convergenceDeg(origin.x, origin.y), within(0.1));
        assertThat(map.projector().convergenceDeg(origin.x, origin.y)).isNegative();
        // The range errs with the sigma the center reads a band with (width / sqrt(12), i.e. band / sqrt(3) of the
        // range): the band holds the truth about as often as |z| <= sqrt(3), 92 %.
        long bracketed = cues.stream().filter(c -> c.rangeMinM() <= trueRange && trueRange <= c.rangeMaxM()).count();
        assertThat(bracketed / (double) cues.size()).isBetween(0.88, 0.95);
        double f = trueRange / 18_000;
        assertThat(cues.size() / 5000.0).isCloseTo(model.fireDetectionP() * (1 - 0.5 * f * f), within(0.02));
    }

    @Test
    void fireIsObservableWithALocatedCueOrBearingsFromTwoAssets() {
        var tally = new Sensors.FireTally(3);
        tally.bearing(0, "A");
        tally.bearing(0, "A");
        tally.bearing(0, "A");
        assertThat(tally.observable(0, 3)).as("three bearings from one array cannot locate").isFalse();
        tally.bearing(1, "A");
        tally.bearing(1, "A");
        tally.bearing(1, "B");
        assertThat(tally.observable(1, 3)).isTrue();
        assertThat(tally.observable(1, 4)).as("too few cues").isFalse();
        tally.located(2);
        tally.bearing(2, "A");
        tally.bearing(2, "A");
        assertThat(tally.observable(2, 3)).isTrue();
        assertThat(tally.cues(2)).isEqualTo(3);
    }

    @Test
    void footprintsAreClosedRingsAroundTheView() {
        var r = new View.Rectangle(0, 0, 0, 1, 2000, 1000);
        assertThat(r.contains(900, 1900)).isTrue();
        assertThat(r.contains(1100, 0)).isFalse();
        assertThat(r.contains(0, 2100)).isFalse();
        Sensors s = sensors(1);
        s.footprint(camera(0, 0), 5, new ArrayList<>(r.ring()), 0.8);
        var fp = (Observation.Footprint) s.drain().getFirst().observation();
        assertThat(fp.ring()).hasSize(5);
        assertThat(fp.ring().getFirst()).isEqualTo(fp.ring().getLast());
    }
}

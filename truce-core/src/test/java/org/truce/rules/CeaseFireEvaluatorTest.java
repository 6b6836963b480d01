package org.truce.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.testing.RuleFixtures.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.ground.ProvisionId;
import org.truce.ground.uncertainty.ErrorEllipse;
import org.truce.geo.GeoPoint;
import org.truce.agreement.ZoneIndex;
import org.truce.sensing.Asset;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.sensing.Observation.FireCue;

class CeaseFireEvaluatorTest {
    private static final Agreement AGREEMENT = agreement();
    private static final ZoneIndex ZONES = new ZoneIndex(AGREEMENT);
    private static final Instant T = Instant.parse("2020-11-12T03:00:00Z");
    private final RuleEvaluator e = RuleEvaluators.create(
            new RuleBinding(AGREEMENT.provision(ProvisionId.of("¶1")).orElseThrow(), 1, ceaseFire()),
            new RuleContext(AGREEMENT, ZONES, 0.8, java.time.Duration.ofMinutes(10)));
    private int seq;

    private List<Violation> cue(FireCue c, Optional<Asset> asset) {
        return e.onFireCue(c, asset, "OBS-" + (++seq));
    }

    private List<Violation> located(Instant t, FireKind k, double east, double north, double cep) {
        return cue(locatedCue("RU-ACU-01", t, k, at(east, north), cep), Optional.empty());
    }

    /**
     * Two cues of one event from two arrays, 20 s apart: the first alone raises nothing; returns what the second
     * raises (the held first cue, then the second).
     */
    private List<Violation> corroborated(Instant t, FireKind k, double east, double north, double cep) {
        assertThat(located(t, k, east, north, cep)).as("a single cue").isEmpty();
        return cue(locatedCue("TR-ACU-01", t.plusSeconds(20), k, at(east, north), cep), Optional.empty());
    }

    @Test
    void aSingleUncorroboratedCueRaisesNothing() {
        assertThat(located(T, FireKind.EXPLOSION, 5_000, 5_000, 50)).isEmpty();
        assertThat(located(T.plusSeconds(10), FireKind.EXPLOSION, 15_000, 5_000, 50)).as("another place").isEmpty();
        assertThat(located(T.plusSeconds(10).plus(CeaseFireEvaluator.CLUSTER_TIME).plusSeconds(1), FireKind.EXPLOSION,
                5_000, 5_000, 50)).as("the same place, too late to corroborate").isEmpty();
    }

    @Test
    void aCorroboratingCueRaisesTheEventWithEveryCueInOrder() {
        assertThat(located(T, FireKind.LAUNCH, 5_000, 10_000, 100)).isEmpty();
        List<Violation> v = cue(locatedCue("TR-ACU-01", T.plusSeconds(30), FireKind.LAUNCH, at(5_100, 10_000), 100),
                Optional.empty());
        assertThat(v).extracting(Violation::observationId).containsExactly("OBS-1", "OBS-2");
        assertThat(v).extracting(Violation::time).containsExactly(T, T.plusSeconds(30));
        assertThat(v).extracting(Violation::subject).containsOnly("fire:OBS-1");
        assertThat(v).extracting(Violation::newEpisode).containsOnly(false);
        assertThat(v).allSatisfy(x -> {
            assertThat(x.description()).startsWith("fire event (2 cues) inside theater, attributed to AM; launch located")
                    .endsWith("from 1 cue (1 fix)");
            // Two shots 30 s apart (two events of one barrage): the incident shows one shot's launch, not a blend.
            assertThat(x.fire()).hasValueSatisfying(f -> {
                assertThat(f.events()).isEqualTo(2);
                assertThat(f.method()).isEqualTo(FireLocation.Method.LOCATED);
                assertThat(f.ellipse95().orElseThrow().semiMajorM())
                        .isCloseTo(100 * ZoneIndex.SIGMA_PER_CEP * ZoneIndex.R95_PER_SIGMA, within(0.5));
            });
            assertThat(ZONES.projection().distanceM(x.place(), at(5_000, 10_000))).isLessThan(1);
        });
        List<Violation> third = located(T.plusSeconds(50), FireKind.IMPACT, 5_000, 10_000, 100);
        assertThat(third).as("once raised, each further cue adds itself").singleElement().satisfies(x -> {
            assertThat(x.observationId()).isEqualTo("OBS-3");
            assertThat(x.subject()).isEqualTo("fire:OBS-1");
            assertThat(x.description()).startsWith("fire event (3 cues)");
        });
    }

    @Test
    void firingCountsFromTheCeasefireInstantOnAndOnlyInTheTheater() {
        assertThat(located(EFFECTIVE.minusSeconds(1), FireKind.EXPLOSION, 5_000, 5_000, 50)).isEmpty();
        assertThat(located(EFFECTIVE, FireKind.EXPLOSION, 5_000, 5_000, 50)).isEmpty();
        List<Violation> v = cue(locatedCue("TR-ACU-01", EFFECTIVE.plusSeconds(20), FireKind.EXPLOSION,
                at(5_000, 5_000), 50), Optional.empty());
        assertThat(v).as("the cue before the cease-fire is not part of the event")
                .extracting(Violation::observationId).containsExactly("OBS-2", "OBS-3");
        assertThat(corroborated(T, FireKind.EXPLOSION, 60_000, 0, 50)).as("outside the theater").isEmpty();
    }

    @Test
    void theaterBoundaryCountsAsInside() {
        assertThat(corroborated(T, FireKind.IMPACT, 50_000, 0, 10)).as("on the line").hasSize(2);
        assertThat(corroborated(T.plusSeconds(300), FireKind.IMPACT, 49_999, 20_000, 10)).as("1 m inside").hasSize(2);
        assertThat(corroborated(T.plusSeconds(600), FireKind.IMPACT, 50_001, -20_000, 10)).as("1 m outside").isEmpty();
    }

    @Test
    void launchDeepInAHeldAreaIsAttributedToItsHolderAndOutsideToTheOutsideParty() {
        Violation in = corroborated(T, FireKind.LAUNCH, 5_000, 10_000, 100).getFirst();
        assertThat(in.party()).contains(AM);
        assertThat(in.attributionConfidence()).isGreaterThan(0.999);
        Violation out = corroborated(T.plusSeconds(600), FireKind.LAUNCH, -3_000, 20_000, 100).getFirst();
        assertThat(out.party()).contains(AZ);
    }

    @Test
    void launchInAPlaceOtherProvisionsGovernIsCreditedToNeitherParty() {
        // (-3 km, 10 km) is beyond the line but inside the corridor, an exceptIn place of the hold-positions rule:
        // either party's forces may be there, so the outside party is not named.
        Violation v = corroborated(T, FireKind.LAUNCH, -3_000, 10_000, 100).getFirst();
        assertThat(v.party()).isEmpty();
    }

    @Test
    void launchNearTheLineIsUndetermined() {
        // 50 m inside; the best shot's fix has sigma = 200 m CEP / 1.1774 = 170 m: P(inside) = Φ(50/170) ≈ 0.616.
        Violation v = corroborated(T, FireKind.LAUNCH, 50, 10_000, 200).getFirst();
        assertThat(v.party()).isEmpty();
        assertThat(v.attributionConfidence()).isCloseTo(0.6157, within(0.005));
        FireLocation.SideProbability side = v.fire().orElseThrow().launch().orElseThrow().sides().getFirst();
        assertThat(side.inside()).isCloseTo(0.6157, within(0.005));
        assertThat(side.beyond() + side.contested()).isCloseTo(1 - side.inside(), within(1e-9));
    }

    @Test
    void impactsAloneAreNotAttributed() {
        Violation v = corroborated(T, FireKind.IMPACT, 5_000, 10_000, 100).getFirst();
        assertThat(v.party()).isEmpty();
        assertThat(v.attributionConfidence()).isZero();
    }

    @Test
    void bearingCuesFromTwoSensorsAreOneEventLocatedWhereTheyCross() {
        Asset west = fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(-5_000, 10_000));
        Asset south = fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(5_000, -3_000));
        GeoPoint truth = at(5_000, 10_000);
        assertThat(cue(bearingCue("RU-ACU-01", T, FireKind.LAUNCH, trueBearing(west, truth), 2, 9_000, 11_000),
                Optional.of(west))).isEmpty();
        List<Violation> v = cue(bearingCue("TR-ACU-01", T.plusSeconds(3), FireKind.LAUNCH, trueBearing(south, truth),
                2, 12_000, 14_000), Optional.of(south));
        assertThat(v).extracting(Violation::observationId).containsExactly("OBS-1", "OBS-2");
        Violation b = v.getLast();
        assertThat(b.subject()).isEqualTo("fire:OBS-1");
        FireLocation f = b.fire().orElseThrow();
        assertThat(f.method()).isEqualTo(FireLocation.Method.LOCATED);
        assertThat(f.cues()).isEqualTo(2);
        assertThat(f.cueKinds()).containsExactly(Map.entry("bearingBand", 2));
        assertThat(ZONES.projection().distanceM(b.place(), truth)).isLessThan(5);
        // Each band alone is 2 km deep (95 % semi-major 2.45 × 2000/√12 = 1413 m); crossing at right angles, each
        // bearing's narrow side (10 km × 2° ≈ 350 m) bounds the other's depth.
        ErrorEllipse e = f.ellipse95().orElseThrow();
        assertThat(e.semiMajorM()).isLessThan(1_000).isGreaterThan(300);
        assertThat(b.party()).contains(AM);
        assertThat(f.launch().orElseThrow().sides().getFirst().inside()).isEqualTo(1.0);
    }

    @Test
    void aBearingBandReportIsGeometryWithItsUncertaintyAlongTheBearing() {
        Asset post = fixedSensor("RU-OP-01", RU, AssetKind.OBSERVATION_POST, at(15_000, 10_000));
        GeoPoint truth = at(10_000, 10_000);
        double bearing = trueBearing(post, truth);
        cue(bearingCue("RU-OP-01", T, FireKind.LAUNCH, bearing, 1, 4_000, 6_000), Optional.of(post));
        Violation v = cue(bearingCue("RU-OP-01", T.plusSeconds(1), FireKind.LAUNCH, bearing, 1, 4_000, 6_000),
                Optional.of(post)).getLast();
        FireLocation f = v.fire().orElseThrow();
        assertThat(ZONES.projection().distanceM(v.place(), truth)).as("mid-band on the bearing").isLessThan(5);
        ErrorEllipse e = f.ellipse95().orElseThrow();
        // Two identical reports of one event: the band's depth 2000/√12 and the bearing's width 5 km × 1° both
        // shrink by √2; the long axis lies along the bearing, measured from true north.
        double k = ZoneIndex.R95_PER_SIGMA / Math.sqrt(2);
        assertThat(e.semiMajorM()).isCloseTo(k * 2_000 / Math.sqrt(12), within(1.0));
        assertThat(e.semiMinorM()).isCloseTo(k * 5_000 * Math.toRadians(1), within(1.0));
        assertThat(e.orientationDeg()).isCloseTo(((bearing % 180) + 180) % 180, within(0.05));
        assertThat(f.cueKinds()).containsExactly(Map.entry("bearingBand", 2));
    }

    @Test
    void theSameDistanceFromTheLineIsDecisiveOrNotByTheEllipsesOrientation() {
        // A launch 300 m inside am-held (whose western edge is the line x = 0, with no contested place beyond it at
        // this latitude), reported twice as a bearing band: 2 km deep (sigma 577 m / √2 = 408 m) but only 5 km × 1°
        // wide (87 m / √2 = 62 m).
        GeoPoint launch = at(300, 16_000);
        Asset north = fixedSensor("RU-OP-01", RU, AssetKind.OBSERVATION_POST, at(300, 21_000));
        double along = trueBearing(north, launch);
        cue(bearingCue("RU-OP-01", T, FireKind.LAUNCH, along, 1, 4_000, 6_000), Optional.of(north));
        Violation parallel = cue(bearingCue("RU-OP-01", T.plusSeconds(1), FireKind.LAUNCH, along, 1, 4_000, 6_000),
                Optional.of(north)).getLast();
        assertThat(parallel.party()).as("the long axis lies along the line").contains(AM);
        assertThat(parallel.attributionConfidence()).isGreaterThan(0.99);

        Asset east = fixedSensor("TR-OP-01", TR, AssetKind.OBSERVATION_POST, at(5_300, 16_000));
        double across = trueBearing(east, launch);
        cue(bearingCue("TR-OP-01", T.plusSeconds(600), FireKind.LAUNCH, across, 1, 4_000, 6_000), Optional.of(east));
        Violation straddling = cue(bearingCue("TR-OP-01", T.plusSeconds(601), FireKind.LAUNCH, across, 1, 4_000,
                6_000), Optional.of(east)).getLast();
        // The long axis crosses the line: P(inside) = Φ(300 / 408) ≈ 0.77 < 0.8, whatever an isotropic sigma says.
        assertThat(straddling.party()).as("the ellipse straddles the line").isEmpty();
        assertThat(straddling.attributionConfidence()).isCloseTo(0.769, within(0.01));
        FireLocation.SideProbability side = straddling.fire().orElseThrow().launch().orElseThrow().sides().getFirst();
        assertThat(side.holder()).isEqualTo(AM);
        assertThat(side.outsideParty()).contains(AZ);
        assertThat(side.beyond()).isCloseTo(0.231, within(0.01));
    }

    @Test
    void arrivalTimesAtThreeArraysAreLocatedByTheirDifferences() {
        GeoPoint source = at(8_000, 12_000);
        // In the order the sound reaches them: two lone arrivals say nothing yet, the third locates all three.
        List<Asset> arrays = List.of(fixedSensor("RU-ACU-02", RU, AssetKind.ACOUSTIC_ARRAY, at(6_000, 19_000)),
                fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(16_000, 4_000)),
                fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(2_000, 2_000)));
        List<Violation> all = new java.util.ArrayList<>();
        for (Asset a : arrays) {
            double seconds = ZONES.projection().distanceM(a.site().orElseThrow(), source) / 343;
            all.addAll(cue(arrival(a, T.plusNanos(Math.round(seconds * 1e9)), FireKind.LAUNCH), Optional.of(a)));
        }
        assertThat(all).extracting(Violation::observationId).containsExactly("OBS-1", "OBS-2", "OBS-3");
        assertThat(all).extracting(Violation::subject).containsOnly("fire:OBS-1");
        FireLocation f = all.getLast().fire().orElseThrow();
        assertThat(f.method()).isEqualTo(FireLocation.Method.LOCATED);
        assertThat(f.cueKinds()).containsExactly(Map.entry("arrival", 3));
        assertThat(f.events()).isEqualTo(1);
        assertThat(ZONES.projection().distanceM(all.getLast().place(), source)).isLessThan(1);
        assertThat(all.getLast().party()).contains(AM);
    }

    @Test
    void cuesThatDoNotSolveAreRaisedAsNotLocatedWithoutAnInventedPoint() {
        Asset post = fixedSensor("RU-OP-01", RU, AssetKind.OBSERVATION_POST, at(-2_000, 10_000));
        Asset array = fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(2_000, 10_000));
        GeoPoint source = at(6_000, 14_000);
        // A bare bearing (no distance) and, 17 s later, the sound at one array: one event, but 2 measurements for 3
        // unknowns.
        cue(bearingCue("RU-OP-01", T, FireKind.LAUNCH, trueBearing(post, source), 2, 0, 0), Optional.of(post));
        double seconds = ZONES.projection().distanceM(array.site().orElseThrow(), source) / 343;
        Violation v = cue(arrival(array, T.plusNanos(Math.round(seconds * 1e9)), FireKind.LAUNCH), Optional.of(array))
                .getLast();
        FireLocation f = v.fire().orElseThrow();
        assertThat(f.method()).isEqualTo(FireLocation.Method.NOT_LOCATED);
        assertThat(f.ellipse95()).isEmpty();
        assertThat(f.launch()).isEmpty();
        assertThat(f.note()).hasValueSatisfying(n -> assertThat(n).startsWith("TOO_FEW_CUES"));
        assertThat(f.cueKinds()).containsExactly(Map.entry("arrival", 1), Map.entry("bearing", 1));
        assertThat(ZONES.projection().distanceM(v.place(), at(0, 10_000))).as("between the sensors").isLessThan(1);
        assertThat(f.uncertaintyM()).as("a sensor's 10 km reach from the midpoint").isCloseTo(12_000, within(1.0));
        assertThat(v.party()).isEmpty();
        assertThat(v.description()).contains("not located");
    }

    /** An array's report of the time the sound reached it: no position, no bearing. */
    private static FireCue arrival(Asset a, Instant t, FireKind k) {
        return new FireCue(a.id(), t, k, Optional.empty(), 0, Optional.empty(), 0, 0, 0, a.site());
    }

    /** The true bearing from the sensor to a point: the grid bearing less the grid convergence at the sensor. */
    private static double trueBearing(Asset sensor, GeoPoint to) {
        GeoPoint s = sensor.site().orElseThrow();
        var a = ZONES.toLocal(s);
        var b = ZONES.toLocal(to);
        return Math.toDegrees(Math.atan2(b.x - a.x, b.y - a.y)) - ZONES.projection().convergenceDeg(s);
    }

    @Test
    void cuesFarApartInTimeOrSpaceAreSeparateEvents() {
        assertThat(located(T, FireKind.EXPLOSION, 5_000, 5_000, 50)).isEmpty();
        assertThat(located(T.plusSeconds(10), FireKind.EXPLOSION, 15_000, 5_000, 50)).isEmpty();
        String far = located(T.plusSeconds(20), FireKind.EXPLOSION, 15_000, 5_100, 50).getFirst().subject();
        String near = located(T.plusSeconds(60), FireKind.EXPLOSION, 6_000, 5_000, 50).getFirst().subject();
        assertThat(located(T.plusSeconds(300), FireKind.EXPLOSION, 5_000, 5_000, 50)).as("a new event").isEmpty();
        String later = located(T.plusSeconds(310), FireKind.EXPLOSION, 5_000, 5_000, 50).getFirst().subject();
        assertThat(far).isEqualTo("fire:OBS-2");
        assertThat(near).isEqualTo("fire:OBS-1");
        assertThat(later).isEqualTo("fire:OBS-5");
    }

    @Test
    void bearingCueWithoutAnyKnownSensorPositionIsNotJudged() {
        assertThat(cue(bearingCue("RU-ACU-01", T, FireKind.LAUNCH, 90, 2, 1_000, 2_000), Optional.empty())).isEmpty();
    }
}

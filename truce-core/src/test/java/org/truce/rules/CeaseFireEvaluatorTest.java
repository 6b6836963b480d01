package org.truce.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.testing.RuleFixtures.*;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.ProvisionId;
import org.truce.geo.ZoneIndex;
import org.truce.sensing.Asset;
import org.truce.sensing.AssetKind;
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
            assertThat(x.description()).isEqualTo("fire event (2 cues) inside theater, attributed to AM");
            assertThat(ZONES.projection().distanceM(x.place(), at(5_050, 10_000))).isLessThan(1);
            assertThat(x.sigmaM()).isCloseTo(100 * ZoneIndex.SIGMA_PER_CEP / Math.sqrt(2), within(0.01));
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
        // 50 m inside; each cue has sigma = 200 m CEP / 1.1774 = 170 m, the two fused 170 / √2 = 120 m:
        // P(inside) = Φ(50/120) ≈ 0.66 < 0.8.
        Violation v = corroborated(T, FireKind.LAUNCH, 50, 10_000, 200).getFirst();
        assertThat(v.party()).isEmpty();
        assertThat(v.attributionConfidence()).isCloseTo(0.6614, within(0.005));
    }

    @Test
    void impactsAloneAreNotAttributed() {
        Violation v = corroborated(T, FireKind.IMPACT, 5_000, 10_000, 100).getFirst();
        assertThat(v.party()).isEmpty();
        assertThat(v.attributionConfidence()).isZero();
    }

    @Test
    void bearingCuesFromTwoSensorsAreOneEventPlacedAtMidRange() {
        Asset west = fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(-5_000, 10_000));
        Asset south = fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(5_000, -3_000));
        // Two reports of the west array on the same bearing: the event is raised, placed where one cue places it.
        assertThat(cue(bearingCue("RU-ACU-01", T, FireKind.LAUNCH, 90, 2, 9_000, 11_000), Optional.of(west))).isEmpty();
        List<Violation> first = cue(bearingCue("RU-ACU-01", T.plusSeconds(5), FireKind.LAUNCH, 90, 2, 9_000, 11_000),
                Optional.of(west));
        assertThat(first).hasSize(2);
        Violation a = first.getLast();
        // True east, not grid east: the point 10 km along the sensor's parallel (a geodesic departs from it by ~7 m).
        var s = west.site().orElseThrow();
        double perDegree = ZONES.projection().distanceM(s, new org.truce.geo.GeoPoint(s.lat(), s.lon() + 0.1)) / 0.1;
        var trueEast = new org.truce.geo.GeoPoint(s.lat(), s.lon() + 10_000 / perDegree);
        assertThat(ZONES.projection().distanceM(a.place(), trueEast)).isLessThan(15);
        assertThat(ZONES.projection().distanceM(a.place(), at(5_000, 10_000))).as("grid east is ~1° off").isGreaterThan(100);
        assertThat(a.sigmaM()).isCloseTo(2_000 / Math.sqrt(12) / Math.sqrt(2), within(0.1));
        Violation b = cue(bearingCue("TR-ACU-01", T.plusSeconds(40), FireKind.LAUNCH, 0, 2, 12_000, 14_000),
                Optional.of(south)).getFirst();
        assertThat(b.subject()).isEqualTo(a.subject()).isEqualTo("fire:OBS-1");
        assertThat(ZONES.projection().distanceM(b.place(), a.place())).isLessThan(500);
        assertThat(b.sigmaM()).isLessThan(a.sigmaM());
        assertThat(b.party()).contains(AM);
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

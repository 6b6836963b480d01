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

    @Test
    void firingCountsFromTheCeasefireInstantOnAndOnlyInTheTheater() {
        assertThat(located(EFFECTIVE.minusSeconds(1), FireKind.EXPLOSION, 5_000, 5_000, 50)).isEmpty();
        assertThat(located(EFFECTIVE, FireKind.EXPLOSION, 5_000, 5_000, 50)).hasSize(1);
        assertThat(located(T, FireKind.EXPLOSION, 60_000, 0, 50)).as("outside the theater").isEmpty();
    }

    @Test
    void theaterBoundaryCountsAsInside() {
        assertThat(located(T, FireKind.IMPACT, 50_000, 0, 10)).as("on the line").hasSize(1);
        assertThat(located(T.plusSeconds(300), FireKind.IMPACT, 49_999, 20_000, 10)).as("1 m inside").hasSize(1);
        assertThat(located(T.plusSeconds(600), FireKind.IMPACT, 50_001, -20_000, 10)).as("1 m outside").isEmpty();
    }

    @Test
    void launchDeepInAHeldAreaIsAttributedToItsHolderAndOutsideToTheOutsideParty() {
        Violation in = located(T, FireKind.LAUNCH, 5_000, 10_000, 100).getFirst();
        assertThat(in.party()).contains(AM);
        assertThat(in.attributionConfidence()).isGreaterThan(0.999);
        Violation out = located(T.plusSeconds(600), FireKind.LAUNCH, -3_000, 10_000, 100).getFirst();
        assertThat(out.party()).contains(AZ);
    }

    @Test
    void launchNearTheLineIsUndetermined() {
        // 50 m inside with sigma = 200 m CEP / 1.1774 = 170 m: P(inside) = Φ(50/170) ≈ 0.62 < 0.8.
        Violation v = located(T, FireKind.LAUNCH, 50, 10_000, 200).getFirst();
        assertThat(v.party()).isEmpty();
        assertThat(v.attributionConfidence()).isCloseTo(0.6156, within(0.005));
    }

    @Test
    void impactsAloneAreNotAttributed() {
        Violation v = located(T, FireKind.IMPACT, 5_000, 10_000, 100).getFirst();
        assertThat(v.party()).isEmpty();
        assertThat(v.attributionConfidence()).isZero();
    }

    @Test
    void bearingCuesFromTwoSensorsAreOneEventPlacedAtMidRange() {
        Asset west = fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(-5_000, 10_000));
        Asset south = fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(5_000, -3_000));
        Violation a = cue(bearingCue("RU-ACU-01", T, FireKind.LAUNCH, 90, 2, 9_000, 11_000), Optional.of(west)).getFirst();
        // True east, not grid east: the point 10 km along the sensor's parallel (a geodesic departs from it by ~7 m).
        var s = west.site().orElseThrow();
        double perDegree = ZONES.projection().distanceM(s, new org.truce.geo.GeoPoint(s.lat(), s.lon() + 0.1)) / 0.1;
        var trueEast = new org.truce.geo.GeoPoint(s.lat(), s.lon() + 10_000 / perDegree);
        assertThat(ZONES.projection().distanceM(a.place(), trueEast)).isLessThan(15);
        assertThat(ZONES.projection().distanceM(a.place(), at(5_000, 10_000))).as("grid east is ~1° off").isGreaterThan(100);
        assertThat(a.sigmaM()).isCloseTo(2_000 / Math.sqrt(12), within(0.1));
        Violation b = cue(bearingCue("TR-ACU-01", T.plusSeconds(40), FireKind.LAUNCH, 0, 2, 12_000, 14_000),
                Optional.of(south)).getFirst();
        assertThat(b.subject()).isEqualTo(a.subject()).isEqualTo("fire:OBS-1");
        assertThat(ZONES.projection().distanceM(b.place(), a.place())).isLessThan(500);
        assertThat(b.sigmaM()).isLessThan(a.sigmaM());
        assertThat(b.party()).contains(AM);
    }

    @Test
    void cuesFarApartInTimeOrSpaceAreSeparateEvents() {
        String first = located(T, FireKind.EXPLOSION, 5_000, 5_000, 50).getFirst().subject();
        String far = located(T.plusSeconds(10), FireKind.EXPLOSION, 15_000, 5_000, 50).getFirst().subject();
        String near = located(T.plusSeconds(60), FireKind.EXPLOSION, 6_000, 5_000, 50).getFirst().subject();
        String later = located(T.plusSeconds(300), FireKind.EXPLOSION, 5_000, 5_000, 50).getFirst().subject();
        assertThat(far).isNotEqualTo(first);
        assertThat(near).isEqualTo(first);
        assertThat(later).isNotEqualTo(first).isNotEqualTo(far);
    }

    @Test
    void bearingCueWithoutAnyKnownSensorPositionIsNotJudged() {
        assertThat(cue(bearingCue("RU-ACU-01", T, FireKind.LAUNCH, 90, 2, 1_000, 2_000), Optional.empty())).isEmpty();
    }
}

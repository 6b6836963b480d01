package org.truce.agreement;

import org.truce.geo.NormalDistribution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.truce.testing.RuleFixtures.AIRSPACE_RU;
import static org.truce.testing.RuleFixtures.AIRSPACE_TR;
import static org.truce.testing.RuleFixtures.AM_HELD;
import static org.truce.testing.RuleFixtures.PK_ZONE;
import static org.truce.testing.RuleFixtures.PREMISES;
import static org.truce.testing.RuleFixtures.THEATER;
import static org.truce.testing.RuleFixtures.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.ground.ZoneId;
import org.truce.testing.RuleFixtures;

class ZoneIndexTest {
    private final ZoneIndex index = new ZoneIndex(RuleFixtures.agreement());

    @Test
    void findsEveryZoneCoveringAPoint() {
        assertThat(index.zonesContaining(at(30_100, -19_900)))
                .containsExactly(AIRSPACE_RU, AIRSPACE_TR, PREMISES, THEATER);
        assertThat(index.zonesContaining(at(10_000, 10_000))).containsExactly(AM_HELD, PK_ZONE, THEATER);
        assertThat(index.zonesContaining(at(60_000, 0))).isEmpty();
    }

    @Test
    void signedDistanceIsNegativeInsideZeroOnTheLinePositiveOutside() {
        assertThat(index.signedDistanceM(AM_HELD, index.toLocal(at(150, 10_000)))).isCloseTo(-150, within(0.01));
        assertThat(index.signedDistanceM(AM_HELD, index.toLocal(at(0, 10_000)))).isCloseTo(0, within(0.01));
        assertThat(index.signedDistanceM(AM_HELD, index.toLocal(at(-150, 10_000)))).isCloseTo(150, within(0.01));
    }

    @Test
    void unionDistanceIsTheNearestZoneOutside() {
        var p = index.toLocal(at(30_100, -19_500));
        assertThat(index.signedDistanceToUnionM(List.of(PREMISES, AM_HELD), p)).isCloseTo(300, within(0.01));
    }

    @Test
    void probabilityInsideFollowsTheNormalCdfOfTheSignedDistance() {
        assertThat(index.probabilityInside(AM_HELD, at(0, 10_000), 50)).isCloseTo(0.5, within(1e-6));
        assertThat(index.probabilityInside(AM_HELD, at(-50, 10_000), 50)).isCloseTo(0.158655, within(1e-5));
        assertThat(index.probabilityInside(AM_HELD, at(100, 10_000), 50)).isCloseTo(0.977250, within(1e-5));
        assertThat(index.probabilityInside(AM_HELD, at(5_000, 10_000), 50)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void probabilityInsideWithACovarianceFollowsTheEllipseAgainstTheLine() {
        var p = index.toLocal(at(100, 10_000)); // 100 m inside am-held, whose edge here runs grid north-south
        // A circular covariance agrees with the isotropic half-plane formula, to the quadrature's 1e-3.
        var round = new org.truce.ground.uncertainty.PositionEstimate(p.x, p.y,
                org.truce.ground.uncertainty.Covariance2.circular(50));
        assertThat(index.probabilityInside(AM_HELD, round)).isCloseTo(0.977250, within(2e-3));
        // The same 100 m: an ellipse long along the line (σ across 50 m) is decisive, long across it (σ 400 m) is not.
        var along = new org.truce.ground.uncertainty.PositionEstimate(p.x, p.y,
                org.truce.ground.uncertainty.Covariance2.oriented(400, 50, 0));
        var across = new org.truce.ground.uncertainty.PositionEstimate(p.x, p.y,
                org.truce.ground.uncertainty.Covariance2.oriented(400, 50, 90));
        assertThat(index.probabilityInside(AM_HELD, along)).isCloseTo(0.977250, within(2e-3));
        assertThat(index.probabilityInside(AM_HELD, across)).isCloseTo(0.598706, within(3e-3));
        assertThat(index.probabilityInside(AM_HELD, across)).as("deterministic")
                .isEqualTo(index.probabilityInside(AM_HELD, across));
        // Deep inside, far outside: exactly 1 and 0.
        var deep = index.toLocal(at(10_000, 10_000));
        assertThat(index.probabilityInside(AM_HELD, new org.truce.ground.uncertainty.PositionEstimate(deep.x, deep.y,
                org.truce.ground.uncertainty.Covariance2.oriented(400, 50, 90)))).isEqualTo(1.0);
        assertThat(index.probabilityInside(AM_HELD, new org.truce.ground.uncertainty.PositionEstimate(p.x - 10_000,
                p.y, org.truce.ground.uncertainty.Covariance2.circular(100)))).isEqualTo(0.0);
    }

    @Test
    void zeroSigmaIsAPlainContainmentTest() {
        assertThat(index.probabilityInside(AM_HELD, at(1, 10_000), 0)).isEqualTo(1);
        assertThat(index.probabilityInside(AM_HELD, at(-1, 10_000), 0)).isEqualTo(0);
        assertThatThrownBy(() -> index.probabilityInside(AM_HELD, at(1, 1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownZoneIsAClearError() {
        assertThatThrownBy(() -> index.signedDistanceM(ZoneId.of("nowhere"), index.toLocal(at(0, 0))))
                .hasMessageContaining("unknown zone nowhere");
    }

    @Test
    void normalCdfMatchesKnownValues() {
        assertThat(NormalDistribution.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(NormalDistribution.cdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(NormalDistribution.cdf(-3)).isCloseTo(0.0013499, within(1e-6));
    }
}

package org.truce.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.testing.RuleFixtures.*;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.ground.ProvisionId;
import org.truce.agreement.RuleSpec;
import org.truce.agreement.ZoneIndex;
import org.truce.sensing.Asset;
import org.truce.ground.AssetKind;

/** JMC-1: TR staff beacons confined to the premises [30, 30.2] x [-20, -19.8] km, tolerance 50 m. */
class RestrictedMovementEvaluatorTest {
    private static final Agreement AGREEMENT = agreement();
    private static final Instant T = Instant.parse("2020-11-12T12:00:00Z");
    private static final Asset TR_BEACON = asset("TR-OBS-01", TR, AssetKind.STAFF_BEACON);
    private final RuleEvaluator e = RuleEvaluators.create(new RuleBinding(
            AGREEMENT.provision(ProvisionId.of("JMC-1")).orElseThrow(), 1,
            AGREEMENT.provision(ProvisionId.of("JMC-1")).orElseThrow().versions().getFirst().rules().getFirst()),
            new RuleContext(AGREEMENT, new ZoneIndex(AGREEMENT), 0.8, java.time.Duration.ofMinutes(10)));
    private int seq;

    private List<Violation> fixAt(Asset a, double east, double north) {
        seq++;
        return e.onFix(fix(a.id().value(), T.plusSeconds(seq * 10L), at(east, north)), a, "OBS-" + seq);
    }

    @Test
    void outsideCountsOnlyBeyondTheTolerance() {
        assertThat(e.binding().rule()).isInstanceOf(RuleSpec.RestrictedMovement.class);
        assertThat(fixAt(TR_BEACON, 30_100, -19_900)).as("inside").isEmpty();
        assertThat(fixAt(TR_BEACON, 30_200, -19_900)).as("on the line").isEmpty();
        assertThat(fixAt(TR_BEACON, 30_249, -19_900)).as("49 m out").isEmpty();
        List<Violation> v = fixAt(TR_BEACON, 30_251, -19_900);
        assertThat(v).hasSize(1);
        assertThat(v.getFirst().subject()).isEqualTo("TR-OBS-01");
        assertThat(v.getFirst().newEpisode()).isTrue();
        assertThat(v.getFirst().party()).isEmpty();
    }

    @Test
    void anExcursionLastsUntilTheAssetIsBackInsideAndTheNextOneIsNew() {
        assertThat(fixAt(TR_BEACON, 30_100, -19_900)).isEmpty();
        assertThat(fixAt(TR_BEACON, 31_000, -19_900).getFirst().newEpisode()).isTrue();
        assertThat(fixAt(TR_BEACON, 30_230, -19_900).getFirst().newEpisode()).as("still out, within tolerance").isFalse();
        assertThat(fixAt(TR_BEACON, 30_150, -19_900)).as("back inside").isEmpty();
        assertThat(fixAt(TR_BEACON, 30_230, -19_900)).as("jitter within tolerance").isEmpty();
        assertThat(fixAt(TR_BEACON, 31_000, -19_900).getFirst().newEpisode()).isTrue();
    }

    @Test
    void firstFixAlreadyOutsideIsAnExcursionButOtherAssetsAreNotConcerned() {
        assertThat(fixAt(TR_BEACON, 35_000, -19_900)).hasSize(1);
        assertThat(fixAt(asset("RU-OBS-01", RU, AssetKind.STAFF_BEACON), 35_000, -19_900)).as("other contingent").isEmpty();
        assertThat(fixAt(asset("TR-UAV-01", TR, AssetKind.DRONE), 35_000, -19_900)).as("other kind").isEmpty();
    }
}

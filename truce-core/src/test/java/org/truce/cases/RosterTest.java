package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.cases.CaseFixtures.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.agreement.ParityRule;

class RosterTest {
    static final ParityRule PARITY = new ParityRule(1, 3, true, true);

    static Roster roster(int ru, int tr) {
        return new Roster(T0, T0.plusSeconds(8 * 3600), Map.of(RU, people("ru", ru), TR, people("tr", tr)));
    }

    static List<String> people(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void aRosterWithinParityIsAccepted() {
        assertThat(roster(3, 2).parityViolation(agreement(PARITY))).isEmpty();
        assertThat(roster(2, 2).requireParity(agreement(PARITY)).headcount(TR)).isEqualTo(2);
    }

    @Test
    void aRosterBreakingTheDifferenceIsRefusedWithTheReason() {
        assertThatThrownBy(() -> roster(1, 3).requireParity(agreement(PARITY)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("contingent TR has 3 staff and RU has 1: difference 2 exceeds the parity limit of 1");
    }

    @Test
    void aRosterAboveTheCapIsRefused() {
        assertThat(roster(4, 4).parityViolation(agreement(PARITY))).hasValueSatisfying(r -> assertThat(r).contains("above the cap of 3"));
    }

    @Test
    void anEmptyContingentCountsAsZeroAndUnknownContingentsAreRefused() {
        Roster onlyRu = new Roster(T0, T0.plusSeconds(60), Map.of(RU, people("ru", 2)));
        assertThat(onlyRu.parityViolation(agreement(PARITY))).hasValueSatisfying(r -> assertThat(r).contains("difference 2"));
        Roster stranger = roster(1, 1).with(ContingentId.of("XX"), List.of("x"));
        assertThat(stranger.parityViolation(agreement(PARITY))).hasValueSatisfying(r -> assertThat(r).contains("XX"));
    }

    @Test
    void onePersonCannotStandForBothContingents() {
        Roster twice = roster(1, 0).with(TR, List.of("ru0"));
        assertThat(twice.parityViolation(agreement(PARITY))).hasValueSatisfying(r -> assertThat(r).contains("ru0 is on the roster twice"));
    }

    @Test
    void eachContingentSetsItsOwnPart() {
        Roster r = roster(2, 2).with(TR, people("tr", 1));
        assertThat(r.headcount(TR)).isEqualTo(1);
        assertThat(r.headcount(RU)).isEqualTo(2);
    }
}

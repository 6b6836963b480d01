package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.cases.CaseFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.ParityRule;
import org.truce.cases.memory.InMemoryAuditLog;
import org.truce.time.SimulatedClock;

class ShiftRostersTest {
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final ShiftRosters rosters = new ShiftRosters(agreement(new ParityRule(0, 3, true, true)), T0, T0.plusSeconds(8 * 3600),
            new org.truce.cases.memory.InMemoryRosterRepository(), audit, new SimulatedClock(T0));

    @Test
    void eachSideSetsItsPartAndTheRosterActivatesOnlyOnParity() {
        rosters.setPart(duty(RU), RU, List.of("ru1", "ru2"));
        assertThatThrownBy(() -> rosters.activate(head(TR)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID))
                .hasMessageContaining("contingent RU has 2 staff and TR has 0: difference 2 exceeds the parity limit of 0");
        assertThat(rosters.active(Principal.auditor("aud"))).isEmpty();
        assertThatThrownBy(() -> rosters.setPart(duty(RU), TR, List.of("x"))).hasMessageContaining("acts only for contingent RU");
        assertThatThrownBy(() -> rosters.setPart(analyst(TR), TR, List.of("x"))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> rosters.setPart(head(TR), TR, List.of("a", "b", "c", "d"))).hasMessageContaining("above the cap of 3");
        rosters.setPart(head(TR), TR, List.of("tr1", "tr2"));
        assertThat(rosters.activate(head(TR)).headcount(TR)).isEqualTo(2);
        assertThat(rosters.active(analyst(RU))).isPresent();
        assertThatThrownBy(() -> rosters.active(Principal.anonymous())).isInstanceOf(Refusal.class);
        assertThat(audit.entries()).extracting(AuditEntry::after).containsExactly("RU=2", "RU=2 TR=2", "active RU=2 TR=2");
    }
}

package org.truce.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.agreement.ParityRule;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.cases.memory.InMemoryAuditLog;
import org.truce.cases.memory.InMemoryCaseRepository;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.time.SimulatedClock;

/** Shared test data: the Karabakh contingents and parties, an incident, principals and a wired desk. */
final class CaseFixtures {
    static final ContingentId RU = ContingentId.of("RU");
    static final ContingentId TR = ContingentId.of("TR");
    static final List<ContingentId> BOTH = List.of(RU, TR);
    static final PartyId AM = PartyId.of("AM");
    static final PartyId AZ = PartyId.of("AZ");
    static final ProvisionId CEASEFIRE = ProvisionId.of("p1-ceasefire");
    static final ProvisionId HOLD = ProvisionId.of("p1-hold-positions");
    static final Instant T0 = Instant.parse("2020-11-14T06:30:00Z");
    static final CasePolicy POLICY = new CasePolicy(Duration.ofHours(6), 0.8, true, Duration.ofMinutes(15), 0.5,
            Duration.ofHours(1));

    private CaseFixtures() {}

    static Agreement agreement(ParityRule parity) {
        return new Agreement("karabakh-2020", "Statement of 9 November 2020", Instant.parse("2020-11-09T21:00:00Z"),
                "+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs", List.of(), List.of(),
                List.of(new Contingent(RU, "Russian contingent", "ru"), new Contingent(TR, "Turkish contingent", "tr")),
                parity, Map.of(), List.of());
    }

    static ContingentId other(ContingentId c) {
        return c.equals(RU) ? TR : RU;
    }

    static Incident incident(String id, Instant start, Instant end) {
        return new Incident(id, CEASEFIRE, 1, RuleId.of("p1-ceasefire"), "cease-fire", ZoneId.of("theater"), start, end,
                GeoPoint.of(39.85, 46.78), 450.0, Optional.of(AZ), 0.91, "fire:" + id,
                "Artillery impacts north-east of Martuni", IncidentState.OPEN, List.of("OBS-1", "OBS-2"));
    }

    static Incident incident() {
        return incident("INC-2020-11-14-0042", T0.minusSeconds(600), T0);
    }

    static Principal analyst(ContingentId c) {
        return Principal.staff("analyst-" + c, Role.ANALYST, c);
    }

    static Principal head(ContingentId c) {
        return Principal.staff("head-" + c, Role.HEAD_OF_CONTINGENT, c);
    }

    static Principal duty(ContingentId c) {
        return Principal.staff("duty-" + c, Role.DUTY_OFFICER, c);
    }

    static AssessmentDraft yes(PartyId party, double confidence) {
        return new AssessmentDraft(Happened.YES, CEASEFIRE, Optional.of(party), confidence, List.of("OBS-1"), "impacts seen");
    }

    static AssessmentDraft no() {
        return new AssessmentDraft(Happened.NO, CEASEFIRE, Optional.empty(), 0.0, List.of("OBS-2"), "outgoing exercise fire");
    }

    static Assessment assessment(ContingentId c, Happened h, Optional<PartyId> party, double confidence) {
        return new Assessment(c, "analyst-" + c, h, CEASEFIRE, party, confidence, List.of("OBS-1"), "text", T0.plusSeconds(60));
    }

    /** A desk wired on in-memory ports and a simulated clock at T0. */
    static final class Desk {
        final SimulatedClock clock = new SimulatedClock(T0);
        final InMemoryCaseRepository cases = new InMemoryCaseRepository();
        final InMemoryAuditLog audit = new InMemoryAuditLog();
        final Casework work = new Casework(BOTH, POLICY, cases, audit, clock);
        final CaseId id;

        Desk() {
            id = work.open(incident()).id();
        }

        Case stored() {
            return cases.find(id).orElseThrow();
        }
    }
}

package org.truce.sim.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sim.truth.GroundTruth;
import org.truce.sim.truth.TruthViolation;

class AttributionScoreTest {
    private static final Instant T = Instant.parse("2020-11-19T12:00:00Z");
    private static final GeoPoint P = GeoPoint.of(39.90, 47.00);
    private static final GeoPoint FAR = GeoPoint.of(40.10, 46.60);
    private static final PartyId AM = PartyId.of("AM");
    private static final PartyId AZ = PartyId.of("AZ");

    private static Incident incident(String id, String rule, GeoPoint at, Optional<PartyId> party) {
        return new Incident(id, ProvisionId.of("¶1"), 1, RuleId.of(rule), rule, ZoneId.of("theater"), T,
                T.plus(Duration.ofMinutes(10)), at, 200, party, 0.9, "TRK-1", "test", IncidentState.CLOSED,
                List.of("OBS-1"));
    }

    @Test
    void countsWrongAndUndeterminedAmongMatchedIncidentsWithAPartyToName() {
        TruthViolation byAm = new TruthViolation("V-1", RuleId.of("hold-positions"), "hold-positions",
                ProvisionId.of("¶1"), "U-AM-001", Optional.of(AM), Optional.empty(), T, T.plus(Duration.ofMinutes(30)),
                P, List.of(), true, 10, true);
        TruthViolation byDrone = new TruthViolation("V-2", RuleId.of("restricted-movement"), "restricted-movement",
                ProvisionId.of("JMC-2"), "TR-UAV-01", Optional.empty(), Optional.of(ContingentId.of("TR")), T,
                T.plus(Duration.ofMinutes(30)), FAR, List.of(), true, 10, true);
        GroundTruth truth = new GroundTruth(1, T, 3600, List.of(), List.of(), List.of(byAm, byDrone), List.of());
        List<Incident> incidents = List.of(
                incident("INC-1", "hold-positions", P, Optional.of(AM)),
                incident("INC-2", "hold-positions", P, Optional.of(AZ)),
                incident("INC-3", "hold-positions", P, Optional.empty()),
                incident("INC-4", "hold-positions", P, Optional.empty()),
                incident("INC-5", "hold-positions", FAR, Optional.of(AZ)),          // matches nothing
                incident("INC-6", "restricted-movement", FAR, Optional.empty()));   // no party to name
        AttributionScore s = AttributionScore.score(truth, incidents, Tolerances.defaults());
        assertThat(s.attributable()).isEqualTo(4);
        assertThat(s.attributed()).isEqualTo(1);
        assertThat(s.wrong()).isEqualTo(1);
        assertThat(s.wrongIncidents()).extracting(AttributionScore.Wrong::incident).containsExactly("INC-2");
        assertThat(s.wrongIncidents().getFirst().truth()).containsExactly("AM");
        assertThat(s.undetermined()).isEqualTo(2);
        assertThat(s.undeterminedShare()).isEqualTo(0.5);

        AttributionScore p = AttributionScore.pooled(List.of(s, s));
        assertThat(p.attributable()).isEqualTo(8);
        assertThat(p.wrong()).isEqualTo(2);
        assertThat(p.undeterminedShare()).isEqualTo(0.5);
    }
}

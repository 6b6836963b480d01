package org.truce.sim.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.codec.TruceJson;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sim.truth.GroundTruth;
import org.truce.sim.truth.TruthViolation;

class EvaluationTest {
    private static final Instant T = Instant.parse("2020-11-19T12:00:00Z");
    private static final GeoPoint P1 = GeoPoint.of(39.90, 47.00);
    private static final GeoPoint LAUNCH = GeoPoint.of(39.80, 47.20);
    private static final GeoPoint IMPACT = GeoPoint.of(39.85, 47.10);

    private static TruthViolation violation(String id, String rule, String type, GeoPoint at, int fromMin, int toMin,
                                            boolean observable, GeoPoint... others) {
        return new TruthViolation(id, RuleId.of(rule), type, ProvisionId.of("¶1"), "U-AM-001", Optional.of(PartyId.of("AM")),
                Optional.empty(), T.plus(Duration.ofMinutes(fromMin)), T.plus(Duration.ofMinutes(toMin)), at,
                List.of(others), true, observable ? 10 : 0, observable);
    }

    private static Incident incident(String id, String rule, String type, GeoPoint at, double uncertaintyM, int fromMin,
                                     int toMin) {
        return new Incident(id, ProvisionId.of("¶1"), 1, RuleId.of(rule), type, ZoneId.of("theater"),
                T.plus(Duration.ofMinutes(fromMin)), T.plus(Duration.ofMinutes(toMin)), at, uncertaintyM, Optional.empty(),
                0.5, "TRK-1", "test", IncidentState.CLOSED, List.of("OBS-1"));
    }

    private static GeoPoint north(GeoPoint p, double metres) {
        return GeoPoint.of(p.lat() + metres / 111_195, p.lon());
    }

    private final GroundTruth truth = new GroundTruth(3, T, 86_400, List.of(), List.of(), List.of(
            violation("V-1", "p1-hold-positions", "hold-positions", P1, 60, 90, true),
            violation("V-2", "p1-ceasefire", "cease-fire", LAUNCH, 120, 125, true, IMPACT),
            violation("V-3", "p6-corridor", "corridor-control", GeoPoint.of(39.70, 46.65), 200, 260, false),
            violation("V-4", "p3-force-cap", "force-cap", GeoPoint.of(40.0, 46.9), 300, 340, true)), List.of());

    private final List<Incident> incidents = List.of(
            incident("INC-1", "p1-hold-positions", "hold-positions", north(P1, 500), 200, 65, 70),
            incident("INC-1", "p1-hold-positions", "hold-positions", north(P1, 500), 200, 65, 88),
            incident("INC-2", "p1-ceasefire", "cease-fire", north(IMPACT, 800), 900, 121, 121),
            incident("INC-3", "p1-hold-positions", "hold-positions", north(P1, 10_000), 300, 70, 80),
            incident("INC-4", "p6-corridor", "corridor-control", GeoPoint.of(39.70, 46.65), 100, 210, 220),
            incident("INC-5", "p1-hold-positions", "hold-positions", P1, 100, 150, 160),
            incident("INC-6", "p1-hold-positions", "hold-positions", north(P1, 4500), 5000, 85, 95));

    @Test
    void matchesCountsAndRatios() {
        Evaluation e = Evaluation.score(truth, incidents);
        assertThat(e.observableViolations()).isEqualTo(3);
        assertThat(e.unobservableViolations()).isEqualTo(1);
        assertThat(e.matchedObservableViolations()).isEqualTo(2);
        assertThat(e.matchedUnobservableViolations()).isEqualTo(1);
        assertThat(e.missedViolations()).containsExactly("V-4");
        assertThat(e.incidents()).as("one per id").isEqualTo(6);
        assertThat(e.matchedIncidents()).isEqualTo(4);
        assertThat(e.falseIncidents()).isEqualTo(2);
        assertThat(e.falseIncidentIds()).containsExactly("INC-3", "INC-5");
        assertThat(e.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(e.precision()).isCloseTo(4 / 6.0, within(1e-9));
        RuleTypeScore hold = e.byRuleType().get("hold-positions");
        assertThat(hold.incidents()).isEqualTo(4);
        assertThat(hold.falseIncidents()).isEqualTo(2);
        assertThat(hold.recall()).isEqualTo(1.0);
        assertThat(e.byRuleType().get("force-cap").recall()).isEqualTo(0.0);
        assertThat(e.byRuleType().get("corridor-control").recall()).as("no observable: nothing to miss").isEqualTo(1.0);
        assertThat(e.seed()).isEqualTo(3);
    }

    @Test
    void toleranceDecidesAMatch() {
        var tight = new Tolerances(Duration.ZERO, 300, false);
        Evaluation e = Evaluation.score(truth, incidents, tight);
        assertThat(e.falseIncidentIds()).contains("INC-1", "INC-3", "INC-5");
        var byType = new Tolerances(Duration.ofMinutes(5), 3000, true);
        var wrongRule = incident("INC-9", "other-hold-rule", "hold-positions", P1, 10, 60, 61);
        assertThat(Evaluation.score(truth, List.of(wrongRule)).falseIncidents()).isEqualTo(1);
        assertThat(Evaluation.score(truth, List.of(wrongRule), byType).falseIncidents()).isZero();
        var late = incident("INC-8", "p1-hold-positions", "hold-positions", P1, 10, 94, 100);
        assertThat(Evaluation.score(truth, List.of(late)).matchedIncidents()).as("within 5 min slack").isEqualTo(1);
    }

    @Test
    void emptyInputsScorePerfectly() {
        Evaluation e = Evaluation.score(new GroundTruth(1, T, 60, List.of(), List.of(), List.of(), List.of()), List.of());
        assertThat(e.recall()).isEqualTo(1.0);
        assertThat(e.precision()).isEqualTo(1.0);
    }

    @Test
    void serialisesWithTheDocumentedKeys() throws Exception {
        JsonNode j = TruceJson.mapper().readTree(Evaluation.score(truth, incidents).toJson());
        assertThat(j.fieldNames()).toIterable().contains("observableViolations", "unobservableViolations", "incidents",
                "matchedIncidents", "falseIncidents", "recall", "precision", "byRuleType", "seed", "start",
                "durationSeconds");
        assertThat(j.get("start").asText()).isEqualTo("2020-11-19T12:00:00Z");
        assertThat(j.get("byRuleType").get("cease-fire").get("matchedObservableViolations").asInt()).isEqualTo(1);
    }
}

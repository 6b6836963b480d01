package org.truce.sim.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.rules.Incident;
import org.truce.sim.truth.GroundTruth;
import org.truce.sim.truth.TruthViolation;

/**
 * Whether the center names the right party. Immutable; pools over runs ({@link #pooled}).
 *
 * <p>Only incidents that match a true violation with a violating party count ({@link Evaluation#matches}; violations
 * by a contingent's asset have no party). A matched incident is wrongly attributed when it names a party and none of
 * the violations it matches has that party, undetermined when it names none. Incidents are counted once per id (the
 * version with the latest end). {@code undeterminedShare} is 0 when no incident counts.
 *
 * @param attributable     matched incidents whose violations have a party
 * @param attributed       of those, naming the right party
 * @param wrong            of those, naming another party
 * @param undetermined     of those, naming none
 * @param wrongIncidents   the wrongly attributed incidents
 */
public record AttributionScore(int attributable, int attributed, int wrong, int undetermined, double undeterminedShare,
                               List<Wrong> wrongIncidents) {
    public AttributionScore {
        wrongIncidents = List.copyOf(wrongIncidents);
    }

    /**
     * One wrongly attributed incident.
     *
     * @param named      the party the incident names
     * @param confidence the incident's attribution confidence
     * @param truth      the parties of the violations it matches
     */
    public record Wrong(String incident, String ruleType, String named, double confidence, List<String> truth) {
        public Wrong {
            truth = List.copyOf(truth);
        }
    }

    public static AttributionScore score(GroundTruth truth, List<Incident> incidents, Tolerances tol) {
        Map<String, Incident> latest = new LinkedHashMap<>();
        for (Incident i : incidents) latest.merge(i.id(), i, (a, b) -> b.end().isBefore(a.end()) ? a : b);
        int counted = 0, right = 0, none = 0;
        List<Wrong> wrongIds = new ArrayList<>();
        for (Incident i : latest.values()) {
            List<PartyId> parties = new ArrayList<>();
            for (TruthViolation v : truth.violations()) {
                Optional<PartyId> p = v.party();
                if (p.isPresent() && Evaluation.matches(i, v, tol)) parties.add(p.get());
            }
            if (parties.isEmpty()) continue;
            counted++;
            if (i.party().isEmpty()) none++;
            else if (parties.contains(i.party().get())) right++;
            else wrongIds.add(new Wrong(i.id(), i.ruleType(), i.party().get().value(), i.attributionConfidence(),
                    parties.stream().map(PartyId::value).distinct().sorted().toList()));
        }
        return new AttributionScore(counted, right, wrongIds.size(), none, counted == 0 ? 0 : (double) none / counted,
                wrongIds);
    }

    public static AttributionScore pooled(List<AttributionScore> runs) {
        int counted = 0, right = 0, none = 0;
        List<Wrong> wrong = new ArrayList<>();
        for (AttributionScore s : runs) {
            counted += s.attributable;
            right += s.attributed;
            none += s.undetermined;
            wrong.addAll(s.wrongIncidents);
        }
        return new AttributionScore(counted, right, wrong.size(), none, counted == 0 ? 0 : (double) none / counted, wrong);
    }
}

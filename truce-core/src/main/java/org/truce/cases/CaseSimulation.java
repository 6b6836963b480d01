package org.truce.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.rules.Incident;

/**
 * Runs automatic assessors over incidents through the real {@link CaseLifecycle}, for simulation at scale: each
 * case opens at its incident's end, every assessor submits after its delay (or is recorded MISSING at the deadline),
 * matching assessments make a finding and anything else ends in a dissent (automatic assessors do not negotiate).
 * Pure and deterministic.
 */
public final class CaseSimulation {
    /**
     * @param medianTimeToFinding median time from case opening to agreed finding; empty without findings
     * @param cases               every case, final state
     */
    public record Result(int findings, int dissents, int missingAssessments, Optional<Duration> medianTimeToFinding,
                         List<Case> cases) {
        public Result {
            cases = List.copyOf(cases);
        }
    }

    private final CaseLifecycle lifecycle;

    public CaseSimulation(CasePolicy policy) {
        this.lifecycle = new CaseLifecycle(Objects.requireNonNull(policy));
    }

    public Result run(List<Incident> incidents, List<AutoAssessor> assessors) {
        var contingents = assessors.stream().map(AutoAssessor::contingent).toList();
        int findings = 0, dissents = 0, missing = 0;
        List<Duration> times = new ArrayList<>();
        List<Case> out = new ArrayList<>();
        for (Incident incident : incidents) {
            Case c = lifecycle.open(incident, contingents, incident.end());
            Instant last = c.opened();
            List<AutoAssessor> inOrder = assessors.stream()
                    .sorted(Comparator.comparing((AutoAssessor a) -> a.delay(incident)).thenComparing(AutoAssessor::contingent))
                    .toList();
            for (AutoAssessor a : inOrder) {
                Instant at = c.opened().plus(a.delay(incident));
                if (!at.isBefore(c.deadline())) break;
                c = lifecycle.submit(c, a.assess(incident, at), at);
                last = at;
            }
            if (c.state() == CaseState.ASSESSING) {
                last = c.deadline();
                c = lifecycle.settle(c, last);
            }
            missing += c.missing().size();
            if (c.state() == CaseState.RECONCILING) {
                c = lifecycle.dissent(c, c.contingents().get(0), "automatic assessors do not reconcile", last);
            }
            if (c.state() == CaseState.FINDING_AGREED) {
                findings++;
                times.add(Duration.between(c.opened(), last));
            } else {
                dissents++;
            }
            out.add(c);
        }
        times.sort(null);
        Optional<Duration> median = times.isEmpty() ? Optional.empty() : Optional.of(times.size() % 2 == 1
                ? times.get(times.size() / 2)
                : times.get(times.size() / 2 - 1).plus(times.get(times.size() / 2)).dividedBy(2));
        return new Result(findings, dissents, missing, median, out);
    }
}

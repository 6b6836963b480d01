package org.truce.implementation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.truce.agreement.Provision;
import org.truce.agreement.ProvisionVersion;

/**
 * A provision's timeline from its obligations': after each obligation change (in time order, obligations in order
 * at one instant) the provision shows the most severe current status. A change is recorded when that status
 * changes, or when the evidence behind it does (a moved deadline, a new incident); an obligation entering a new
 * version with nothing new to show adds nothing.
 */
final class ProvisionAggregate {
    private ProvisionAggregate() {
    }

    private record Step(int obligation, int seq, StatusChange change) { }

    static List<StatusChange> of(Provision provision, List<ObligationTimeline> obligations) {
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < obligations.size(); k++) {
            List<StatusChange> cs = obligations.get(k).changes();
            for (int s = 0; s < cs.size(); s++) steps.add(new Step(k, s, cs.get(s)));
        }
        steps.sort(Comparator.comparing((Step s) -> s.change().at()).thenComparingInt(Step::obligation)
                .thenComparingInt(Step::seq));
        StatusChange[] current = new StatusChange[obligations.size()];
        List<StatusChange> out = new ArrayList<>();
        ProvisionStatus last = null;
        for (Step step : steps) {
            current[step.obligation()] = step.change();
            ProvisionStatus worst = ProvisionStatus.EXPIRED;
            for (StatusChange c : current) {
                ProvisionStatus s = c == null ? ProvisionStatus.PENDING : c.status();
                if (s.severity() > worst.severity()) worst = s;
            }
            LinkedHashSet<Evidence> evidence = new LinkedHashSet<>();
            for (StatusChange c : current) if (c != null && c.status() == worst) evidence.addAll(c.evidence());
            // The obligation that changed speaks for the provision when it brings the status or new evidence;
            // otherwise the first obligation with that status does, so that quiet version changes add nothing.
            boolean speaks = step.change().status() == worst && (worst != last || !step.change().evidence().isEmpty());
            StatusChange decider = speaks ? step.change() : first(current, worst);
            if (worst == last && decider != null && decider.reason() == out.getLast().reason()
                    && List.copyOf(evidence).equals(out.getLast().evidence())) {
                continue;
            }
            Optional<Integer> version = provision.versionAt(step.change().at()).map(ProvisionVersion::version);
            StatusChange agg = new StatusChange(step.change().at(), worst,
                    decider == null ? Reason.NOT_YET_IN_FORCE : decider.reason(),
                    decider == null ? Optional.empty() : decider.rule(), version,
                    decider == null ? Optional.empty() : decider.deadline(), List.copyOf(evidence));
            if (out.isEmpty() || !out.getLast().sameAs(agg)) out.add(agg);
            last = worst;
        }
        return out;
    }

    private static StatusChange first(StatusChange[] current, ProvisionStatus s) {
        for (StatusChange c : current) if (c != null && c.status() == s) return c;
        return null;
    }
}

package org.truce.implementation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.truce.agreement.Provision;
import org.truce.agreement.ProvisionVersion;
import org.truce.agreement.RuleId;
import org.truce.agreement.RuleSpec;

/** A provision's versions as the tracker shows them: state at an instant and what each amendment changed. */
final class Versions {
    private Versions() {
    }

    static List<VersionView> of(Provision p, Instant asOf) {
        List<ProvisionVersion> vs = p.versions();
        List<VersionView> out = new ArrayList<>();
        for (int k = 0; k < vs.size(); k++) {
            ProvisionVersion v = vs.get(k);
            Optional<ProvisionVersion> next = k + 1 < vs.size() ? Optional.of(vs.get(k + 1)) : Optional.empty();
            VersionView.State state;
            if (asOf.isBefore(v.validFrom())) state = VersionView.State.PENDING;
            else if (v.inForceAt(asOf)) state = VersionView.State.IN_FORCE;
            else if (next.isPresent() && !asOf.isBefore(next.get().validFrom())) state = VersionView.State.SUPERSEDED;
            else state = VersionView.State.ENDED;
            List<RuleChange> changes = k == 0 ? List.of() : diff(vs.get(k - 1), v);
            out.add(new VersionView(v.version(), v.validFrom(), v.validTo(), v.adopted(), v.source(), v.note(), state,
                    next.map(ProvisionVersion::version), changes));
        }
        return out;
    }

    static List<RuleChange> diff(ProvisionVersion before, ProvisionVersion after) {
        Map<RuleId, RuleSpec> old = before.rules().stream()
                .collect(Collectors.toMap(RuleSpec::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<RuleChange> out = new ArrayList<>();
        for (RuleSpec r : after.rules()) {
            RuleSpec o = old.remove(r.id());
            Optional<java.time.Instant> dAfter = ObligationSweep.deadlineOf(r);
            if (o == null) {
                out.add(new RuleChange(r.id(), RuleChange.Kind.ADDED, Optional.empty(), dAfter));
            } else if (!o.equals(r)) {
                Optional<java.time.Instant> dBefore = ObligationSweep.deadlineOf(o);
                boolean onlyDeadline = o instanceof RuleSpec.WithdrawBy wo && r instanceof RuleSpec.WithdrawBy wr
                        && wo.zone().equals(wr.zone()) && wo.parties().equals(wr.parties());
                out.add(new RuleChange(r.id(), onlyDeadline ? RuleChange.Kind.DEADLINE_MOVED : RuleChange.Kind.CHANGED,
                        dBefore, dAfter));
            }
        }
        old.values().forEach(o -> out.add(new RuleChange(o.id(), RuleChange.Kind.REMOVED,
                ObligationSweep.deadlineOf(o), Optional.empty())));
        return out;
    }
}

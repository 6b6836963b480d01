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
import org.truce.ground.RuleId;
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
            if (o != null && startless(o, before).equals(startless(r, after))) continue;
            Optional<java.time.Instant> dAfter = ObligationSweep.deadlineOf(r);
            if (o == null) {
                out.add(new RuleChange(r.id(), RuleChange.Kind.ADDED, Optional.empty(), dAfter));
            } else {
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

    /**
     * The rule with a start at or before its version's start made neutral: a rule that simply binds from its
     * version's start (the loader's default) is not changed by a new version that starts later.
     */
    private static RuleSpec startless(RuleSpec r, ProvisionVersion v) {
        Instant none = Instant.EPOCH;
        return switch (r) {
            case RuleSpec.CeaseFire c -> !c.from().isAfter(v.validFrom())
                    ? new RuleSpec.CeaseFire(c.id(), c.theater(), none) : c;
            case RuleSpec.HoldPositions h -> !h.from().isAfter(v.validFrom())
                    ? new RuleSpec.HoldPositions(h.id(), h.heldArea(), h.insideParty(), h.outsideParty(), h.toleranceM(),
                            h.exceptIn(), none) : h;
            case RuleSpec.WithdrawBy w -> w;
            case RuleSpec.CorridorControl c -> !c.from().isAfter(v.validFrom())
                    ? new RuleSpec.CorridorControl(c.id(), c.corridor(), c.allowedParties(), none) : c;
            case RuleSpec.ForceCap f -> !f.from().isAfter(v.validFrom())
                    ? new RuleSpec.ForceCap(f.id(), f.party(), f.allowedZones(), f.caps(), f.windowSeconds(), none) : f;
            case RuleSpec.RestrictedMovement m -> !m.from().isAfter(v.validFrom())
                    ? new RuleSpec.RestrictedMovement(m.id(), m.contingent(), m.assetKinds(), m.allowedZones(),
                            m.toleranceM(), none) : m;
        };
    }
}

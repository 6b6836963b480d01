package org.truce.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.truce.agreement.RuleSpec.RestrictedMovement;
import org.truce.agreement.ZoneIndex;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation.PlatformFix;

/**
 * restricted-movement: a platform fix of an asset owned by the contingent, of a listed kind, outside the union
 * of the allowed zones by more than {@code toleranceM}. One incident per excursion (subject = asset id): it
 * starts when the asset is beyond the tolerance (also on its very first fix) and lasts, growing with every fix,
 * until the asset is back inside (on the boundary counts as inside). The incident's party is empty and its
 * attribution confidence 0: the subject is a contingent's asset, not a party's force.
 */
final class RestrictedMovementEvaluator implements RuleEvaluator {
    private final RuleBinding binding;
    private final RestrictedMovement rule;
    private final RuleContext ctx;
    private final Geofence fence = new Geofence(Geofence.Side.INSIDE);

    RestrictedMovementEvaluator(RuleBinding binding, RuleContext ctx) {
        this.binding = binding;
        this.rule = (RestrictedMovement) binding.rule();
        this.ctx = ctx;
    }

    @Override
    public RuleBinding binding() {
        return binding;
    }

    @Override
    public List<Violation> onFix(PlatformFix fix, Asset asset, String observationId) {
        if (!asset.owner().equals(rule.contingent()) || !rule.assetKinds().contains(asset.kind())) return List.of();
        ZoneIndex zones = ctx.zones();
        double d = zones.signedDistanceToUnionM(rule.allowedZones(), zones.toLocal(fix.position()));
        Geofence.Transition tr = fence.update(asset.id().value(), d, 0, rule.toleranceM());
        if (tr.side() != Geofence.Side.OUTSIDE || fix.time().isBefore(rule.from())) return List.of();
        String text = String.format(Locale.ROOT, "%s %s (%s) %.0f m outside its allowed zones %s",
                rule.contingent(), asset.kind(), asset.id(), d, rule.allowedZones());
        return List.of(new Violation(binding, asset.id().value(), fix.time(), fix.position(),
                fix.cepM() * ZoneIndex.SIGMA_PER_CEP, Optional.empty(), 0, text, observationId, tr.arrived()));
    }

    /** The geofence side of each asset. */
    private record Snapshot(java.util.Map<String, Geofence.Side> sides) implements State { }

    @Override
    public State snapshot() {
        return new Snapshot(fence.sides());
    }

    @Override
    public void restore(State state) {
        fence.restore(RuleEvaluator.expect(Snapshot.class, state, binding).sides());
    }
}

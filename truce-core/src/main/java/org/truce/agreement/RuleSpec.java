package org.truce.agreement;

import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.truce.ground.AssetKind;
import org.truce.ground.ObjectClass;

/**
 * A machine-checkable rule, configured by data. Each type is evaluated by one generic evaluator;
 * nothing in an evaluator names a party, contingent or zone.
 */
public sealed interface RuleSpec {
    RuleId id();

    /** The rule-type name used in agreement files ({@code cease-fire}, …). */
    String type();

    /** Zones the rule refers to; each must exist in the agreement. */
    List<ZoneId> zones();

    /** Any fire event inside {@code theater} at or after {@code from}. */
    record CeaseFire(RuleId id, ZoneId theater, Instant from) implements RuleSpec {
        public CeaseFire {
            Objects.requireNonNull(id); Objects.requireNonNull(theater); Objects.requireNonNull(from);
        }
        public String type() { return "cease-fire"; }
        public List<ZoneId> zones() { return List.of(theater); }
    }

    /**
     * A party's ground forces crossing the line of contact: the boundary of {@code heldArea}.
     * Forces of {@code insideParty} leaving it, or of {@code outsideParty} entering it, count once per crossing.
     * A crossing needs the object to be {@code toleranceM} beyond the line (position error, line approximations).
     * Forces first seen already beyond the line count too — they cannot be where the positions held were — unless
     * they are inside one of {@code exceptIn}: places other provisions govern (districts still to be handed over,
     * a corridor, a party's own country).
     */
    record HoldPositions(RuleId id, ZoneId heldArea, PartyId insideParty, PartyId outsideParty,
                         double toleranceM, List<ZoneId> exceptIn, Instant from) implements RuleSpec {
        public HoldPositions {
            Objects.requireNonNull(id); Objects.requireNonNull(heldArea);
            Objects.requireNonNull(insideParty); Objects.requireNonNull(outsideParty); Objects.requireNonNull(from);
            if (!(toleranceM >= 0)) throw new IllegalArgumentException("toleranceM must be >= 0");
            exceptIn = List.copyOf(exceptIn);
        }
        public String type() { return "hold-positions"; }
        public List<ZoneId> zones() {
            List<ZoneId> all = new java.util.ArrayList<>();
            all.add(heldArea);
            all.addAll(exceptIn);
            return List.copyOf(all);
        }
    }

    /** Armed forces of any of {@code parties} present in {@code zone} at or after {@code deadline}. */
    record WithdrawBy(RuleId id, ZoneId zone, Set<PartyId> parties, Instant deadline) implements RuleSpec {
        public WithdrawBy {
            Objects.requireNonNull(id); Objects.requireNonNull(zone); Objects.requireNonNull(deadline);
            parties = Set.copyOf(parties);
        }
        public String type() { return "withdraw-by"; }
        public List<ZoneId> zones() { return List.of(zone); }
    }

    /** Armed forces of any party not in {@code allowedParties} inside {@code corridor} at or after {@code from}. */
    record CorridorControl(RuleId id, ZoneId corridor, Set<PartyId> allowedParties, Instant from) implements RuleSpec {
        public CorridorControl {
            Objects.requireNonNull(id); Objects.requireNonNull(corridor); Objects.requireNonNull(from);
            allowedParties = Set.copyOf(allowedParties);
        }
        public String type() { return "corridor-control"; }
        public List<ZoneId> zones() { return List.of(corridor); }
    }

    /**
     * A peacekeeping party over its caps, or outside the union of {@code allowedZones}.
     * Caps count distinct confirmed tracks (weighted by their estimated size) seen within {@code windowSeconds}.
     *
     * @param caps keys: an {@link ObjectClass} name, or {@code VEHICLES} for all vehicles; values: maximum count
     */
    record ForceCap(RuleId id, PartyId party, List<ZoneId> allowedZones, Map<String, Integer> caps,
                    long windowSeconds, Instant from) implements RuleSpec {
        public ForceCap {
            Objects.requireNonNull(id); Objects.requireNonNull(party); Objects.requireNonNull(from);
            allowedZones = List.copyOf(allowedZones);
            caps = Map.copyOf(caps);
            if (windowSeconds <= 0) throw new IllegalArgumentException("windowSeconds must be > 0");
        }
        public String type() { return "force-cap"; }
        public List<ZoneId> zones() { return allowedZones; }

        /** The cap for one class, if the agreement sets one. */
        public java.util.OptionalInt capFor(ObjectClass c) {
            Integer v = caps.get(c.name());
            return v == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(v);
        }
    }

    /**
     * A contingent's assets of the given kinds outside the union of {@code allowedZones}
     * (observers confined to the premises; drones to agreed airspace).
     */
    record RestrictedMovement(RuleId id, ContingentId contingent, Set<AssetKind> assetKinds,
                              List<ZoneId> allowedZones, double toleranceM, Instant from) implements RuleSpec {
        public RestrictedMovement {
            Objects.requireNonNull(id); Objects.requireNonNull(contingent); Objects.requireNonNull(from);
            assetKinds = Set.copyOf(assetKinds);
            allowedZones = List.copyOf(allowedZones);
            if (!(toleranceM >= 0)) throw new IllegalArgumentException("toleranceM must be >= 0");
        }
        public String type() { return "restricted-movement"; }
        public List<ZoneId> zones() { return allowedZones; }
    }
}

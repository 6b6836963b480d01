package org.truce.agreement.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.RuleId;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;
import org.truce.ground.AssetKind;
import org.truce.ground.ObjectClass;

/**
 * Reads one rule object into a {@link RuleSpec}, by its {@code type}, checking every field and every reference
 * to a zone, party or contingent. {@code from} defaults to the version's {@code validFrom}. Stateless apart from
 * its inputs; one load, one thread.
 */
final class RuleReader {
    /** The rule types an agreement file may use, as named by {@link RuleSpec#type()}. */
    static final List<String> TYPES = List.of("cease-fire", "hold-positions", "withdraw-by", "corridor-control",
            "force-cap", "restricted-movement");
    /** Cap key counting every vehicle class, besides the {@link ObjectClass} names. */
    static final String VEHICLES = "VEHICLES";

    private final Known known;
    private final Instant effective;

    RuleReader(Known known, Optional<Instant> effective) {
        this.known = known;
        this.effective = effective.orElse(Instant.MIN);
    }

    Optional<RuleSpec> read(Fields f, Optional<Instant> validFrom) {
        Optional<RuleId> id = f.text("id").map(RuleId::of);
        Optional<String> type = f.text("type");
        if (type.isPresent() && !TYPES.contains(type.get())) {
            f.error("type", "unknown rule type '" + type.get() + "' (expected one of " + String.join(", ", TYPES) + ")");
            return Optional.empty();
        }
        if (type.isEmpty()) return Optional.empty();
        Optional<Instant> from = f.has("from") ? f.optInstant("from") : validFrom;
        Optional<? extends RuleSpec> spec = switch (type.get()) {
            case "cease-fire" -> {
                Optional<ZoneId> zone = zone(f);
                yield all(id, zone, from).map(x -> new RuleSpec.CeaseFire(id.get(), zone.get(), from.get()));
            }
            case "hold-positions" -> {
                Optional<ZoneId> zone = zone(f);
                Optional<PartyId> inside = party(f, "insideParty");
                Optional<PartyId> outside = party(f, "outsideParty");
                Optional<Double> tol = nonNegative(f, "toleranceM");
                List<Fields.Ref> exceptRefs = f.optRefs("exceptIn");
                boolean exceptKnown = allKnown(exceptRefs, r -> known.zone(f, r));
                List<ZoneId> exceptIn = exceptRefs.stream().map(r -> ZoneId.of(r.value())).toList();
                yield all(id, zone, inside, outside, tol, from).filter(x -> exceptKnown).map(x -> new RuleSpec.HoldPositions(
                        id.get(), zone.get(), inside.get(), outside.get(), tol.get(), exceptIn, from.get()));
            }
            case "withdraw-by" -> {
                Optional<ZoneId> zone = zone(f);
                Optional<Set<PartyId>> parties = parties(f, "parties", true);
                Optional<Instant> deadline = f.instant("deadline");
                deadline.filter(d -> d.isBefore(effective)).ifPresent(d -> f.error("deadline",
                        "deadline " + d + " is before the ceasefire took effect (" + effective + ")"));
                yield all(id, zone, parties, deadline).map(x -> new RuleSpec.WithdrawBy(
                        id.get(), zone.get(), parties.get(), deadline.get()));
            }
            case "corridor-control" -> {
                Optional<ZoneId> zone = zone(f);
                Optional<Set<PartyId>> allowed = parties(f, "allowedParties", false);
                yield all(id, zone, allowed, from).map(x -> new RuleSpec.CorridorControl(
                        id.get(), zone.get(), allowed.get(), from.get()));
            }
            case "force-cap" -> {
                Optional<PartyId> party = party(f, "party");
                Optional<List<ZoneId>> zones = zones(f);
                Optional<Map<String, Integer>> caps = caps(f);
                Optional<Long> window = f.longValue("windowSeconds").filter(positive(f, "windowSeconds"));
                yield all(id, party, zones, caps, window, from).map(x -> new RuleSpec.ForceCap(
                        id.get(), party.get(), zones.get(), caps.get(), window.get(), from.get()));
            }
            default -> {
                Optional<ContingentId> contingent = f.ref("contingent").filter(r -> known.contingent(f, r))
                        .map(r -> ContingentId.of(r.value()));
                Optional<Set<AssetKind>> kinds = f.refs("assetKinds").flatMap(rs -> {
                    List<Optional<AssetKind>> ks = rs.stream().map(r -> f.enumOf(r.path(), r.value(), AssetKind.class)).toList();
                    return ks.stream().allMatch(Optional::isPresent)
                            ? Optional.of(ks.stream().map(Optional::get).collect(Collectors.toCollection(LinkedHashSet::new)))
                            : Optional.empty();
                });
                Optional<List<ZoneId>> zones = zones(f);
                Optional<Double> tol = nonNegative(f, "toleranceM");
                yield all(id, contingent, kinds, zones, tol, from).map(x -> new RuleSpec.RestrictedMovement(
                        id.get(), contingent.get(), kinds.get(), zones.get(), tol.get(), from.get()));
            }
        };
        f.finish();
        return spec.map(RuleSpec.class::cast);
    }

    private Optional<ZoneId> zone(Fields f) {
        return f.ref("zone").filter(r -> known.zone(f, r)).map(r -> ZoneId.of(r.value()));
    }

    private Optional<List<ZoneId>> zones(Fields f) {
        return f.refs("zones").flatMap(rs -> allKnown(rs, r -> known.zone(f, r))
                ? Optional.of(rs.stream().map(r -> ZoneId.of(r.value())).toList()) : Optional.empty());
    }

    private Optional<PartyId> party(Fields f, String name) {
        return f.ref(name).filter(r -> known.party(f, r)).map(r -> PartyId.of(r.value()));
    }

    private Optional<Set<PartyId>> parties(Fields f, String name, boolean nonEmpty) {
        Optional<List<Fields.Ref>> refs = nonEmpty ? f.refs(name)
                : f.requiredRaw(name).map(x -> f.optRefs(name));
        return refs.flatMap(rs -> allKnown(rs, r -> known.party(f, r))
                ? Optional.of(rs.stream().map(r -> PartyId.of(r.value())).collect(Collectors.toSet())) : Optional.empty());
    }

    private static Optional<Map<String, Integer>> caps(Fields f) {
        return f.requiredRaw("caps").flatMap(node -> {
            if (!node.isObject() || node.isEmpty()) {
                f.error("caps", "expected a non-empty object of caps such as {\"PERSONNEL\": 1960}, got " + Fields.kind(node));
                return Optional.empty();
            }
            Map<String, Integer> caps = new HashMap<>();
            boolean ok = true;
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonPath at = f.at("caps").child(e.getKey());
                boolean knownKey = e.getKey().equals(VEHICLES)
                        || Stream.of(ObjectClass.values()).anyMatch(c -> c.name().equals(e.getKey()));
                JsonNode v = e.getValue();
                if (!knownKey) {
                    f.error(at, "unknown cap '" + e.getKey() + "' (expected " + VEHICLES + " or one of "
                            + Stream.of(ObjectClass.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
                    ok = false;
                } else if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
                    f.error(at, "a cap is a whole number of 0 or more, got " + v);
                    ok = false;
                } else {
                    caps.put(e.getKey(), v.intValue());
                }
            }
            return ok ? Optional.of(caps) : Optional.empty();
        });
    }

    private static Optional<Double> nonNegative(Fields f, String name) {
        return f.number(name).filter(v -> {
            if (v >= 0) return true;
            f.error(name, "must be 0 or more metres, got " + v);
            return false;
        });
    }

    private static Predicate<Long> positive(Fields f, String name) {
        return v -> {
            if (v > 0) return true;
            f.error(name, "must be greater than 0, got " + v);
            return false;
        };
    }

    /** Checks every reference (reporting each unknown one), not only up to the first failure. */
    private static boolean allKnown(List<Fields.Ref> refs, Predicate<Fields.Ref> check) {
        return refs.stream().filter(check.negate()).count() == 0;
    }

    private static Optional<Boolean> all(Optional<?>... parts) {
        return Stream.of(parts).allMatch(Optional::isPresent) ? Optional.of(true) : Optional.empty();
    }
}

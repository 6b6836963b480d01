package org.truce.sim.truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.RuleId;
import org.truce.agreement.RuleSpec;
import org.truce.geo.GeoPoint;
import org.truce.sim.world.ActiveRule;
import org.truce.sim.world.Mover;
import org.truce.sim.world.SimAsset;
import org.truce.sim.world.TheaterMap;
import org.truce.sim.world.Unit;

/**
 * Watches every unit and asset against every binding rule, step by step, and records each interval in which one
 * violates a rule: the ground truth of violations, whether planned or not. It also counts the true reports the
 * sensors emit about a violator while it violates, which decides observability. Not thread-safe.
 *
 * <p>A hold-positions violation is a crossing: the unit must have been on its own side of the line first (units of
 * the inside party that start outside, in a district they are leaving, do not violate by being there).
 */
public final class ViolationMonitor {
    /** Interval at which a violator's true positions are kept as places of its violation. */
    private static final double PATH_SECONDS = 60;
    private final TheaterMap map;
    private final Instant start;
    private final int minReports;
    private final Map<RuleId, List<ActiveRule>> rules = new LinkedHashMap<>();
    private final Map<RuleId, Boolean> binding = new HashMap<>();
    private final Map<String, List<Check>> checks = new HashMap<>();
    private final Map<String, double[]> lastPosition = new HashMap<>();
    private final Map<String, List<Check>> openByEntity = new HashMap<>();
    private final Set<String> planned = new HashSet<>();
    private final List<Closed> closed = new ArrayList<>();

    public ViolationMonitor(TheaterMap map, Instant start, int minReports) {
        this.map = map;
        this.start = start;
        this.minReports = minReports;
        for (ActiveRule a : map.rules()) rules.computeIfAbsent(a.spec().id(), k -> new ArrayList<>()).add(a);
    }

    /** Declares that {@code entity} is planned to violate {@code rule}, so its violations count as injected. */
    public void plan(String entity, RuleId rule) {
        planned.add(entity + "|" + rule.value());
    }

    /** Evaluates every entity at {@code tS} seconds since the start (after the entities moved). */
    public void evaluate(double tS, List<Unit> units, List<SimAsset> assets) {
        Instant t = at(tS);
        boolean bindingChanged = false;
        for (var e : rules.entrySet()) {
            boolean b = e.getValue().stream().anyMatch(a -> a.bindsAt(t));
            Boolean old = binding.put(e.getKey(), b);
            if (old == null || old != b) bindingChanged = true;
        }
        for (Unit u : units) {
            visit(u.id(), u, Optional.of(u.party()), Optional.empty(), checksFor(u), tS, bindingChanged);
        }
        for (SimAsset a : assets) {
            visit(a.id(), a, Optional.empty(), Optional.of(a.owner()), checksFor(a), tS, bindingChanged);
        }
    }

    /** Counts a true report about {@code entity} at {@code tS}, for the intervals open now. */
    public void reported(String entity, double tS) {
        List<Check> open = openByEntity.get(entity);
        if (open == null) return;
        for (Check c : open) c.reports++;
    }

    /** Records a fire violation, whose observability the caller has decided from the cues it emitted. */
    public void fire(RuleId rule, String subject, PartyId party, double fromS, double toS, GeoPoint place,
                     List<GeoPoint> impacts, int cues, boolean observable) {
        ActiveRule a = rules.get(rule).getFirst();
        closed.add(new Closed(a, subject, Optional.of(party), Optional.empty(), fromS, toS, place, impacts, true,
                cues, observable));
    }

    /**
     * Every violation so far, ordered by start, ids assigned; those still open are reported as ending at
     * {@code endS} (the monitor's state is not changed, so the run may continue).
     */
    public List<TruthViolation> snapshot(double endS) {
        List<Closed> all = new ArrayList<>(closed);
        for (var e : openByEntity.entrySet()) {
            for (Check c : e.getValue()) all.add(closedAt(c, endS));
        }
        all.sort(Comparator.comparingDouble(Closed::fromS).thenComparing(Closed::subject)
                .thenComparing(c -> c.rule().spec().id()));
        List<TruthViolation> out = new ArrayList<>();
        int n = 1;
        for (Closed c : all) {
            RuleSpec r = c.rule().spec();
            out.add(new TruthViolation("V-" + n++, r.id(), r.type(), c.rule().provision().id(), c.subject(), c.party(),
                    c.contingent(), at(c.fromS()), at(c.toS()), c.place(), c.others(), c.injected(), c.reports(),
                    c.observable()));
        }
        return out;
    }

    private void visit(String id, Mover m, Optional<PartyId> party, Optional<ContingentId> contingent,
                       List<Check> list, double tS, boolean bindingChanged) {
        if (list.isEmpty()) return;
        double[] last = lastPosition.get(id);
        if (!bindingChanged && last != null && last[0] == m.x() && last[1] == m.y()) return;
        lastPosition.put(id, new double[]{m.x(), m.y()});
        for (Check c : list) {
            boolean bound = binding.getOrDefault(c.rule.spec().id(), false);
            double depth = bound ? depth(c, m) : -1;
            if (!bound) depth(c, m);
            if (depth > 0 && bound) {
                if (!c.open) {
                    c.open = true;
                    c.fromS = tS;
                    c.maxDepth = -1;
                    c.reports = 0;
                    c.path.clear();
                    c.party = party;
                    c.contingent = contingent;
                    openByEntity.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
                }
                if (c.path.isEmpty() || tS - c.lastPathS >= PATH_SECONDS) {
                    c.path.add(new double[]{m.x(), m.y()});
                    c.lastPathS = tS;
                }
                if (depth > c.maxDepth) {
                    c.maxDepth = depth;
                    c.px = m.x();
                    c.py = m.y();
                }
            } else if (c.open) {
                close(c, tS);
                openByEntity.get(id).remove(c);
            }
        }
    }

    private void close(Check c, double tS) {
        c.open = false;
        closed.add(closedAt(c, tS));
    }

    private Closed closedAt(Check c, double tS) {
        GeoPoint place = map.projector().toGeo(c.px, c.py);
        List<GeoPoint> path = new ArrayList<>();
        for (double[] p : c.path) path.add(map.projector().toGeo(p[0], p[1]));
        return new Closed(c.rule, c.entity, c.party, c.contingent, c.fromS, tS, place, path,
                planned.contains(c.entity + "|" + c.rule.spec().id().value()), c.reports, c.reports >= minReports);
    }

    /** How far into violation the entity is (metres, > 0 = violating); also tracks the own-side memory. */
    private double depth(Check c, Mover m) {
        double x = m.x(), y = m.y();
        return switch (c.rule.spec()) {
            case RuleSpec.HoldPositions h -> {
                boolean inside = map.contains(h.heldArea(), x, y);
                boolean ownSide = inside == c.insideParty;
                if (ownSide) {
                    c.wasOnOwnSide = true;
                    yield -1;
                }
                double d = map.distanceToBoundary(h.heldArea(), x, y);
                yield c.wasOnOwnSide && d > h.toleranceM() ? d : -1;
            }
            case RuleSpec.WithdrawBy w -> map.contains(w.zone(), x, y) ? 1 + map.distanceToBoundary(w.zone(), x, y) : -1;
            case RuleSpec.CorridorControl k ->
                    map.contains(k.corridor(), x, y) ? 1 + map.distanceToBoundary(k.corridor(), x, y) : -1;
            case RuleSpec.ForceCap f -> map.outsideBy(f.allowedZones(), x, y);
            case RuleSpec.RestrictedMovement r -> {
                double out = map.outsideBy(r.allowedZones(), x, y);
                yield out > r.toleranceM() ? out : -1;
            }
            case RuleSpec.CeaseFire ignored -> -1;
        };
    }

    private List<Check> checksFor(Unit u) {
        return checks.computeIfAbsent(u.id(), k -> {
            List<Check> l = new ArrayList<>();
            for (List<ActiveRule> group : rules.values()) {
                ActiveRule a = group.getFirst();
                boolean applies = switch (a.spec()) {
                    case RuleSpec.HoldPositions h -> h.insideParty().equals(u.party()) || h.outsideParty().equals(u.party());
                    case RuleSpec.WithdrawBy w -> w.parties().contains(u.party()) && u.objectClass().armed();
                    case RuleSpec.CorridorControl c -> !c.allowedParties().contains(u.party()) && u.objectClass().armed();
                    case RuleSpec.ForceCap f -> f.party().equals(u.party());
                    default -> false;
                };
                if (applies) {
                    Check c = new Check(a, u.id());
                    if (a.spec() instanceof RuleSpec.HoldPositions h) c.insideParty = h.insideParty().equals(u.party());
                    l.add(c);
                }
            }
            return l;
        });
    }

    private List<Check> checksFor(SimAsset s) {
        return checks.computeIfAbsent(s.id(), k -> {
            List<Check> l = new ArrayList<>();
            for (List<ActiveRule> group : rules.values()) {
                ActiveRule a = group.getFirst();
                if (a.spec() instanceof RuleSpec.RestrictedMovement r && r.contingent().equals(s.owner())
                        && r.assetKinds().contains(s.asset().kind())) {
                    l.add(new Check(a, s.id()));
                }
            }
            return l;
        });
    }

    private Instant at(double tS) {
        return start.plusMillis(Math.round(tS * 1000));
    }

    /** The state of one (rule, entity) pair. */
    private static final class Check {
        final ActiveRule rule;
        final String entity;
        boolean insideParty;
        boolean wasOnOwnSide;
        boolean open;
        double fromS;
        double maxDepth;
        double px;
        double py;
        double lastPathS;
        final List<double[]> path = new ArrayList<>();
        int reports;
        Optional<PartyId> party = Optional.empty();
        Optional<ContingentId> contingent = Optional.empty();

        Check(ActiveRule rule, String entity) {
            this.rule = rule;
            this.entity = entity;
        }
    }

    private record Closed(ActiveRule rule, String subject, Optional<PartyId> party, Optional<ContingentId> contingent,
                          double fromS, double toS, GeoPoint place, List<GeoPoint> others, boolean injected,
                          int reports, boolean observable) { }
}

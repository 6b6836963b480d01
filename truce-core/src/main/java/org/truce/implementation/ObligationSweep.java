package org.truce.implementation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.truce.agreement.Provision;
import org.truce.agreement.ProvisionVersion;
import org.truce.ground.RuleId;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;

/**
 * Computes one obligation's timeline by sweeping, in time order, every instant where something can change (version
 * boundaries, rule starts, deadlines, incident starts and ends) up to {@code asOf}, and between two such instants
 * asking the coverage port whether the zone was observed clear. One use only; not thread-safe.
 */
final class ObligationSweep {
    private final Provision provision;
    private final RuleId rule;
    private final List<Incident> incidents;
    private final ZoneCoverage coverage;
    private final double clearProbability;
    private final Instant asOf;
    private final ZoneId zone;
    private final String ruleType;

    private final TreeMap<String, Incident> standing = new TreeMap<>();
    /** Incidents seen since the deadline rule was last observed clear (or since its deadline). */
    private final List<Incident> unresolved = new ArrayList<>();
    private final List<StatusChange> out = new ArrayList<>();
    private Optional<Instant> deadline = Optional.empty();
    private boolean fulfilled;
    private StatusChange fulfilledChange;
    private boolean everViolated;

    ObligationSweep(Provision provision, RuleId rule, List<Incident> incidents, ZoneCoverage coverage,
                    double clearProbability, Instant asOf) {
        this.provision = provision;
        this.rule = rule;
        this.incidents = incidents.stream()
                .filter(i -> i.rule().equals(rule) && !i.start().isAfter(asOf))
                .sorted(Comparator.comparing(Incident::start).thenComparing(Incident::id))
                .toList();
        this.coverage = coverage;
        this.clearProbability = clearProbability;
        this.asOf = asOf;
        RuleSpec latest = provision.versions().reversed().stream()
                .flatMap(v -> spec(v).stream()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("provision " + provision.id() + " has no rule " + rule));
        this.zone = latest.zones().getFirst();
        this.ruleType = latest.type();
    }

    ObligationTimeline run() {
        TreeSet<Instant> instants = new TreeSet<>();
        for (ProvisionVersion v : provision.versions()) {
            instants.add(v.validFrom());
            v.validTo().ifPresent(instants::add);
            spec(v).map(ObligationSweep::ruleStart).filter(v::inForceAt).ifPresent(instants::add);
        }
        for (Incident i : incidents) {
            instants.add(i.start());
            if (closedBy(i)) instants.add(i.end());
        }
        // Indexed by instant so that a long history stays linear in its incidents.
        Map<Instant, List<Incident>> starting = new HashMap<>();
        Map<Instant, List<Incident>> ending = new HashMap<>();
        for (Incident i : incidents) {
            starting.computeIfAbsent(i.start(), k -> new ArrayList<>()).add(i);
            if (closedBy(i)) ending.computeIfAbsent(i.end(), k -> new ArrayList<>()).add(i);
        }
        List<Instant> times = new ArrayList<>(instants.headSet(asOf, true));
        for (int k = 0; k < times.size(); k++) {
            Instant t = times.get(k);
            Instant next = k + 1 < times.size() ? times.get(k + 1) : asOf;
            enter(t);
            for (Incident i : starting.getOrDefault(t, List.of())) {
                standing.put(i.id(), i);
                if (postDeadline(t)) unresolved.add(i);
                everViolated = true;
            }
            emit(evaluate(t));
            boolean ended = false;
            for (Incident i : ending.getOrDefault(t, List.of())) {
                if (standing.remove(i.id()) != null) ended = true;
            }
            if (ended) emit(evaluate(t));
            watchForClear(t, next);
        }
        return new ObligationTimeline(rule, ruleType, zone, out);
    }

    /** Version boundary bookkeeping: a moved deadline starts the deadline rule afresh. */
    private void enter(Instant t) {
        Optional<Instant> d = provision.versionAt(t).flatMap(this::spec).flatMap(ObligationSweep::deadlineOf);
        if (!d.equals(deadline)) {
            deadline = d;
            fulfilled = false;
            fulfilledChange = null;
            unresolved.clear();
        }
    }

    private Optional<StatusChange> evaluate(Instant t) {
        Optional<ProvisionVersion> inForce = provision.versionAt(t);
        if (inForce.isEmpty()) {
            if (t.isBefore(provision.versions().getFirst().validFrom())) return Optional.empty();
            return Optional.of(change(t, ProvisionStatus.EXPIRED, Reason.PROVISION_ENDED, Optional.empty(), List.of()));
        }
        ProvisionVersion v = inForce.get();
        Optional<RuleSpec> spec = spec(v);
        if (spec.isEmpty()) {
            boolean carriedBefore = provision.versions().stream()
                    .anyMatch(p -> p.version() < v.version() && spec(p).isPresent());
            return Optional.of(carriedBefore
                    ? change(t, ProvisionStatus.SUPERSEDED, Reason.RULE_REMOVED, Optional.of(v), List.of(amendment(v)))
                    : change(t, ProvisionStatus.PENDING, Reason.NOT_YET_IN_FORCE, Optional.of(v), List.of()));
        }
        if (spec.get() instanceof RuleSpec.WithdrawBy w) return Optional.of(deadlineStatus(t, v, w));
        if (t.isBefore(ruleStart(spec.get()))) {
            return Optional.of(change(t, ProvisionStatus.PENDING, Reason.NOT_YET_IN_FORCE, Optional.of(v), List.of()));
        }
        if (!standing.isEmpty()) {
            return Optional.of(change(t, ProvisionStatus.VIOLATED, Reason.VIOLATION_STANDING, Optional.of(v),
                    refs(standing.values())));
        }
        return Optional.of(change(t, ProvisionStatus.DUE, everViolated ? Reason.VIOLATION_ENDED : Reason.IN_FORCE,
                Optional.of(v), List.of()));
    }

    private StatusChange deadlineStatus(Instant t, ProvisionVersion v, RuleSpec.WithdrawBy w) {
        if (t.isBefore(w.deadline())) {
            Optional<Instant> before = previous(v).flatMap(this::spec).flatMap(ObligationSweep::deadlineOf);
            boolean moved = before.isPresent() && !before.get().equals(w.deadline());
            return moved
                    ? change(t, ProvisionStatus.DUE, Reason.DEADLINE_MOVED, Optional.of(v), List.of(amendment(v)))
                    : change(t, ProvisionStatus.DUE, Reason.DEADLINE_RUNNING, Optional.of(v), List.of());
        }
        ProvisionStatus broken = fulfilled ? ProvisionStatus.VIOLATED : ProvisionStatus.OVERDUE;
        if (!standing.isEmpty()) {
            return change(t, broken, Reason.VIOLATION_STANDING, Optional.of(v), refs(standing.values()));
        }
        if (!unresolved.isEmpty()) {
            return change(t, broken, Reason.VIOLATION_ENDED_NOT_OBSERVED_CLEAR, Optional.of(v), refs(unresolved));
        }
        if (fulfilled) {
            return change(t, ProvisionStatus.FULFILLED, fulfilledChange.reason(), Optional.of(v),
                    fulfilledChange.evidence());
        }
        return change(t, ProvisionStatus.UNVERIFIED, Reason.NO_COVERAGE_SINCE_DEADLINE, Optional.of(v), List.of());
    }

    /**
     * Past a deadline with no violation standing and not (or no longer) observed clear: ask the coverage of the
     * zone since the deadline, or since the last violation ended, up to {@code next}, and mark the obligation
     * fulfilled when the watches combined reach the configured probability.
     */
    private void watchForClear(Instant t, Instant next) {
        if (deadline.isEmpty() || t.isBefore(deadline.get()) || !standing.isEmpty()) return;
        if (fulfilled && unresolved.isEmpty()) return;
        Optional<ProvisionVersion> v = provision.versionAt(t);
        if (v.isEmpty() || spec(v.get()).isEmpty()) return;
        Instant since = deadline.get();
        for (Incident i : unresolved) {
            Instant end = effectiveEnd(i);
            if (end.isAfter(since)) since = end;
        }
        if (!next.isAfter(since)) return;
        double miss = 1;
        TreeSet<String> assets = new TreeSet<>();
        for (ZoneCoverage.Watch w : coverage.watches(zone, since, next)) {
            miss *= 1 - w.probability();
            assets.addAll(w.assets());
            double p = 1 - miss;
            if (p >= clearProbability) {
                Instant at = w.to().isBefore(t) ? t : w.to();
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(new Evidence.CoverageRef(zone, since, w.to(), p, List.copyOf(assets)));
                evidence.addAll(refs(unresolved));
                StatusChange c = change(at, ProvisionStatus.FULFILLED,
                        unresolved.isEmpty() ? Reason.OBSERVED_CLEAR : Reason.OBSERVED_CLEAR_AFTER_VIOLATION,
                        v, evidence);
                fulfilled = true;
                fulfilledChange = c;
                unresolved.clear();
                emit(Optional.of(c));
                return;
            }
        }
    }

    private void emit(Optional<StatusChange> c) {
        if (c.isEmpty()) return;
        if (!out.isEmpty() && out.getLast().sameAs(c.get())) return;
        out.add(c.get());
    }

    private StatusChange change(Instant t, ProvisionStatus s, Reason r, Optional<ProvisionVersion> v,
                                List<Evidence> evidence) {
        Optional<Instant> d = v.flatMap(this::spec).flatMap(ObligationSweep::deadlineOf);
        return new StatusChange(t, s, r, Optional.of(rule), v.map(ProvisionVersion::version), d, evidence);
    }

    private boolean postDeadline(Instant t) {
        return deadline.map(d -> !t.isBefore(d)).orElse(false);
    }

    /** Closed by {@code asOf}: a later end is not yet known at {@code asOf}, so the incident still stands then. */
    private boolean closedBy(Incident i) {
        return i.state() == IncidentState.CLOSED && !i.end().isAfter(asOf);
    }

    private Instant effectiveEnd(Incident i) {
        return i.end().isAfter(asOf) ? asOf : i.end();
    }

    private List<Evidence> refs(java.util.Collection<Incident> list) {
        return list.stream()
                .sorted(Comparator.comparing(Incident::start).thenComparing(Incident::id))
                .map(i -> (Evidence) new Evidence.IncidentRef(i.id(), i.start(), effectiveEnd(i),
                        closedBy(i) ? IncidentState.CLOSED : IncidentState.OPEN))
                .collect(Collectors.toList());
    }

    private Optional<RuleSpec> spec(ProvisionVersion v) {
        return v.rules().stream().filter(r -> r.id().equals(rule)).findFirst();
    }

    private Optional<ProvisionVersion> previous(ProvisionVersion v) {
        return provision.versions().stream().filter(p -> p.version() < v.version())
                .max(Comparator.comparingInt(ProvisionVersion::version));
    }

    private static Evidence amendment(ProvisionVersion v) {
        return new Evidence.AmendmentRef(v.version(), v.adopted(), v.source());
    }

    static Optional<Instant> deadlineOf(RuleSpec s) {
        return s instanceof RuleSpec.WithdrawBy w ? Optional.of(w.deadline()) : Optional.empty();
    }

    /** When the rule starts to bind within its version: the deadline for withdraw-by, its start otherwise. */
    static Instant ruleStart(RuleSpec s) {
        return switch (s) {
            case RuleSpec.CeaseFire c -> c.from();
            case RuleSpec.HoldPositions h -> h.from();
            case RuleSpec.WithdrawBy w -> w.deadline();
            case RuleSpec.CorridorControl c -> c.from();
            case RuleSpec.ForceCap f -> f.from();
            case RuleSpec.RestrictedMovement r -> r.from();
        };
    }
}

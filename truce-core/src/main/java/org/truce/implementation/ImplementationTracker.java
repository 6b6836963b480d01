package org.truce.implementation;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Provision;
import org.truce.ground.ProvisionId;
import org.truce.agreement.ProvisionVersion;
import org.truce.ground.RuleId;
import org.truce.agreement.RuleSpec;
import org.truce.rules.Incident;

/**
 * The implementation tracker: each provision's status over time, from the agreement, the incidents raised under
 * it ({@link IncidentSource}) and the coverage of its zones ({@link ZoneCoverage}).
 *
 * <p>Every answer is computed afresh for the instant asked, from what the ports say then: incidents that started
 * after the instant are ignored, an incident that ended after it still stands at it. A deadline rule is FULFILLED
 * only when coverage of its zone after the deadline (and after any violation) reaches
 * {@link Config#clearProbability()}; with no such coverage it is UNVERIFIED, never fulfilled by default.
 *
 * <p>Thread-safe when the ports are; holds no state of its own. Deterministic for the same inputs.
 */
public final class ImplementationTracker {
    /**
     * @param clearProbability combined detection probability the coverage of a zone must reach, after a deadline,
     *                         before a withdrawal counts as fulfilled (default 0.5), in (0, 1]
     */
    public record Config(double clearProbability) {
        public Config {
            if (!(clearProbability > 0 && clearProbability <= 1)) {
                throw new IllegalArgumentException("clearProbability must be in (0, 1], got " + clearProbability);
            }
        }

        public static Config defaults() {
            return new Config(0.5);
        }
    }

    private final Agreement agreement;
    private final IncidentSource incidents;
    private final ZoneCoverage coverage;
    private final InstantSource clock;
    private final Config config;

    public ImplementationTracker(Agreement agreement, IncidentSource incidents, ZoneCoverage coverage,
                                 InstantSource clock, Config config) {
        this.agreement = Objects.requireNonNull(agreement, "agreement");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
    }

    public Agreement agreement() {
        return agreement;
    }

    /** Every provision's status now (the injected clock), in agreement order. */
    public List<ProvisionState> statusAll() {
        return statusAll(clock.instant());
    }

    /** Every provision's status at {@code at}, in agreement order. */
    public List<ProvisionState> statusAll(Instant at) {
        return agreement.provisions().stream().map(p -> statusAt(p, at)).toList();
    }

    /** The provision's status at {@code at}, with each obligation's. */
    public ProvisionState statusAt(Provision provision, Instant at) {
        ProvisionTimeline tl = timeline(provision, at);
        List<ObligationState> obligations = tl.obligations().stream().map(o -> new ObligationState(o.rule(),
                o.ruleType(), o.zone(), o.statusAt(at), o.changeAt(at), Timelines.since(o.changes(), at))).toList();
        return new ProvisionState(provision.id(), provision.title(), provision.tracked(), at, tl.status(),
                tl.changeAt(at), Timelines.since(tl.changes(), at), provision.versionAt(at).map(ProvisionVersion::version),
                obligations);
    }

    /** The status of the provision with {@code id} at {@code at}; empty when the agreement has no such provision. */
    public Optional<ProvisionState> statusAt(ProvisionId id, Instant at) {
        return agreement.provision(id).map(p -> statusAt(p, at));
    }

    /** The provision's timeline up to now (the injected clock). */
    public ProvisionTimeline timeline(Provision provision) {
        return timeline(provision, clock.instant());
    }

    /** The timeline of the provision with {@code id} up to {@code asOf}; empty when there is no such provision. */
    public Optional<ProvisionTimeline> timeline(ProvisionId id, Instant asOf) {
        return agreement.provision(id).map(p -> timeline(p, asOf));
    }

    /** The provision's timeline up to {@code asOf}: versions, each obligation's history and the provision's. */
    public ProvisionTimeline timeline(Provision provision, Instant asOf) {
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(asOf, "asOf");
        List<RuleId> rules = ruleIds(provision);
        List<ObligationTimeline> obligations = new ArrayList<>();
        if (!rules.isEmpty()) {
            List<Incident> raised = incidents.incidents(provision.id());
            for (RuleId r : rules) {
                obligations.add(new ObligationSweep(provision, r, raised, coverage, config.clearProbability(), asOf).run());
            }
        }
        List<StatusChange> changes = rules.isEmpty() ? unmonitored(provision, asOf)
                : ProvisionAggregate.of(provision, obligations);
        return new ProvisionTimeline(provision.id(), provision.title(), provision.tracked(), asOf,
                Versions.of(provision, asOf), obligations, changes);
    }

    /** Rule ids in order of first appearance across the versions. */
    private static List<RuleId> ruleIds(Provision p) {
        LinkedHashSet<RuleId> ids = new LinkedHashSet<>();
        for (ProvisionVersion v : p.versions()) v.rules().stream().map(RuleSpec::id).forEach(ids::add);
        return List.copyOf(ids);
    }

    /** A provision with no rule: NOT_MONITORED through each version, EXPIRED after the last ends. */
    private static List<StatusChange> unmonitored(Provision p, Instant asOf) {
        Map<Instant, Optional<ProvisionVersion>> at = new LinkedHashMap<>();
        for (ProvisionVersion v : p.versions()) {
            at.put(v.validFrom(), Optional.of(v));
            v.validTo().ifPresent(t -> at.putIfAbsent(t, p.versionAt(t)));
        }
        List<StatusChange> out = new ArrayList<>();
        at.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getKey().isAfter(asOf)) return;
            Optional<ProvisionVersion> v = p.versionAt(e.getKey());
            StatusChange c = v.isPresent()
                    ? new StatusChange(e.getKey(), ProvisionStatus.NOT_MONITORED, Reason.NO_RULE, Optional.empty(),
                            Optional.of(v.get().version()), Optional.empty(), List.of())
                    : new StatusChange(e.getKey(), ProvisionStatus.EXPIRED, Reason.PROVISION_ENDED, Optional.empty(),
                            Optional.empty(), Optional.empty(), List.of());
            if (out.isEmpty() || !out.getLast().sameAs(c)) out.add(c);
        });
        return out;
    }
}

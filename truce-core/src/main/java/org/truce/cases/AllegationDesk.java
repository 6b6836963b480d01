package org.truce.cases;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.rules.Incident;

/**
 * Files allegations and reviews them against incidents, their cases and coverage. The status rule:
 * <ol>
 *   <li>a matched incident whose case is PUBLISHED with a CONFIRMED finding → CORROBORATED;</li>
 *   <li>else a matched incident whose case is not yet published → UNDER_REVIEW (wait for the joint outcome);</li>
 *   <li>else the area observed during the interval with combined probability ≥ the coverage threshold →
 *       NOT_CORROBORATED (observed, nothing confirmed);</li>
 *   <li>else → UNVERIFIABLE (not seen is not "not there").</li>
 * </ol>
 * Each status change is audited and the filing party notified. Thread-safe if its ports are.
 */
public final class AllegationDesk {
    private final AllegationRepository allegations;
    private final NotificationOutbox outbox;
    private final AuditLog audit;
    private final AllegationMatcher matcher;
    private final CoverageOracle coverage;
    private final double coverageThreshold;
    private final InstantSource clock;

    public AllegationDesk(AllegationRepository allegations, NotificationOutbox outbox, AuditLog audit,
                          AllegationMatcher matcher, CoverageOracle coverage, double coverageThreshold, InstantSource clock) {
        this.allegations = Objects.requireNonNull(allegations); this.outbox = Objects.requireNonNull(outbox);
        this.audit = Objects.requireNonNull(audit); this.matcher = Objects.requireNonNull(matcher);
        this.coverage = Objects.requireNonNull(coverage); this.coverageThreshold = coverageThreshold;
        this.clock = Objects.requireNonNull(clock);
    }

    /** Files an allegation for the liaison officer's party; it starts UNDER_REVIEW. */
    public Allegation file(Principal who, Instant from, Instant to, Area area, String description, ProvisionId provision,
                           List<String> sources) {
        PartyId party = who.party().orElseThrow(() -> new Refusal(Refusal.Kind.FORBIDDEN, "only a liaison officer files allegations"));
        Authorization.decide(who, Action.FILE_ALLEGATION, new Resource.PartyScope(party)).orThrow();
        Instant now = clock.instant();
        Allegation a;
        try {
            a = new Allegation(allegations.nextId(party), party, who.userId(), now, from, to, area, description,
                    provision, sources, AllegationStatus.UNDER_REVIEW, List.of(), "filed; awaiting review");
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
        }
        allegations.save(a);
        audit.record(who, now, Action.FILE_ALLEGATION, a.id().value(), "-", a.status().name());
        return a;
    }

    /**
     * Reviews every allegation not yet settled (UNDER_REVIEW) against {@code incidents}; {@code caseOf} gives each
     * incident's case. Returns the allegations whose status changed.
     */
    public List<Allegation> review(Principal who, List<Incident> incidents, Function<String, Optional<Case>> caseOf) {
        Authorization.decide(who, Action.REVIEW_ALLEGATIONS, new Resource.Center()).orThrow();
        Instant now = clock.instant();
        List<Allegation> changed = new ArrayList<>();
        for (Allegation a : allegations.all()) {
            if (a.status() != AllegationStatus.UNDER_REVIEW) continue;
            Allegation r = assess(a, incidents, caseOf);
            if (r.status() == a.status()) continue;
            allegations.save(r);
            audit.record(who, now, Action.REVIEW_ALLEGATIONS, a.id().value(), a.status().name(), r.status().name());
            outbox.add(new Notification(a.filedBy(), a.id(), r.status(), now,
                    "Allegation " + a.id() + " is " + r.status() + ": " + r.reason()));
            changed.add(r);
        }
        return changed;
    }

    /** The status {@code a} has given the incidents, their cases and coverage; pure. */
    public Allegation assess(Allegation a, List<Incident> incidents, Function<String, Optional<Case>> caseOf) {
        List<Incident> matched = matcher.matching(a, incidents);
        List<String> ids = matched.stream().map(Incident::id).toList();
        List<String> confirmed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Incident i : matched) {
            Optional<Case> c = caseOf.apply(i.id());
            boolean published = c.map(x -> x.state() == CaseState.PUBLISHED).orElse(false);
            if (published && c.get().finding().map(f -> f.verdict() == Verdict.CONFIRMED).orElse(false)) confirmed.add(i.id());
            else if (!published) pending.add(i.id());
        }
        if (!confirmed.isEmpty()) {
            return a.reviewed(AllegationStatus.CORROBORATED, ids, "matches incident(s) " + confirmed + " with a published confirmed finding");
        }
        if (!pending.isEmpty()) {
            return a.reviewed(AllegationStatus.UNDER_REVIEW, ids, "matches incident(s) " + pending + " still under joint assessment");
        }
        List<CoverageOracle.Observer> observers = coverage.observed(a.area(), a.from(), a.to());
        double p = CoverageOracle.combined(observers);
        String by = observers.stream().map(o -> o.asset() + " (" + o.contingent() + ", p=" + o.probability() + ")").toList().toString();
        if (p >= coverageThreshold) {
            return a.reviewed(AllegationStatus.NOT_CORROBORATED, ids, String.format(java.util.Locale.ROOT,
                    "the area was observed (probability of detection %.2f by %s) and no confirmed incident matches", p, by));
        }
        return a.reviewed(AllegationStatus.UNVERIFIABLE, ids, String.format(java.util.Locale.ROOT,
                "the area was not sufficiently observed (probability of detection %.2f < %.2f%s)", p, coverageThreshold,
                observers.isEmpty() ? ", no coverage" : " by " + by));
    }

    /** One allegation, if the principal may see it. */
    public Optional<Allegation> view(Principal who, AllegationId id) {
        return allegations.find(id).filter(a ->
                Authorization.decide(who, Action.VIEW_ALLEGATION, new Resource.AllegationRef(id, a.filedBy())).allowed());
    }

    /** A party's notifications, if the principal may read them. */
    public List<Notification> notifications(Principal who, PartyId party) {
        Authorization.decide(who, Action.VIEW_NOTIFICATIONS, new Resource.PartyScope(party)).orThrow();
        return outbox.forParty(party);
    }
}

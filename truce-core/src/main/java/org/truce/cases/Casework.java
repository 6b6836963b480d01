package org.truce.cases;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.truce.ground.ContingentId;
import org.truce.rules.Incident;

/**
 * The desk's entry point: what an HTTP layer (or the simulation) calls for every case action. Each call asks
 * {@link Authorization}, applies the {@link CaseLifecycle}, saves through the {@link CaseRepository}, appends to the
 * {@link AuditLog} (refused lifecycle moves included, with the reason), and answers with a {@link CaseView} already projected by {@link Visibility} for the caller.
 * Failures are {@link Refusal}s. Thread-safe if its ports are: a concurrent move on the same case is refused by
 * the repository's version check.
 */
public final class Casework {
    private static final System.Logger LOG = System.getLogger(Casework.class.getName());
    private final List<ContingentId> contingents;
    private final CaseLifecycle lifecycle;
    private final CaseRepository cases;
    private final AuditLog audit;
    private final CaseLocks locks;
    private final InstantSource clock;
    private final List<Consumer<CaseId>> listeners = new CopyOnWriteArrayList<>();

    /** @param contingents the agreement's contingents ({@code Agreement.contingents()} ids): every case needs all */
    public Casework(List<ContingentId> contingents, CasePolicy policy, CaseRepository cases, AuditLog audit,
                    InstantSource clock) {
        this.contingents = List.copyOf(contingents);
        this.lifecycle = new CaseLifecycle(policy);
        this.cases = Objects.requireNonNull(cases);
        this.audit = Objects.requireNonNull(audit);
        this.locks = new CaseLocks(policy.lockTtl());
        this.clock = Objects.requireNonNull(clock);
    }

    public CaseLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Calls {@code listener} with a case's id after every change saved to it, whoever made it: a person's action,
     * the pipeline opening the case of a new incident, a deadline settled by the timer, a lock taken or released.
     * Called on the thread that made the change, after the save and the audit entry; a listener must be quick and
     * must not throw (what it throws is logged, and the change still stands).
     */
    public void onChange(Consumer<CaseId> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void changed(CaseId id) {
        for (Consumer<CaseId> l : listeners) {
            try {
                l.accept(id);
            } catch (RuntimeException e) {
                // A listener (the live feed) must not fail a change that is already saved and audited.
                LOG.log(System.Logger.Level.WARNING, "case change listener failed on " + id, e);
            }
        }
    }

    /** Opens the case of an incident (called by the pipeline for every new incident); idempotent per incident. */
    public Case open(Incident incident) {
        Optional<Case> existing = cases.find(CaseId.forIncident(incident.id()));
        if (existing.isPresent()) return existing.get();
        Instant now = clock.instant();
        Case c = lifecycle.open(incident, contingents, now);
        cases.save(c, 0);
        audit.recordSystem(now, Action.OPEN_CASE, c.id().value(), "-", c.summary());
        changed(c.id());
        return c;
    }

    /** Opens the case of an incident on a senior officer's request. */
    public CaseView open(Principal who, Incident incident) {
        Authorization.decide(who, Action.OPEN_CASE, new Resource.Center()).orThrow();
        return project(open(incident), who);
    }

    public CaseView submit(Principal who, CaseId id, AssessmentDraft d) {
        ContingentId own = ownContingent(who);
        return move(who, Action.SUBMIT_ASSESSMENT, id, own, c -> {
            Assessment a;
            try {
                a = new Assessment(own, who.userId(), d.happened(), d.provision(), d.attribution(), d.confidence(),
                        d.evidence(), d.text(), clock.instant());
            } catch (IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
            }
            return lifecycle.submit(c, a, clock.instant());
        });
    }

    public CaseView comment(Principal who, CaseId id, String text) {
        ContingentId own = ownContingent(who);
        return move(who, Action.COMMENT, id, own, c -> {
            Reconciliation.Comment comment;
            try {
                comment = new Reconciliation.Comment(own, who.userId(), clock.instant(), text);
            } catch (IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
            }
            return lifecycle.comment(c, comment, clock.instant());
        });
    }

    public CaseView propose(Principal who, CaseId id, Finding finding) {
        ContingentId own = ownContingent(who);
        return move(who, Action.PROPOSE_FINDING, id, own, c -> lifecycle.propose(c, own, who.userId(), finding, clock.instant()));
    }

    public CaseView accept(Principal who, CaseId id) {
        ContingentId own = ownContingent(who);
        return move(who, Action.ACCEPT_FINDING, id, own, c -> lifecycle.accept(c, own, clock.instant()));
    }

    public CaseView dissent(Principal who, CaseId id, String statement) {
        ContingentId own = ownContingent(who);
        return move(who, Action.RECORD_DISSENT, id, own, c -> lifecycle.dissent(c, own, statement, clock.instant()));
    }

    public CaseView approve(Principal who, CaseId id) {
        ContingentId own = ownContingent(who);
        return move(who, Action.APPROVE_PUBLICATION, id, own,
                c -> lifecycle.approve(c, new Case.Approval(own, who.userId(), who.role(), clock.instant()), clock.instant()));
    }

    public CaseView publish(Principal who, CaseId id) {
        ContingentId own = ownContingent(who);
        return move(who, Action.PUBLISH, id, own, c -> lifecycle.publish(c, clock.instant()));
    }

    /** One case as {@code who} may see it now; empty when absent or not visible to them. */
    public Optional<CaseView> view(Principal who, CaseId id) {
        Authorization.decide(who, Action.VIEW_CASE, new Resource.CaseRef(id)).orThrow();
        return cases.find(id).flatMap(c -> Visibility.redact(c, who, clock.instant()));
    }

    /** Every case {@code who} may see, projected, ordered by id. */
    public List<CaseView> list(Principal who) {
        Authorization.decide(who, Action.LIST_CASES, new Resource.Center()).orThrow();
        return Visibility.redactAll(cases.all(), who, clock.instant());
    }

    /** {@link #settleDeadlines()} on a senior officer's request. */
    public List<Case> settleDeadlines(Principal who) {
        Authorization.decide(who, Action.APPLY_DEADLINES, new Resource.Center()).orThrow();
        return settleDeadlines();
    }

    /** Applies every passed deadline (record MISSING, lift the blind); call on a timer. Returns the cases moved. */
    public List<Case> settleDeadlines() {
        Instant now = clock.instant();
        List<Case> moved = new ArrayList<>();
        for (Case c : cases.all()) {
            Case s = lifecycle.settle(c, now);
            if (s != c) {
                cases.save(s, c.version());
                audit.recordSystem(now, Action.APPLY_DEADLINES, c.id().value(), c.summary(), s.summary());
                moved.add(s);
                changed(s.id());
            }
        }
        return moved;
    }

    /** The contingent's work queue, most urgent first. */
    public List<WorkQueue.Item> queue(Principal who, ContingentId contingent) {
        Authorization.decide(who, Action.VIEW_QUEUE, new Resource.ContingentScope(contingent)).orThrow();
        return WorkQueue.of(contingent, cases.all(), locks, lifecycle.policy().dueSoon(), clock.instant());
    }

    public CaseLocks.Lock lock(Principal who, CaseId id) {
        ContingentId own = ownContingent(who);
        authorize(who, Action.ACQUIRE_LOCK, new Resource.CasePart(id, own), id);
        Case c = find(id);
        Instant now = clock.instant();
        String before = locks.holder(id, own, now).map(CaseLocks.Lock::holder).orElse("free");
        CaseLocks.Lock lock = locks.acquire(c.id(), who, now);
        audit.record(who, now, Action.ACQUIRE_LOCK, id.value(), "lock " + own + ": " + before,
                "lock " + own + ": " + lock.holder() + " until " + lock.expires());
        changed(id);
        return lock;
    }

    public void unlock(Principal who, CaseId id) {
        ContingentId own = ownContingent(who);
        authorize(who, Action.RELEASE_LOCK, new Resource.CasePart(id, own), id);
        Instant now = clock.instant();
        String before = locks.holder(id, own, now).map(CaseLocks.Lock::holder).orElse("free");
        locks.release(id, who, now);
        audit.record(who, now, Action.RELEASE_LOCK, id.value(), "lock " + own + ": " + before, "lock " + own + ": free");
        changed(id);
    }

    private CaseView move(Principal who, Action action, CaseId id, ContingentId own, UnaryOperator<Case> step) {
        authorize(who, action, new Resource.CasePart(id, own), id);
        Case before = find(id);
        Case after;
        try {
            after = step.apply(before);
        } catch (Refusal r) {
            // a refused move is part of the record too: who tried what, and why it was refused
            audit.record(who, clock.instant(), action, id.value(), before.summary(), "refused: " + r.reason());
            throw r;
        }
        cases.save(after, before.version());
        audit.record(who, clock.instant(), action, id.value(), before.summary(), after.summary());
        changed(id);
        return project(after, who);
    }

    /** Asks the policy; a denied attempt to change a case is audited before it is refused. */
    private void authorize(Principal who, Action action, Resource resource, CaseId id) {
        Decision d = Authorization.decide(who, action, resource);
        if (!d.allowed()) {
            audit.record(who, clock.instant(), action, id.value(), "-", "forbidden: " + d.reason());
            d.orThrow();
        }
    }

    private CaseView project(Case c, Principal who) {
        return Visibility.redact(c, who, clock.instant()).orElseThrow(() ->
                new Refusal(Refusal.Kind.FORBIDDEN, "case " + c.id() + " is not visible to " + who.userId()));
    }

    private Case find(CaseId id) {
        return cases.find(id).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no case " + id));
    }

    private static ContingentId ownContingent(Principal who) {
        return who.contingent().orElseThrow(() -> new Refusal(Refusal.Kind.FORBIDDEN,
                who.userId() + " is " + who.role() + " and acts for no contingent"));
    }
}

package org.truce.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;

/**
 * "Who is working on this": at most one holder per case per contingent, each lock lasting {@code ttl} from its
 * last renewal. An expired lock is free. Contingents lock independently, so one side never blocks the other.
 * Thread-safe (synchronized); time is passed in.
 */
public final class CaseLocks {
    /** A held lock. */
    public record Lock(CaseId caseId, ContingentId contingent, String holder, Instant expires) {}

    private record Key(CaseId caseId, ContingentId contingent) {}

    private final Duration ttl;
    private final Map<Key, Lock> locks = new HashMap<>();

    public CaseLocks(Duration ttl) {
        this.ttl = Objects.requireNonNull(ttl);
    }

    /** Takes or renews the lock of {@code who}'s contingent on {@code caseId}; refuses (CONFLICT) if a colleague holds it. */
    public synchronized Lock acquire(CaseId caseId, Principal who, Instant now) {
        ContingentId c = who.contingent().orElseThrow(() -> new Refusal(Refusal.Kind.FORBIDDEN, "only staff take case locks"));
        Key key = new Key(caseId, c);
        Lock held = locks.get(key);
        if (held != null && now.isBefore(held.expires()) && !held.holder().equals(who.userId())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "case " + caseId + " is being worked on by " + held.holder()
                    + " of " + c + " until " + held.expires());
        }
        Lock lock = new Lock(caseId, c, who.userId(), now.plus(ttl));
        locks.put(key, lock);
        return lock;
    }

    /** Gives the lock back; refuses (CONFLICT) if someone else holds it. Releasing a free lock is a no-op. */
    public synchronized void release(CaseId caseId, Principal who, Instant now) {
        ContingentId c = who.contingent().orElseThrow(() -> new Refusal(Refusal.Kind.FORBIDDEN, "only staff hold case locks"));
        Key key = new Key(caseId, c);
        Lock held = locks.get(key);
        if (held == null || !now.isBefore(held.expires())) {
            locks.remove(key);
            return;
        }
        if (!held.holder().equals(who.userId())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "case " + caseId + " lock is held by " + held.holder() + ", not " + who.userId());
        }
        locks.remove(key);
    }

    /** The live lock of {@code contingent} on {@code caseId}, if any (expired locks are empty). */
    public synchronized Optional<Lock> holder(CaseId caseId, ContingentId contingent, Instant now) {
        Lock held = locks.get(new Key(caseId, contingent));
        return held != null && now.isBefore(held.expires()) ? Optional.of(held) : Optional.empty();
    }
}

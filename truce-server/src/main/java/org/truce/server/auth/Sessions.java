package org.truce.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Signed-in browser sessions, in memory: a restart signs everyone out. A session ends when it was not used for
 * the idle timeout, when the absolute timeout has passed since sign-in (whatever its use), or at sign-out.
 * Session ids and CSRF tokens are 256-bit random (URL-safe base64). Thread-safe.
 */
public final class Sessions {
    /**
     * One session.
     *
     * @param csrf     the synchronizer token every unsafe request of this session must echo in {@code X-CSRF-Token}
     * @param created  sign-in time (UTC)
     * @param lastSeen last request (UTC)
     */
    public record Session(String id, String userId, String csrf, Instant created, Instant lastSeen) { }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration absolute;
    private final InstantSource clock;
    private final RandomGenerator random;

    /** @param random a cryptographically strong generator outside tests */
    public Sessions(Duration idle, Duration absolute, InstantSource clock, RandomGenerator random) {
        if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
            throw new IllegalArgumentException("session timeouts must be > 0");
        }
        this.idle = idle;
        this.absolute = absolute;
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** A new session for {@code userId}; expired sessions are swept out on the way. */
    public Session open(String userId) {
        Instant now = clock.instant();
        byId.values().removeIf(s -> expired(s, now));
        Session s = new Session(secret(), userId, secret(), now, now);
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, marked as used now; empty (and forgotten) when it expired. */
    public Optional<Session> use(String id) {
        if (id == null) return Optional.empty();
        Instant now = clock.instant();
        Session s = byId.computeIfPresent(id, (k, old) -> expired(old, now) ? null
                : new Session(old.id(), old.userId(), old.csrf(), old.created(), now));
        return Optional.ofNullable(s);
    }

    public void close(String id) {
        if (id != null) byId.remove(id);
    }

    /** Ends every session of {@code userId} (a disabled account). */
    public void closeAll(String userId) {
        byId.values().removeIf(s -> s.userId().equals(userId));
    }

    /** Sessions held now (expired ones not yet swept included). */
    public int size() {
        return byId.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(absolute));
    }

    private String secret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

package org.truce.app.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.truce.app.via.MavlinkSender;
import org.truce.ground.AssetId;

/**
 * A bounded, open-loop MAVLink 2 load over UDP: drone fixes (SYSTEM_TIME + GLOBAL_POSITION_INT, as {@code truce
 * simulate --via mavlink} sends them) from one socket, one burst of datagrams per {@link TheaterStream.Batch}, on a
 * schedule that offers {@code rate} fixes a second, to a loopback address only, for at most {@code duration}.
 *
 * <p>UDP has no acknowledgement: the run reports what was sent and what the center accounted for (its {@code
 * /metrics} counters, read through {@code handled}), the difference being datagrams lost on the way (a full socket
 * buffer), and the drain time: last datagram sent → the counters stop growing. No per-observation latency is
 * claimed. Not thread-safe: one {@link #run} at a time.
 */
public final class MavlinkLoad {
    /** How long the center may take to account for what was sent before the run stops waiting. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** The counters standing still this long means the center has taken in all it will. */
    static final Duration QUIET = Duration.ofSeconds(2);

    /**
     * @param offered     fixes the schedule offered within the duration
     * @param sent        fixes sent
     * @param handled     fixes the center accounted for (accepted or refused), after the drain
     * @param accepted    fixes the center accepted
     * @param sendNanos   first datagram → last datagram
     * @param drainNanos  last datagram → the counters reached {@code sent} or stood still
     * @param lagNanos    how late the last burst went against its schedule
     */
    public record Result(long offered, long sent, long handled, long accepted, long sendNanos, long drainNanos,
                         long lagNanos) {
        /** Accepted fixes per second, over sending and draining. */
        public double throughput() {
            long n = sendNanos + drainNanos;
            return n == 0 ? 0 : accepted / (n / 1e9);
        }
    }

    private final InetSocketAddress target;
    private final Map<AssetId, Integer> systemIds;
    private final Instant boot;

    /** @param boot the time the drones' {@code time_boot_ms} counts from (the theater's start) */
    public MavlinkLoad(InetSocketAddress target, Map<AssetId, Integer> systemIds, Instant boot) {
        HttpLoad.requireLoopback(target.getHostString());
        this.target = target;
        this.systemIds = Map.copyOf(systemIds);
        this.boot = boot;
    }

    /**
     * @param handled  the center's count of MAVLink messages accounted for so far (minus its count before the run)
     * @param accepted the center's count of MAVLink fixes accepted so far (minus its count before the run)
     */
    public Result run(List<TheaterStream.Batch> batches, double rate, Duration duration, LongSupplier handled,
                      LongSupplier accepted) {
        if (!(rate > 0)) throw new IllegalArgumentException("rate must be > 0");
        long durationNanos = duration.toNanos();
        long sent = 0;
        long offered = 0;
        long lag = 0;
        long t0 = System.nanoTime();
        long last = t0;
        try (MavlinkSender sender = new MavlinkSender(target, systemIds, boot)) {
            for (TheaterStream.Batch b : batches) {
                long due = (long) (offered / rate * 1e9);
                if (due >= durationNanos || System.nanoTime() - t0 >= durationNanos) break;
                offered += b.observations().size();
                long wait = t0 + due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                lag = Math.max(lag, System.nanoTime() - t0 - due);
                sender.send(b.observations());
                sent += b.observations().size();
                last = System.nanoTime();
            }
        }
        long deadline = last + DRAIN_TIMEOUT.toNanos();
        long seen = handled.getAsLong();
        long stillSince = System.nanoTime();
        long reached = System.nanoTime();
        while (seen < sent && System.nanoTime() < deadline && System.nanoTime() - stillSince < QUIET.toNanos()) {
            LockSupport.parkNanos(20_000_000);
            long now = handled.getAsLong();
            if (now != seen) {
                seen = now;
                stillSince = System.nanoTime();
                reached = stillSince;
            }
        }
        if (seen >= sent) reached = System.nanoTime();
        return new Result(offered, sent, seen, accepted.getAsLong(), last - t0, Math.max(0, reached - last), lag);
    }
}

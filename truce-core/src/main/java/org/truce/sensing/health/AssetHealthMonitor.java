package org.truce.sensing.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.truce.geo.GeoPoint;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;

/**
 * Derives each asset's status timeline from its accepted reports and the passing of time.
 *
 * <ul>
 *   <li>any report → {@link AssetStatus#ONLINE} (unless the report itself says otherwise);</li>
 *   <li>silence for {@code 3 × SensorSpec.heartbeatSeconds} → {@link AssetStatus#OFFLINE};</li>
 *   <li>the {@code interferenceLosses}-th offline transition within {@code interferenceWindow} →
 *       {@link AssetStatus#PROBABLE_INTERFERENCE} instead of OFFLINE;</li>
 *   <li>a platform fix implying a speed above {@code SensorSpec.maxSpeedMps} (after allowing for both fixes'
 *       errors, {@link #CEP_PAIR_BOUND} × √(CEP₁² + CEP₂²)) → {@link AssetStatus#POSITION_ANOMALY}; a fixed sensor
 *       (max speed 0) may only move within that allowance;</li>
 *   <li>a link report flagged impaired → {@link AssetStatus#DEGRADED}.</li>
 * </ul>
 *
 * <p>Pure and deterministic: time comes only from the arguments, assets are visited in id order. Not
 * thread-safe; the caller serialises calls (the ingest wiring does).
 */
public final class AssetHealthMonitor {
    /**
     * How many combined CEPs two honest fixes may lie apart: with circular Gaussian errors (σ = CEP / 1.1774) the
     * distance between two fixes of one still platform exceeds k·σ_d with probability exp(−k²/2); k = 5.26 makes
     * that one pair in a million, so an honest sensor reporting every 10 s is flagged about once a year, while a
     * spoofed jump of hundreds of metres still is. (The sum of the two CEPs, used before, flagged one pair in four.)
     */
    public static final double CEP_PAIR_BOUND = Math.sqrt(2 * Math.log(1e6)) / 1.1774;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final Function<AssetId, Optional<SensorSpec>> specs;
    private final Duration interferenceWindow;
    private final int interferenceLosses;
    private final Map<String, State> states = new TreeMap<>();

    /**
     * @param specs              the sensor spec of a registered asset (unknown assets are ignored)
     * @param interferenceWindow window in which repeated link losses count as interference (e.g. 10 min)
     * @param interferenceLosses how many offline transitions within the window mean interference (e.g. 3)
     */
    public AssetHealthMonitor(Function<AssetId, Optional<SensorSpec>> specs, Duration interferenceWindow,
                              int interferenceLosses) {
        this.specs = Objects.requireNonNull(specs);
        this.interferenceWindow = Objects.requireNonNull(interferenceWindow);
        if (interferenceLosses < 1) throw new IllegalArgumentException("interferenceLosses must be >= 1");
        this.interferenceLosses = interferenceLosses;
    }

    /** The defaults of the design: three losses within ten minutes mean probable interference. */
    public static AssetHealthMonitor withDefaults(Function<AssetId, Optional<SensorSpec>> specs) {
        return new AssetHealthMonitor(specs, Duration.ofMinutes(10), 3);
    }

    /** The current status of an asset ({@link AssetStatus#UNKNOWN} when never heard). */
    public AssetStatus status(AssetId asset) {
        State s = states.get(asset.value());
        return s == null ? AssetStatus.UNKNOWN : s.status;
    }

    /**
     * Feeds one accepted observation; {@code received} is when the center accepted it (silence is measured from
     * there, so a sensor with a skewed clock is not declared offline).
     */
    public List<AssetStatusChange> observe(Observation observation, Instant received) {
        var spec = specs.apply(observation.asset());
        if (spec.isEmpty()) return List.of();
        State s = state(observation.asset(), spec.get());
        List<AssetStatusChange> out = new ArrayList<>();
        s.lastHeard = max(s.lastHeard, received);
        if (observation instanceof Observation.PlatformFix fix) {
            Optional<String> anomaly = anomaly(s, fix);
            if (anomaly.isPresent()) {
                move(s, observation.asset(), received, AssetStatus.POSITION_ANOMALY, anomaly.get(), out);
            } else if (s.status != AssetStatus.DEGRADED) {
                move(s, observation.asset(), received, AssetStatus.ONLINE, "reporting", out);
            }
            s.lastFix = fix;
        } else if (s.status != AssetStatus.DEGRADED && s.status != AssetStatus.POSITION_ANOMALY) {
            move(s, observation.asset(), received, AssetStatus.ONLINE, "reporting", out);
        }
        return out;
    }

    /**
     * A link-level report that is not an observation (a MAVLink heartbeat): counts as hearing from the asset.
     *
     * @param impaired whether the platform reports itself impaired (the reason is then recorded)
     */
    public List<AssetStatusChange> link(AssetId asset, Instant received, boolean impaired, String reason) {
        var spec = specs.apply(asset);
        if (spec.isEmpty()) return List.of();
        State s = state(asset, spec.get());
        s.lastHeard = max(s.lastHeard, received);
        List<AssetStatusChange> out = new ArrayList<>();
        if (impaired) {
            move(s, asset, received, AssetStatus.DEGRADED, reason, out);
        } else if (s.status != AssetStatus.POSITION_ANOMALY) {
            move(s, asset, received, AssetStatus.ONLINE, reason, out);
        }
        return out;
    }

    /** Declares silent assets offline (or interfered with) as of {@code now}; returns the changes in time order. */
    public List<AssetStatusChange> advanceTo(Instant now) {
        List<AssetStatusChange> out = new ArrayList<>();
        for (var e : states.entrySet()) {
            State s = e.getValue();
            if (s.lastHeard == null || s.status == AssetStatus.OFFLINE
                    || s.status == AssetStatus.PROBABLE_INTERFERENCE) {
                continue;
            }
            Duration limit = Duration.ofMillis(Math.round(3_000 * s.spec.heartbeatSeconds()));
            Instant deadline = s.lastHeard.plus(limit);
            if (now.isBefore(deadline)) continue;
            while (!s.losses.isEmpty() && s.losses.peekFirst().isBefore(deadline.minus(interferenceWindow))) {
                s.losses.removeFirst();
            }
            s.losses.addLast(deadline);
            String silent = "silent for " + limit.toSeconds() + " s (3 × heartbeat " + s.spec.heartbeatSeconds() + " s)";
            if (s.losses.size() >= interferenceLosses) {
                move(s, s.asset, deadline, AssetStatus.PROBABLE_INTERFERENCE, silent + ", link lost "
                        + s.losses.size() + " times within " + interferenceWindow.toMinutes() + " min", out);
            } else {
                move(s, s.asset, deadline, AssetStatus.OFFLINE, silent, out);
            }
        }
        out.sort((a, b) -> a.time().compareTo(b.time()));
        return out;
    }

    private Optional<String> anomaly(State s, Observation.PlatformFix fix) {
        Observation.PlatformFix last = s.lastFix;
        if (last == null) return Optional.empty();
        double dist = distanceM(last.position(), fix.position());
        double slack = CEP_PAIR_BOUND * Math.hypot(last.cepM(), fix.cepM());
        double seconds = Math.abs(Duration.between(last.time(), fix.time()).toMillis()) / 1000.0;
        double allowed = s.spec.maxSpeedMps() * seconds + slack;
        if (dist <= allowed) return Optional.empty();
        return Optional.of(String.format(java.util.Locale.ROOT,
                "moved %.0f m in %.1f s; at most %.0f m possible (max speed %.1f m/s, CEP slack %.0f m)",
                dist, seconds, allowed, s.spec.maxSpeedMps(), slack));
    }

    private State state(AssetId asset, SensorSpec spec) {
        State s = states.computeIfAbsent(asset.value(), k -> new State(asset));
        s.spec = spec;
        return s;
    }

    private static void move(State s, AssetId asset, Instant time, AssetStatus to, String reason,
                             List<AssetStatusChange> out) {
        if (s.status == to) return;
        out.add(new AssetStatusChange(asset, time, s.status, to, reason));
        s.status = to;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** Great-circle distance in metres (haversine); ample for the distances between two consecutive fixes. */
    static double distanceM(GeoPoint a, GeoPoint b) {
        double p1 = Math.toRadians(a.lat()), p2 = Math.toRadians(b.lat());
        double dp = p2 - p1, dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static final class State {
        final AssetId asset;
        SensorSpec spec;
        AssetStatus status = AssetStatus.UNKNOWN;
        Instant lastHeard;
        Observation.PlatformFix lastFix;
        final Deque<Instant> losses = new ArrayDeque<>();

        State(AssetId asset) {
            this.asset = asset;
        }

        State copy() {
            State c = new State(asset);
            c.spec = spec;
            c.status = status;
            c.lastHeard = lastHeard;
            c.lastFix = lastFix;
            c.losses.addAll(losses);
            return c;
        }
    }

    /**
     * The monitor's whole state, per asset (by id): status, when last heard, last fix, recent link losses.
     * Immutable: private copies nothing mutates; {@link #restore} copies them again.
     */
    public static final class Snapshot {
        private final Map<String, State> states;

        private Snapshot(Map<String, State> states) {
            this.states = copy(states);
        }

        /** Every known asset's status, by asset id. */
        public Map<String, AssetStatus> statuses() {
            Map<String, AssetStatus> out = new TreeMap<>();
            states.forEach((id, s) -> out.put(id, s.status));
            return java.util.Collections.unmodifiableMap(out);
        }
    }

    private static Map<String, State> copy(Map<String, State> from) {
        Map<String, State> to = new TreeMap<>();
        from.forEach((id, s) -> to.put(id, s.copy()));
        return to;
    }

    /** The whole state, as an immutable value. */
    public Snapshot snapshot() {
        return new Snapshot(states);
    }

    /** Puts this monitor (of the same settings) into the state of {@code s}. */
    public void restore(Snapshot s) {
        Objects.requireNonNull(s, "snapshot");
        states.clear();
        states.putAll(copy(s.states));
    }
}

package org.truce.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.truce.agreement.Agreement;
import org.truce.pipeline.Acceptance;
import org.truce.sensing.AcceptedObservation;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sim.Simulation;
import org.truce.sim.StepListener;
import org.truce.sim.setup.SimulationSetup;
import org.truce.time.SimulatedClock;

/**
 * The load a benchmark sends: the simulated theater's own observations (fixes, detections, fire cues, footprints,
 * in the mix and order the simulator emits them), generated before the timed phase so the generator costs the
 * measured center nothing, and cut into per-asset batches (one HTTP request carries one asset's token).
 *
 * <p>Batching keeps each asset's order and bounds the reordering across assets: an asset's batch goes out when it
 * is full, and every pending batch goes out once {@code 16 × batch} observations are pending, so an observation is
 * sent at most that many observations (about half an hour of the theater at batch 500) away from its place in
 * the stream. A center on its sensors' time accepts that (past skew 24 h, future jump 1 h by default). Immutable
 * once built.
 */
public final class TheaterStream {
    /** One asset's consecutive observations, to go in one request or one burst of datagrams. */
    public record Batch(AssetId asset, List<Observation> observations) {
        public Batch {
            observations = List.copyOf(observations);
        }
    }

    private final List<Batch> batches;
    private final long observations;
    private final Duration scenarioTime;

    private TheaterStream(List<Batch> batches, long observations, Duration scenarioTime) {
        this.batches = List.copyOf(batches);
        this.observations = observations;
        this.scenarioTime = scenarioTime;
    }

    /** Thrown from inside the simulator's port to stop it once enough observations were collected. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs the theater from its start until {@code count} observations that {@code keep} accepts were emitted.
     *
     * @param count at least 1; bounded by the caller (the observations are held in memory)
     * @param batch observations per batch, at least 1
     * @param skip  scenario time run silently first (its observations are dropped), so a short load can start where
     *              the theater already raises incidents
     * @param keptPerSecond a low estimate of how many observations {@code keep} passes per second of scenario time
     *              (Karabakh: about 3.8 of all kinds, 1.4 drone fixes), to plan a run long enough for the count
     */
    public static TheaterStream generate(Agreement agreement, SimulationSetup setup, long seed, long count, int batch,
                                         Duration skip, double keptPerSecond, Predicate<Observation> keep) {
        if (!(keptPerSecond > 0)) throw new IllegalArgumentException("keptPerSecond must be > 0");
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
        // The theater emits about 4 observations a second of scenario time; plan the run long enough for the count
        // even when only a part (drone fixes) is kept, and stop as soon as the count is reached. The injected
        // violations are spread over the planned run: never plan less than the setup's day, so a short load meets
        // them as densely as a day's run does (the first at about 1 h 13 min into the Karabakh day, seed 1).
        long needed = (long) Math.ceil(count / keptPerSecond) + skip.toSeconds();
        Duration planned = Duration.ofSeconds(Math.max(needed, setup.duration().toSeconds()));
        java.time.Instant from = setup.start().plus(skip);
        Simulation sim = new Simulation(agreement, setup, seed, setup.start(), planned);
        Map<AssetId, List<Observation>> pending = new LinkedHashMap<>();
        List<Batch> out = new ArrayList<>();
        long[] kept = {0};
        long[] inPending = {0};
        long[] seq = {0};
        SimulatedClock clock = new SimulatedClock(setup.start());
        try {
            sim.run(planned, (channel, o) -> {
                seq[0]++;
                if (kept[0] < count && !o.time().isBefore(from) && keep.test(o)) {
                    kept[0]++;
                    List<Observation> list = pending.computeIfAbsent(o.asset(), a -> new ArrayList<>());
                    list.add(o);
                    inPending[0]++;
                    if (list.size() >= batch) {
                        out.add(new Batch(o.asset(), list));
                        inPending[0] -= list.size();
                        pending.remove(o.asset());
                    }
                    if (inPending[0] >= 16L * batch) {
                        flush(pending, out);
                        inPending[0] = 0;
                    }
                    if (kept[0] >= count) throw new Enough();
                }
                return new Acceptance.Accepted(new AcceptedObservation(seq[0], AcceptedObservation.idFor(seq[0]),
                        o.time(), channel, o));
            }, clock, StepListener.none());
        } catch (Enough done) {
            // the count is reached
        }
        flush(pending, out);
        return new TheaterStream(out, kept[0], Duration.between(from, clock.instant()));
    }

    private static void flush(Map<AssetId, List<Observation>> pending, List<Batch> out) {
        pending.forEach((asset, list) -> out.add(new Batch(asset, list)));
        pending.clear();
    }

    public List<Batch> batches() {
        return batches;
    }

    /** How many observations the batches hold. */
    public long observations() {
        return observations;
    }

    /** How much scenario time the theater ran to produce them. */
    public Duration scenarioTime() {
        return scenarioTime;
    }
}

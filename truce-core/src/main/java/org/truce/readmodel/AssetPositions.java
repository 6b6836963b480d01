package org.truce.readmodel;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.store.AssetRegistry;
import org.truce.store.ObservationLog;

/**
 * Read model: each asset's last platform fix and last footprint in the accepted-input log ("last" = highest
 * sequence number, as the log orders them), for {@code /api/assets} and the live map's first draw. Same answer as
 * {@link ObservationLog#latest}, without touching the store per request.
 *
 * <p>Kept up to date as a {@link CenterListener} ({@link CenterEvent.ObservationAccepted}); {@link #seed} fills it
 * at start-up with one indexed {@link ObservationLog#latest} probe per registered asset and kind, never a scan.
 * Every update keeps the entry with the higher sequence number, so seeding may run while events arrive (in any
 * interleaving the result is the log's last entry).
 *
 * <p>Thread-safety: any number of readers and writers (per-asset atomic updates). Memory: two entries per asset
 * that has sent a fix or a footprint.
 */
public final class AssetPositions implements CenterListener {
    /** The kinds this model keeps, as {@link Observation#kind()} names them. */
    public static final String FIX = "fix";
    public static final String FOOTPRINT = "footprint";

    private record Last(Optional<AcceptedObservation> fix, Optional<AcceptedObservation> footprint) {
        static final Last NONE = new Last(Optional.empty(), Optional.empty());

        Last with(AcceptedObservation a) {
            return switch (a.observation()) {
                case Observation.PlatformFix f when newer(a, fix) -> new Last(Optional.of(a), footprint);
                case Observation.Footprint f when newer(a, footprint) -> new Last(fix, Optional.of(a));
                default -> this;
            };
        }

        private static boolean newer(AcceptedObservation a, Optional<AcceptedObservation> than) {
            return than.isEmpty() || a.seq() > than.get().seq();
        }
    }

    private final Map<AssetId, Last> last = new ConcurrentHashMap<>();

    /** Loads the last fix and footprint of every asset in {@code assets} from {@code log} (2 index probes each). */
    public void seed(AssetRegistry assets, ObservationLog log) {
        for (Asset a : assets.all()) {
            log.latest(a.id(), FIX).ifPresent(this::record);
            log.latest(a.id(), FOOTPRINT).ifPresent(this::record);
        }
    }

    @Override
    public void on(CenterEvent event) {
        if (event instanceof CenterEvent.ObservationAccepted(AcceptedObservation a)) record(a);
    }

    /** Takes {@code a} if it is a fix or footprint newer (by sequence number) than the one held. */
    public void record(AcceptedObservation a) {
        Objects.requireNonNull(a, "observation");
        if (!(a.observation() instanceof Observation.PlatformFix) && !(a.observation() instanceof Observation.Footprint)) {
            return;
        }
        last.compute(a.observation().asset(), (k, old) -> (old == null ? Last.NONE : old).with(a));
    }

    /** The asset's last platform fix in the log; empty when it has sent none. */
    public Optional<AcceptedObservation> lastFix(AssetId asset) {
        return last.getOrDefault(asset, Last.NONE).fix();
    }

    /** The asset's last footprint in the log; empty when it has sent none. */
    public Optional<AcceptedObservation> lastFootprint(AssetId asset) {
        return last.getOrDefault(asset, Last.NONE).footprint();
    }
}

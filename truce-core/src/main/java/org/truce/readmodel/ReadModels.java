package org.truce.readmodel;

import java.time.Duration;
import java.util.Objects;
import org.truce.pipeline.Center;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.store.Store;

/**
 * The center's in-memory read models, following its pipeline: {@link AssetPositions} (last fix and footprint per
 * asset), {@link TrackTable} (latest state per recent track) and {@link IncidentIndex} (every incident). They
 * serve the API, the OGC collections and the live map without reading the accepted-input log per request, so a
 * read costs what it returns, not what the log holds.
 *
 * <p>{@link #follow} subscribes to the center first and then seeds each model from the store's indexed
 * projections (never a log scan), so nothing published in between is lost. Create it after {@link Center#replay()}
 * (replay tells no listener) and before the center takes input, or at any time while it runs.
 *
 * <p>Thread-safety: the models take updates on the pipeline's thread and serve any number of reader threads.
 * {@link #close} unsubscribes. Memory: see each model (assets: 2 entries per asset; tracks: those updated within
 * the retention; incidents: all).
 */
public final class ReadModels implements CenterListener, AutoCloseable {
    /** Default spatial index cell: 0.05° (about 5 km), a few hundred cells over a theater. */
    public static final double DEFAULT_CELL_DEGREES = 0.05;
    /** Default track retention: a day of tracks is held; older {@code since} queries go to the store. */
    public static final Duration DEFAULT_TRACK_RETENTION = Duration.ofHours(24);

    private final Center center;
    private final AssetPositions assets = new AssetPositions();
    private final TrackTable tracks;
    private final IncidentIndex incidents;

    private ReadModels(Center center, Duration trackRetention, double cellDegrees) {
        this.center = center;
        this.tracks = new TrackTable(center.store().tracks(), trackRetention, cellDegrees);
        this.incidents = new IncidentIndex(cellDegrees);
    }

    /** Read models of {@code center} with the default retention and cell size, subscribed and seeded. */
    public static ReadModels follow(Center center) {
        return follow(center, DEFAULT_TRACK_RETENTION, DEFAULT_CELL_DEGREES);
    }

    /**
     * Read models of {@code center}, subscribed and seeded.
     *
     * @param trackRetention how long after its last update a track stays in memory (at least the track window the
     *                       server shows by default, or those queries go to the store)
     * @param cellDegrees    side of the spatial index cells, degrees
     */
    public static ReadModels follow(Center center, Duration trackRetention, double cellDegrees) {
        Objects.requireNonNull(center, "center");
        ReadModels m = new ReadModels(center, trackRetention, cellDegrees);
        center.addListener(m);
        try {
            Store store = center.store();
            m.assets.seed(store.assets(), store.observations());
            m.tracks.seed(center.clock().instant());
            m.incidents.seed(store.incidents());
        } catch (RuntimeException e) {
            center.removeListener(m);
            throw e;
        }
        return m;
    }

    public AssetPositions assets() {
        return assets;
    }

    public TrackTable tracks() {
        return tracks;
    }

    public IncidentIndex incidents() {
        return incidents;
    }

    @Override
    public void on(CenterEvent event) {
        switch (event) {
            case CenterEvent.ObservationAccepted a -> assets.on(a);
            case CenterEvent.TrackUpdated t -> tracks.on(t);
            case CenterEvent.IncidentChanged i -> incidents.on(i);
        }
    }

    /** Stops following the center; the models keep their last state. */
    @Override
    public void close() {
        center.removeListener(this);
    }
}

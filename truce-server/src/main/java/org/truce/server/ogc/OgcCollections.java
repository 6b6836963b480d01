package org.truce.server.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.truce.agreement.Zone;
import org.truce.codec.GeoJsonFeatures;
import org.truce.fusion.Track;
import org.truce.pipeline.CoverageRecorder;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.Center;
import org.truce.readmodel.IncidentIndex;
import org.truce.readmodel.ReadModels;
import org.truce.readmodel.TrackTable;
import org.truce.rules.Incident;
import org.truce.server.coverage.CoverageView;

/**
 * The collections the center offers over OGC API – Features: {@code zones} (the agreement's zones, timeless),
 * {@code incidents} (every incident in the store, in time [start, end] at its estimated place), {@code tracks}
 * (tracks updated within the track window before the center's clock, in time [firstSeen, time]) and, when a
 * coverage source is configured, {@code coverage} (each line-of-contact segment and zone with its coverage over
 * the last hour). The server adds {@code findings} (published cases, {@code FindingFeatures}) when it runs joint
 * verification, and modules add theirs (flight plans: {@code FlightPlansModule}).
 * Incidents and tracks come from the center's read models ({@link ReadModels}): a {@code bbox} goes through their
 * spatial index and only the page returned is turned into GeoJSON. Zones are built once; coverage per request from
 * the coverage source (its cells, not the log). Thread-safe.
 */
public final class OgcCollections {
    /** Span of the {@code coverage} collection's features, ending at the center's clock. */
    static final Duration COVERAGE_SPAN = Duration.ofHours(1);

    private OgcCollections() {}

    /** The collections of {@code center}, in the order the landing page lists them. */
    public static Map<String, OgcCollection> of(Center center, ReadModels read, ObjectMapper mapper,
                                                Duration trackWindow, Optional<CoverageView> coverage) {
        IncidentIndex incidents = read.incidents();
        TrackTable tracks = read.tracks();
        Supplier<Instant> trackSince = () -> center.clock().instant().minus(trackWindow);
        Map<String, OgcCollection> out = new LinkedHashMap<>();
        List<OgcFeature> zones = zones(center);
        add(out, new OgcCollection("zones", "Zones of the agreement",
                "The agreement's zones (theater, held areas, peacekeeping zone, corridors, handover districts, "
                        + "premises, airspace, reference outlines); properties id, name, role, heldBy, source, caveat. "
                        + "Outlines are as precise as their source says (see caveat).", () -> zones));
        add(out, new OgcCollection("incidents", "Incidents",
                "Possible violations raised by the rules, at their estimated place (uncertaintyM is the 95 % "
                        + "radius in metres), in time from start to end. An incident is not a finding.",
                FeatureSource.indexed(incidents::all, incidents::inBox, incidents::find, IncidentIndex.ORDER,
                        Incident::id, IncidentIndex::envelope, i -> TimeInterval.of(i.start(), i.end()),
                        i -> incident(i, mapper))));
        add(out, new OgcCollection("tracks", "Recent tracks",
                "Fused ground objects updated within the last " + trackWindow.toMinutes() + " minutes of the "
                        + "center's clock: latest estimate, in time from firstSeen to time.",
                FeatureSource.indexed(() -> tracks.updatedSince(trackSince.get()),
                        box -> inBox(tracks, box, trackSince.get()),
                        id -> tracks.find(id).filter(t -> !t.time().isBefore(trackSince.get())),
                        Comparator.comparing(Track::id), Track::id, TrackTable::envelope,
                        t -> TimeInterval.of(t.firstSeen(), t.time()), t -> track(t, mapper))));
        coverage.ifPresent(view -> add(out, new OgcCollection("coverage", "Sensor coverage, last hour",
                "Line-of-contact segments and zones with whether any sensor observed them in the hour before the "
                        + "center's clock. observed=false means no coverage, not that nothing happened.",
                coverage(view, () -> center.clock().instant(), mapper))));
        return Collections.unmodifiableMap(out);
    }

    /** Recent tracks in {@code box}; a track window longer than the read model's retention falls back to a filter. */
    private static List<Track> inBox(TrackTable tracks, Envelope box, Instant since) {
        if (!since.isBefore(tracks.horizon())) return tracks.inBox(box, since);
        return tracks.updatedSince(since).stream().filter(t -> box.intersects(TrackTable.envelope(t))).toList();
    }

    private static void add(Map<String, OgcCollection> out, OgcCollection c) {
        out.put(c.id(), c);
    }

    private static List<OgcFeature> zones(Center center) {
        List<OgcFeature> out = new ArrayList<>();
        for (Zone z : center.agreement().zones().values()) {
            out.add(new OgcFeature(z.id().value(), z.geometry().getEnvelopeInternal(), TimeInterval.ALWAYS,
                    GeoJsonFeatures.zone(z)));
        }
        return List.copyOf(out);
    }

    private static OgcFeature incident(Incident i, ObjectMapper mapper) {
        ObjectNode f = feature(i.id(), GeoJsonFeatures.point(i.place()));
        ObjectNode p = (ObjectNode) f.get("properties");
        ObjectNode all = mapper.valueToTree(i);
        all.remove("place");
        all.remove("id");
        p.setAll(all);
        return new OgcFeature(i.id(), envelope(i.place()), TimeInterval.of(i.start(), i.end()), f);
    }

    private static OgcFeature track(Track t, ObjectMapper mapper) {
        ObjectNode f = feature(t.id(), GeoJsonFeatures.point(t.position()));
        ObjectNode p = (ObjectNode) f.get("properties");
        ObjectNode all = mapper.valueToTree(t);
        all.remove("position");
        all.remove("id");
        p.setAll(all);
        return new OgcFeature(t.id(), envelope(t.position()), TimeInterval.of(t.firstSeen(), t.time()), f);
    }

    private static Supplier<List<OgcFeature>> coverage(CoverageView view, Supplier<Instant> now, ObjectMapper mapper) {
        Map<String, Geometry> cells = new LinkedHashMap<>();
        return () -> {
            synchronized (cells) {
                if (cells.isEmpty()) view.cells().forEach(c -> cells.put(c.id(), c.geometry()));
            }
            Instant end = now.get();
            List<OgcFeature> out = new ArrayList<>();
            for (CoverageRecorder.CellCoverage c : view.coverage(end.minus(COVERAGE_SPAN), end)) {
                Geometry g = cells.get(c.id());
                if (g == null) continue;
                ObjectNode f = feature(c.id(), GeoJsonFeatures.geometry(g));
                ObjectNode p = (ObjectNode) f.get("properties");
                p.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                p.put("observed", c.observed());
                p.put("probability", c.probability());
                ArrayNode assets = p.putArray("assets");
                c.assets().forEach(assets::add);
                p.put("from", c.from().toString());
                p.put("to", c.to().toString());
                out.add(new OgcFeature(c.id(), g.getEnvelopeInternal(), TimeInterval.of(c.from(), c.to()), f));
            }
            return out;
        };
    }

    /** A feature of the shared writer whose properties start with its id (OGC clients show properties only). */
    private static ObjectNode feature(String id, JsonNode geometry) {
        ObjectNode f = GeoJsonFeatures.feature(id, geometry);
        GeoJsonFeatures.properties(f).put("id", id);
        return f;
    }

    private static Envelope envelope(GeoPoint p) {
        return new Envelope(p.lon(), p.lon(), p.lat(), p.lat());
    }
}

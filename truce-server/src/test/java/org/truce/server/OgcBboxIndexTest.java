package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.Center;
import org.truce.pipeline.CenterEvent;
import org.truce.readmodel.ReadModels;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.ground.ObjectClass;
import org.truce.server.api.ApiJson;
import org.truce.server.ogc.BoundingBox;
import org.truce.server.ogc.FeatureSource;
import org.truce.server.ogc.OgcCollection;
import org.truce.server.ogc.OgcCollections;
import org.truce.server.ogc.OgcFeature;
import org.truce.server.ogc.TimeInterval;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;

/**
 * The OGC {@code incidents} and {@code tracks} collections answer {@code bbox} (and {@code datetime}) through the
 * read models' spatial index with exactly the features, order and {@code numberMatched} of the filter they
 * replaced: every stored feature tested against the box. Randomized boxes, including antimeridian-crossing ones and
 * boxes on the features' own coordinates.
 */
class OgcBboxIndexTest {
    private static final Instant NOW = Instant.parse("2020-11-20T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void bboxAndDatetimeMatchTheOldFilterFeatureForFeature() {
        Random r = new Random(42);
        InMemoryStore store = new InMemoryStore();
        SimulatedClock clock = new SimulatedClock(NOW);
        Center center = Center.builder(Fixtures.agreement()).store(store).clock(clock).build();
        ReadModels read = ReadModels.follow(center);
        for (int i = 0; i < 400; i++) {
            Incident inc = incident(r, "INC-" + i);
            store.incidents().save(inc);
            read.on(new CenterEvent.IncidentChanged(inc, true));
            Track t = track(r, "TRK-" + r.nextInt(300));
            store.tracks().save(t);
            read.on(new CenterEvent.TrackUpdated(t));
        }
        Map<String, OgcCollection> collections = OgcCollections.of(center, read, ApiJson.mapper(), WINDOW,
                Optional.empty());
        FeatureSource incidents = collections.get("incidents").source();
        FeatureSource tracks = collections.get("tracks").source();

        for (int k = 0; k < 400; k++) {
            Optional<BoundingBox> bbox = r.nextInt(8) == 0 ? Optional.empty() : Optional.of(box(r, store));
            Optional<TimeInterval> time = r.nextInt(3) == 0 ? Optional.of(interval(r)) : Optional.empty();
            int offset = r.nextInt(4) == 0 ? r.nextInt(50) : 0;
            int limit = 1 + r.nextInt(r.nextBoolean() ? 10 : 500);

            List<OgcFeature> oldIncidents = store.incidents().all().stream()
                    .filter(i -> bbox.map(b -> b.intersects(point(i.place()))).orElse(true))
                    .filter(i -> time.map(t -> t.intersects(TimeInterval.of(i.start(), i.end()))).orElse(true))
                    .map(i -> new OgcFeature(i.id(), point(i.place()), TimeInterval.of(i.start(), i.end()),
                            ApiJson.mapper().createObjectNode()))
                    .toList();
            check(incidents.match(bbox, time, offset, limit), oldIncidents, offset, limit, bbox);

            List<OgcFeature> oldTracks = store.tracks().updatedSince(NOW.minus(WINDOW)).stream()
                    .filter(t -> bbox.map(b -> b.intersects(point(t.position()))).orElse(true))
                    .filter(t -> time.map(x -> x.intersects(TimeInterval.of(t.firstSeen(), t.time()))).orElse(true))
                    .map(t -> new OgcFeature(t.id(), point(t.position()), TimeInterval.of(t.firstSeen(), t.time()),
                            ApiJson.mapper().createObjectNode()))
                    .toList();
            check(tracks.match(bbox, time, offset, limit), oldTracks, offset, limit, bbox);
        }
        assertThat(incidents.find("INC-7").map(OgcFeature::id)).contains("INC-7");
        assertThat(incidents.find("INC-nope")).isEmpty();
        assertThat(incidents.extent().spatial()).isEqualTo(store.incidents().all().stream()
                .map(i -> point(i.place())).collect(Envelope::new, Envelope::expandToInclude, Envelope::expandToInclude));
        read.close();
    }

    private static void check(FeatureSource.Matches got, List<OgcFeature> old, int offset, int limit,
                              Optional<BoundingBox> bbox) {
        assertThat(got.numberMatched()).as("numberMatched for %s", bbox).isEqualTo(old.size());
        List<String> page = old.subList(Math.min(offset, old.size()), Math.min(old.size(), offset + limit)).stream()
                .map(OgcFeature::id).toList();
        assertThat(got.page().stream().map(OgcFeature::id).toList()).as("page for %s", bbox).isEqualTo(page);
        for (OgcFeature f : got.page()) {
            assertThat(f.geoJson().path("id").asText()).isEqualTo(f.id());
            assertThat(f.geoJson().path("geometry").path("type").asText()).isEqualTo("Point");
        }
    }

    /** A box somewhere in the theater, around one stored feature, crossing the antimeridian, or the whole world. */
    private static BoundingBox box(Random r, InMemoryStore store) {
        return switch (r.nextInt(6)) {
            case 0 -> BoundingBox.parse("bbox", "170,-10,-170,10");
            case 1 -> BoundingBox.parse("bbox", "-180,-90,180,90");
            case 2 -> {
                // Exactly on a feature's coordinates: a closed box must still hold it.
                List<Incident> all = store.incidents().all();
                GeoPoint p = all.get(r.nextInt(all.size())).place();
                yield BoundingBox.parse("bbox", num(p.lon()) + "," + num(p.lat()) + "," + num(p.lon() + r.nextDouble() * 0.1)
                        + "," + num(p.lat() + r.nextDouble() * 0.1));
            }
            default -> {
                double lon = 45 + r.nextDouble() * 3, lat = 38.5 + r.nextDouble() * 2.5;
                yield BoundingBox.parse("bbox", num(lon) + "," + num(lat) + "," + num(lon + r.nextDouble() * 1.5) + ","
                        + num(Math.min(90, lat + r.nextDouble() * 1.5)));
            }
        };
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.17g", d);
    }

    private static TimeInterval interval(Random r) {
        Instant a = NOW.minusSeconds(r.nextInt(4 * 86_400));
        return TimeInterval.of(a, a.plusSeconds(r.nextInt(86_400)));
    }

    private static Envelope point(GeoPoint p) {
        return new Envelope(p.lon(), p.lon(), p.lat(), p.lat());
    }

    private static GeoPoint place(Random r) {
        // Some features far east, to sit in the antimeridian box.
        if (r.nextInt(20) == 0) return GeoPoint.of(-5 + r.nextDouble() * 10, r.nextBoolean() ? 175 : -175);
        return GeoPoint.of(38.5 + r.nextDouble() * 2.5, 45 + r.nextDouble() * 3);
    }

    private static Incident incident(Random r, String id) {
        Instant start = NOW.minusSeconds(r.nextInt(5 * 86_400));
        return new Incident(id, ProvisionId.of("p1"), 1, RuleId.of("p1"), "cease-fire", ZoneId.of("theater"), start,
                start.plusSeconds(r.nextInt(3600)), place(r), 300, Optional.of(PartyId.of("AZ")), 0.8, "s:" + id,
                "summary", IncidentState.OPEN, List.of("OBS-1"));
    }

    private static Track track(Random r, String id) {
        Instant time = NOW.minusSeconds(r.nextInt((int) (2 * WINDOW.toSeconds())));
        return new Track(id, time.minusSeconds(r.nextInt(3600)), time, place(r), 40, 1, 2, ObjectClass.TANK, 0.7,
                Optional.empty(), 0.5, 1, TrackStatus.CONFIRMED, 3, List.of("OBS-1"));
    }
}

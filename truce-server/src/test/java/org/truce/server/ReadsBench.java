package org.truce.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.Center;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;
import org.truce.store.Store;
import org.truce.store.jdbc.JdbcStore;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/**
 * Throwaway read benchmark (not a test: surefire does not run it). Fills a store with N synthetic observations from
 * 31 assets (plus incidents and tracks), starts a real server on it and times the map's reads over HTTP:
 * {@code /api/assets}, {@code /api/incidents?limit=100}, {@code /api/tracks}, OGC items with a {@code bbox}. It uses
 * only APIs that predate the read models, so the same file runs against the code before them for comparison.
 *
 * <p>Usage: {@code ReadsBench memory|h2 OBSERVATIONS [SECONDS_PER_ENDPOINT [H2_DIRECTORY]]}. H2 is filled with one
 * INSERT … SELECT (the store API commits per observation, far too slow for millions), bodies copied from real
 * appends.
 */
public final class ReadsBench {
    private static final Instant NOW = Instant.parse("2020-11-20T12:00:00Z");
    private static final int ASSETS = 31;
    private static final int INCIDENTS = 5_000;
    private static final int TRACKS = 3_000;

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        long n = Long.parseLong(args[1]);
        double budget = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("truce-reads-bench");
        long t0 = System.nanoTime();
        // An H2 directory that holds a store already is reused as it is (opening it migrates it to this build).
        Store store = !kind.equals("h2") ? memory(n)
                : Files.exists(dir.resolve("truce.mv.db")) ? JdbcStore.h2(dir) : h2(dir, n);
        System.out.printf(Locale.ROOT, "store %s: %,d observations, filled in %.1f s%n", kind,
                store.observations().size(), (System.nanoTime() - t0) / 1e9);
        Random r = new Random(1);
        for (int i = 0; i < INCIDENTS; i++) store.incidents().save(incident(r, i));
        for (int i = 0; i < TRACKS; i++) store.tracks().save(track(r, i));
        Center center = Center.builder(TestAgreements.karabakh()).store(store).clock(new SimulatedClock(NOW)).build();
        try {
            // Only with the read models (absent from the code before them): how long seeding takes on its own.
            Class<?> models = Class.forName("org.truce.readmodel.ReadModels");
            long m0 = System.nanoTime();
            AutoCloseable m = (AutoCloseable) models.getMethod("follow", Center.class).invoke(null, center);
            System.out.printf(Locale.ROOT, "read models seeded in %.3f s%n", (System.nanoTime() - m0) / 1e9);
            m.close();
        } catch (ClassNotFoundException e) {
            System.out.println("no read models in this build");
        }
        long s0 = System.nanoTime();
        TruceServer server = new TruceServer(center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        server.start(0);
        System.out.printf(Locale.ROOT, "server built and started in %.2f s (read models seeded)%n",
                (System.nanoTime() - s0) / 1e9);
        HttpClient http = HttpClient.newHttpClient();
        String base = server.uri().toString().replaceAll("/$", "");
        for (String path : List.of("/api/assets", "/api/incidents?limit=100", "/api/tracks",
                "/ogc/collections/incidents/items?bbox=46.5,39.5,47.0,40.0&limit=100",
                "/ogc/collections/tracks/items?bbox=46.5,39.5,47.0,40.0&limit=100",
                "/ogc/collections/incidents/items?bbox=45,38.5,48,41")) {
            time(http, base + path, budget);
        }
        // Three times when it is quick, once when it takes minutes (the code before the read models on H2).
        for (int i = 0; i < 3 && mapFirstDraw(http, base) < 30; i++) { }
        server.stop();
        store.close();
    }

    /** The live map's start-up reads in its order (map.js): agreement, zones, assets, clock, tracks, every incident. */
    private static double mapFirstDraw(HttpClient http, String base) throws Exception {
        List<Double> ms = new ArrayList<>();
        long t = System.nanoTime();
        for (String path : List.of("/api/agreement", "/api/zones", "/api/assets", "/api/clock", "/api/tracks")) {
            get(http, base + path, ms);
        }
        int pages = 0;
        String next = "/api/incidents?limit=1000";
        while (next != null) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + next)).build(),
                    HttpResponse.BodyHandlers.ofString());
            pages++;
            var doc = org.truce.server.api.ApiJson.mapper().readTree(res.body());
            next = doc.hasNonNull("next") ? doc.get("next").asText() : null;
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "map first draw, API part: %.2f s (%d incident pages)%n", seconds, pages);
        return seconds;
    }

    private static void time(HttpClient http, String url, double budgetSeconds) throws Exception {
        List<Double> ms = new ArrayList<>();
        long bytes = 0;
        // Warm-up (counted only if it is all we get): three requests, or one when it alone takes over 5 s.
        for (int i = 0; i < 3 && (ms.isEmpty() || ms.getLast() < 5000); i++) bytes = get(http, url, ms);
        List<Double> warm = new ArrayList<>(ms);
        ms.clear();
        long end = System.nanoTime() + (long) (budgetSeconds * 1e9);
        while (System.nanoTime() < end && ms.size() < 1000) get(http, url, ms);
        if (ms.isEmpty()) ms = warm;
        ms.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%-75s n=%4d p50=%9.2f ms p99=%9.2f ms max=%9.2f ms (%,d bytes)%n",
                url.replaceFirst("http://[^/]+", ""), ms.size(), pct(ms, 0.50), pct(ms, 0.99), ms.getLast(), bytes);
    }

    private static long get(HttpClient http, String url, List<Double> ms) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        ms.add((System.nanoTime() - t) / 1e6);
        if (res.statusCode() != 200) throw new IllegalStateException(url + " answered " + res.statusCode());
        return res.body().length;
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static List<Asset> assets() {
        List<Asset> out = new ArrayList<>();
        for (int i = 0; i < ASSETS; i++) {
            String owner = i % 2 == 0 ? "RU" : "TR";
            out.add(new Asset(AssetId.of(owner + "-UAV-" + String.format(Locale.ROOT, "%02d", i)), ContingentId.of(owner),
                    AssetKind.DRONE, "Orlan-10", new SensorSpec(5000, 60, 40, 40, 1), OptionalInt.of(100 + i),
                    Optional.empty(), Optional.empty()));
        }
        return out;
    }

    /** Observation {@code i}: asset i mod 31; kinds cycle fix, detection, fix, footprint, detection. */
    private static Observation observation(List<Asset> assets, long i) {
        AssetId a = assets.get((int) (i % ASSETS)).id();
        Instant t = NOW.minusSeconds(30L * 86_400).plusMillis(i * 2);
        GeoPoint p = GeoPoint.of(39.5 + (i % 997) / 2000.0, 46.5 + (i % 991) / 2000.0);
        return switch ((int) ((i / ASSETS) % 5)) {
            case 0, 2 -> new Observation.PlatformFix(a, t, p, 1500, 10, 90, 30);
            case 1, 4 -> new Observation.Detection(a, t, p, 20, ObjectClass.TANK, 0.9, Optional.of(PartyId.of("AM")),
                    0.9, 1, Optional.empty());
            default -> new Observation.Footprint(a, t, List.of(p, GeoPoint.of(p.lat() + 0.01, p.lon()),
                    GeoPoint.of(p.lat() + 0.01, p.lon() + 0.01), p), 0.8);
        };
    }

    private static Store memory(long n) {
        InMemoryStore store = new InMemoryStore();
        List<Asset> assets = assets();
        assets.forEach(store.assets()::save);
        for (long i = 0; i < n; i++) store.observations().append(NOW, "bench", observation(assets, i));
        return store;
    }

    /** Appends one observation of each (asset, kind) through the store, then copies them n times in SQL. */
    private static Store h2(Path dir, long n) throws Exception {
        List<Asset> assets = assets();
        int templates = ASSETS * 5;
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assets.forEach(store.assets()::save);
            for (int i = 0; i < templates; i++) store.observations().append(NOW, "bench", observation(assets, i));
        }
        String url = "jdbc:h2:file:" + dir.resolve("truce") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_templates AS SELECT seq - 1 AS k, asset, kind, time_ns, received_ns, body "
                    + "FROM observations");
            long done = templates;
            while (done < n) {
                long chunk = Math.min(500_000, n - done);
                s.execute("INSERT INTO observations (seq, id, asset, kind, time_ns, received_ns, channel, body) "
                        + "SELECT r.X, 'OBS-' || r.X, t.asset, t.kind, t.time_ns + r.X * 2000000, t.received_ns, 'bench', "
                        + "t.body FROM SYSTEM_RANGE(" + (done + 1) + ", " + (done + chunk) + ") r "
                        + "JOIN bench_templates t ON t.k = MOD(r.X - 1, " + templates + ")");
                done += chunk;
                System.out.printf(Locale.ROOT, "  %,d rows%n", done);
            }
            s.execute("UPDATE log_head SET last_seq = " + Math.max(n, templates) + " WHERE id = 1");
            s.execute("DROP TABLE bench_templates");
        }
        return JdbcStore.h2(dir);
    }

    private static Incident incident(Random r, int i) {
        Instant start = NOW.minusSeconds(r.nextInt(30 * 86_400));
        return new Incident(String.format(Locale.ROOT, "INC-%05d", i), ProvisionId.of("p1"), 1, RuleId.of("p1"),
                "cease-fire", ZoneId.of("theater"), start, start.plusSeconds(r.nextInt(3600)),
                GeoPoint.of(38.5 + r.nextDouble() * 2.5, 45 + r.nextDouble() * 3), 300, Optional.of(PartyId.of("AZ")),
                0.8, "s", "summary", IncidentState.OPEN, List.of("OBS-1", "OBS-2"));
    }

    private static Track track(Random r, int i) {
        Instant time = NOW.minusSeconds(r.nextInt(i % 3 == 0 ? 900 : 86_400));
        return new Track("TRK-" + i, time.minusSeconds(600), time, GeoPoint.of(38.5 + r.nextDouble() * 2.5,
                45 + r.nextDouble() * 3), 40, 1, 2, ObjectClass.TANK, 0.7, Optional.empty(), 0.5, 1,
                TrackStatus.CONFIRMED, 3, List.of("OBS-1"));
    }
}

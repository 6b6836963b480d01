package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.time.Instant;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.airspace.Filing;
import org.truce.airspace.FlightPath;
import org.truce.airspace.FlightPlans;
import org.truce.airspace.memory.InMemoryFlightPlanRepository;
import org.truce.cases.AssessmentDraft;
import org.truce.cases.CaseId;
import org.truce.cases.CasePolicy;
import org.truce.cases.CaseServices;
import org.truce.cases.Happened;
import org.truce.pipeline.CoverageRecorder;
import org.truce.geo.GeoPoint;
import org.truce.ground.AssetId;
import org.truce.server.airspace.FlightPlansModule;
import org.truce.server.api.ApiJson;
import org.truce.server.coverage.CoverageView;

/**
 * GDAL's OAPIF driver (the one QGIS uses) reads /ogc: {@code ogrinfo} lists every collection the center serves
 * (zones, incidents, tracks, coverage, findings, flight plans), counts each one's features as the API's
 * numberMatched and reads them all. Needs {@code ogrinfo} on PATH (Debian gdal-bin): without it the
 * test fails when CI=true and is skipped otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcGdalTest {
    private static final Pattern LAYER = Pattern.compile("(?m)^\\d+: (\\S+)");
    /** Every collection, in the order the landing page lists them. */
    private static final List<String> ALL = List.of("zones", "incidents", "tracks", "coverage", "findings", "flight-plans");
    private static final Pattern COUNT = Pattern.compile("(?m)^Feature Count: (\\d+)");
    private final TestCenter tc = new TestCenter();
    private TruceServer server;
    private Http http;
    private Path ogrinfo;

    @BeforeAll
    void start() {
        Optional<Path> found = onPath("ogrinfo");
        if (found.isEmpty()) {
            String why = "ogrinfo is not on PATH; install Debian's gdal-bin to run the GDAL OAPIF test";
            assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as(why + " (required when CI=true)").isFalse();
            System.out.println("OgcGdalTest skipped: " + why);
            Assumptions.abort(why);
        }
        ogrinfo = found.get();
        CoverageRecorder recorder = new CoverageRecorder(Fixtures.agreement(), tc.store.assets()::find,
                CoverageRecorder.Config.defaults());
        tc.center.addListener(recorder);
        var agreement = Fixtures.agreement();
        CaseServices cases = org.truce.cases.memory.InMemoryCases.services(agreement, CasePolicy.defaults(agreement.parity()),
                (a, f, t) -> List.of(), tc.clock);
        FlightPlans flights = new FlightPlans(new InMemoryFlightPlanRepository(), tc.store.assets()::find, tc.clock);
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withCoverage(CoverageView.of(recorder)).withCases(cases)
                .withModule(new FlightPlansModule(flights, ApiJson.mapper())));
        server.start(0);
        http = new Http(server.uri());
        // Twelve incidents: more than the API's default page of 10, so GDAL has to follow the paging.
        for (int i = 0; i < 12; i++) {
            tc.accept(tc.fire(39.70 + i * 0.01, 46.80));
            tc.advance(Duration.ofMinutes(1));
        }
        tc.accept(tc.detection("A", 40.05, 47.10, "AM"));
        tc.accept(tc.footprint("RU-UAV-01", 39.62, 46.55));
        // Two published findings: both contingents agree on the first two incidents, both heads approve.
        for (int i = 0; i < 2; i++) {
            var incident = tc.store.incidents().all().get(i);
            CaseId id = cases.casework().open(incident).id();
            var draft = new AssessmentDraft(Happened.YES, ProvisionId.of("¶1"), Optional.of(PartyId.of("AZ")), 0.9,
                    List.of(), "impact seen");
            cases.casework().submit(TestAuthenticator.parse("ANALYST RU"), id, draft);
            cases.casework().submit(TestAuthenticator.parse("ANALYST TR"), id, draft);
            cases.casework().approve(TestAuthenticator.parse("HEAD_OF_CONTINGENT RU"), id);
            cases.casework().approve(TestAuthenticator.parse("HEAD_OF_CONTINGENT TR"), id);
            cases.casework().publish(TestAuthenticator.parse("HEAD_OF_CONTINGENT RU"), id);
        }
        // Flight plans: a route of each contingent's drone and an area, one of them cancelled.
        Instant from = tc.clock.instant().plus(Duration.ofHours(1));
        FlightPath route = FlightPath.route(List.of(GeoPoint.of(39.80, 46.70), GeoPoint.of(39.85, 46.80)));
        FlightPath area = FlightPath.area(List.of(GeoPoint.of(39.70, 46.60), GeoPoint.of(39.70, 46.70),
                GeoPoint.of(39.75, 46.70), GeoPoint.of(39.70, 46.60)));
        flights.file(TestAuthenticator.parse("ANALYST RU"), new Filing(AssetId.of("RU-UAV-01"), route, from,
                from.plus(Duration.ofHours(6)), 300, 1500, "patrol", ""));
        flights.file(TestAuthenticator.parse("ANALYST TR"), new Filing(AssetId.of("TR-UAV-01"), area, from,
                from.plus(Duration.ofHours(4)), 500, 2500, "survey", "hold east of the road"));
        var cancelled = flights.file(TestAuthenticator.parse("ANALYST TR"), new Filing(AssetId.of("TR-UAV-01"), route,
                from, from.plus(Duration.ofHours(2)), 500, 2500, "survey", ""));
        flights.cancel(TestAuthenticator.parse("DUTY_OFFICER TR"), cancelled.id(), "weather");
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop();
    }

    @Test
    void ogrinfoListsTheCollections() throws Exception {
        String out = run("-ro", "-so", "OAPIF:" + server.uri() + "ogc");
        List<String> layers = new ArrayList<>();
        Matcher m = LAYER.matcher(out);
        while (m.find()) layers.add(m.group(1));
        System.out.println("OgcGdalTest: " + ogrinfo + " listed\n" + out);
        assertThat(layers).as(out).containsExactly(ALL.toArray(String[]::new));
    }

    @Test
    void ogrinfoCountsTheFeaturesAsTheApiMatchesThem() throws Exception {
        for (String collection : ALL) {
            long matched = http.get("/ogc/collections/" + collection + "/items").json().path("numberMatched").asLong();
            String out = run("-ro", "-al", "-so", "OAPIF:" + server.uri() + "ogc", collection);
            assertThat(out).as(out).contains("Layer name: " + collection);
            Matcher m = COUNT.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            assertThat(matched).as(collection).isPositive();
            assertThat(Long.parseLong(m.group(1))).as(collection + ":\n" + out).isEqualTo(matched);
        }
        assertThat(http.get("/ogc/collections/incidents/items").json().path("numberMatched").asLong()).isEqualTo(13);
        assertThat(http.get("/ogc/collections/findings/items").json().path("numberMatched").asLong()).isEqualTo(2);
        assertThat(http.get("/ogc/collections/flight-plans/items").json().path("numberMatched").asLong())
                .isEqualTo(http.get("/api/flight-plans").json().size()).isEqualTo(3);
    }

    @Test
    void ogrinfoReadsEveryFeatureOfEveryCollection() throws Exception {
        for (String collection : ALL) {
            long matched = http.get("/ogc/collections/" + collection + "/items").json().path("numberMatched").asLong();
            String out = run("-ro", "-al", "-q", "OAPIF:" + server.uri() + "ogc", collection);
            long read = Pattern.compile("(?m)^OGRFeature\\(" + Pattern.quote(collection) + "\\)").matcher(out).results().count();
            assertThat(read).as(collection + ":\n" + out).isEqualTo(matched);
        }
        String plans = run("-ro", "-al", "-q", "OAPIF:" + server.uri() + "ogc", "flight-plans");
        assertThat(plans).contains("FP-2020-11-20-0001").contains("LINESTRING (46.7 39.8,46.8 39.85)")
                .contains("POLYGON ((46.6 39.7").contains("CANCELLED").contains("hold east of the road");
        String findings = run("-ro", "-al", "-q", "OAPIF:" + server.uri() + "ogc", "findings");
        assertThat(findings).contains("INC-2020-11-20-0001").contains("CONFIRMED");
    }

    @Test
    void ogrinfoReadsEveryIncidentAcrossPages() throws Exception {
        // Without -so GDAL reads the features themselves, following the next links page by page.
        String out = run("-ro", "-al", "-q", "OAPIF:" + server.uri() + "ogc", "incidents");
        assertThat(Pattern.compile("(?m)^OGRFeature\\(incidents\\)").matcher(out).results().count()).as(out).isEqualTo(13);
        assertThat(out).contains("INC-2020-11-20-0013");
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ogrinfo.toString());
        cmd.addAll(Arrays.asList(args));
        Path log = Files.createTempFile("ogrinfo", ".txt");
        // Output to a file, so a hung ogrinfo cannot block the test past the timeout below.
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // A proxy configured for the machine must not intercept requests to our own loopback server.
        pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
        pb.environment().put("no_proxy", "127.0.0.1,localhost");
        Process p = pb.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (!done) throw new AssertionError("ogrinfo did not finish within 60 s: " + cmd + "\n" + text);
        assertThat(p.exitValue()).as(cmd + "\n" + text).isZero();
        return text;
    }

    private static Optional<Path> onPath(String exe) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, exe)).filter(Files::isExecutable).findFirst();
    }
}

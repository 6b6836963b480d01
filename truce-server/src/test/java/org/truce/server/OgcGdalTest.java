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
import org.truce.fusion.coverage.CoverageRecorder;
import org.truce.server.coverage.CoverageView;

/**
 * GDAL's OAPIF driver (the one QGIS uses) reads /ogc: {@code ogrinfo} lists the collections and counts each
 * one's features as the API's numberMatched. Needs {@code ogrinfo} on PATH (Debian gdal-bin): without it the
 * test fails when CI=true and is skipped otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcGdalTest {
    private static final Pattern LAYER = Pattern.compile("(?m)^\\d+: (\\S+)");
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
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withCoverage(CoverageView.of(recorder)));
        server.start(0);
        http = new Http(server.uri());
        // Twelve incidents: more than the API's default page of 10, so GDAL has to follow the paging.
        for (int i = 0; i < 12; i++) {
            tc.accept(tc.fire(39.70 + i * 0.01, 46.80));
            tc.advance(Duration.ofMinutes(1));
        }
        tc.accept(tc.detection("A", 40.05, 47.10, "AM"));
        tc.accept(tc.footprint("RU-UAV-01", 39.62, 46.55));
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
        assertThat(layers).as(out).containsExactly("zones", "incidents", "tracks", "coverage");
    }

    @Test
    void ogrinfoCountsTheFeaturesAsTheApiMatchesThem() throws Exception {
        for (String collection : List.of("incidents", "zones", "tracks", "coverage")) {
            long matched = http.get("/ogc/collections/" + collection + "/items").json().path("numberMatched").asLong();
            String out = run("-ro", "-al", "-so", "OAPIF:" + server.uri() + "ogc", collection);
            assertThat(out).as(out).contains("Layer name: " + collection);
            Matcher m = COUNT.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            assertThat(matched).as(collection).isPositive();
            assertThat(Long.parseLong(m.group(1))).as(collection + ":\n" + out).isEqualTo(matched);
        }
        assertThat(http.get("/ogc/collections/incidents/items").json().path("numberMatched").asLong()).isEqualTo(13);
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

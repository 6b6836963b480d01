package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.truce.pipeline.CoverageRecorder;
import org.truce.server.coverage.CoverageView;

/**
 * The live map in a real browser (Debian's Chromium driven by Playwright): the page loads the zones, assets and
 * clock, then incidents fed to the center appear in the list and on the map without a reload.
 *
 * <p>Needs Chromium at {@code /usr/bin/chromium} (or the path in system property {@code truce.chromium});
 * without it the test fails and says how to install it. Playwright never downloads a browser here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveMapBrowserTest {
    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final double TIMEOUT_MS = 15_000;

    private final TestCenter tc = new TestCenter();
    private final TestHealth health = new TestHealth(tc.store.assets());
    private TruceServer server;
    private org.truce.airspace.FlightPlans flights;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() {
        Path chromium = Path.of(System.getProperty("truce.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is needed for the live-map browser test but " + chromium + " is missing. Install it with "
                    + "'apt-get update && apt-get install -y chromium' (CI does), or point -Dtruce.chromium=<path> at one.");
        }
        tc.center.addListener(health);
        CoverageRecorder coverage = new CoverageRecorder(Fixtures.agreement(), tc.store.assets()::find,
                CoverageRecorder.Config.defaults());
        tc.center.addListener(coverage);
        flights = new org.truce.airspace.FlightPlans(new org.truce.airspace.memory.InMemoryFlightPlanRepository(),
                tc.store.assets()::find, tc.clock);
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withAssetThrottle(Duration.ofMillis(300)).withClockInterval(Duration.ofMillis(500))
                .withHealth(health).withCoverage(CoverageView.of(coverage))
                .withModule(new org.truce.server.airspace.FlightPlansModule(flights, org.truce.server.api.ApiJson.mapper())));
        server.start(0);
        tc.accept(tc.fix("RU-UAV-01", 39.85, 46.75, 45));
        tc.accept(tc.footprint("RU-UAV-01", 39.87, 46.77));
        tc.accept(tc.fix("TR-UAV-01", 39.62, 47.15, 300));
        tc.accept(tc.footprint("TR-UAV-01", 39.64, 47.12));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.stop();
    }

    @Test
    @Order(1)
    void incidentsArriveInTheListAndOnTheMapWithoutReload() throws Exception {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) errors.add(m.type() + ": " + m.text());
        });
        page.navigate(server.uri().toString());
        page.waitForSelector("body[data-ready=true][data-live=open]",
                new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
        awaitLiveClient();

        // Basemap from the zones, a legend, the clock in scenario time, the drones where their last fix put them.
        assertThat(page.locator("path.zone-held_area").count()).isEqualTo(1);
        assertThat(page.locator("path.zone-reference").count()).isEqualTo(3);
        assertThat(page.locator("path.zone-corridor").count()).isEqualTo(1);
        assertThat(page.locator("#legend").innerText()).contains("Held area").contains("Corridor");
        assertThat(page.locator(".district-label").allInnerTexts()).contains("Kalbajar district");
        assertThat(page.locator("#clock").innerText()).isEqualTo("20 Nov 2020, 08:00:00 UTC");
        assertThat(page.locator("#clock-kind").innerText()).contains("scenario time");
        assertThat(page.locator(".drone-icon").count()).isEqualTo(2);
        assertThat(page.locator("path.footprint").count()).isEqualTo(2);
        assertThat(page.locator("#incident-count").innerText()).isEqualTo("No incidents yet");
        assertThat(page.title()).isEqualTo("Truce — live map");

        // Feed the center; incidents must appear live.
        tc.accept(tc.fire(39.75, 46.80));
        tc.advance(Duration.ofMinutes(2));
        tc.accept(tc.detection("K", 40.05, 47.10, "AM"));
        tc.accept(tc.fix("RU-UAV-01", 39.95, 46.95, 60));

        Locator fireRow = page.locator("li[data-incident-id='INC-2020-11-20-0001']");
        Locator withdrawalRow = page.locator("li[data-incident-id='INC-2020-11-20-0002']");
        fireRow.waitFor(new Locator.WaitForOptions().setTimeout(TIMEOUT_MS));
        withdrawalRow.waitFor(new Locator.WaitForOptions().setTimeout(TIMEOUT_MS));
        page.locator("path.inc-INC-2020-11-20-0001").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(TIMEOUT_MS));
        page.locator("path.inc-INC-2020-11-20-0002").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(TIMEOUT_MS));
        page.locator("path.trk-TRK-K").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(TIMEOUT_MS));
        assertThat(page.locator("#incident-count").innerText()).isEqualTo("2 incidents");
        // Newest first; the row names the rule, zone, provision version and attribution.
        assertThat(page.locator("#incident-list li").first().getAttribute("data-incident-id"))
                .isEqualTo("INC-2020-11-20-0002");
        assertThat(withdrawalRow.innerText()).contains("withdrawal").contains("Aghdam district to hand over")
                .contains("¶2 (version 1)").contains("Armenia (confidence 92%)");
        assertThat(fireRow.innerText()).contains("undetermined (confidence 35%)");
        assertThat(fireRow.locator("a").getAttribute("href")).isEqualTo("/api/incidents/INC-2020-11-20-0001");

        // The drone moved without a reload.
        page.waitForFunction("() => { const p = window.truceMap.assetPosition('RU-UAV-01');"
                + " return p && Math.abs(p.lat - 39.95) < 1e-9; }", null,
                new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
        // The clock follows scenario time.
        page.waitForFunction("() => document.getElementById('clock').textContent === '20 Nov 2020, 08:02:00 UTC'",
                null, new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));

        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "live-map-overview.png")));

        // Clicking a row opens the incident's popup on the map, with the traceable figures.
        fireRow.click();
        Locator popup = page.locator(".leaflet-popup-content .incident-popup");
        popup.waitFor(new Locator.WaitForOptions().setTimeout(TIMEOUT_MS));
        String text = popup.innerText();
        assertThat(text).contains("Incident INC-2020-11-20-0001").contains("¶1 (version 1)")
                .contains("p1-ceasefire (cease-fire)").contains("Theater (theater)")
                .contains("20 Nov 2020, 08:00:00 UTC – 20 Nov 2020, 08:00:00 UTC")
                .contains("undetermined (confidence 35%)").contains("observations: 1").contains("OBS-5")
                .contains("located: 95 % ellipse").contains("long axis 30°").contains("1 sensor fix")
                .contains("beyond the line 50%").contains("contested 15%");
        // The fire event's 95 % region is its ellipse, not a circle.
        assertThat(page.locator("path.incident-ellipse").count()).isEqualTo(1);
        assertThat(popup.locator("h3 a").getAttribute("href")).isEqualTo("/api/incidents/INC-2020-11-20-0001");
        assertThat(popup.locator(".evidence a").getAttribute("href")).isEqualTo("/api/observations/OBS-5");
        page.waitForFunction("() => !document.querySelector('.leaflet-zoom-anim')", null,
                new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));

        Path shot = Path.of("target", "live-map.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        assertThat(Files.size(shot)).isPositive();

        // Asset health: loaded with the assets, then changed live; the marker fades and the popup says why.
        assertThat(page.evaluate("() => window.truceMap.assetHealth('TR-UAV-01')")).isEqualTo("ONLINE");
        health.tick(tc.clock.instant()); // TR-UAV-01 has been silent for two minutes
        page.locator(".drone-icon.ast-TR-UAV-01.health-offline").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(TIMEOUT_MS));
        // RU-UAV-01's last fix jumped 20 km in two minutes, beyond its 40 m/s: flagged since it arrived.
        assertThat(page.locator(".drone-icon.ast-RU-UAV-01.health-position_anomaly").count()).isEqualTo(1);
        page.locator(".drone-icon.ast-TR-UAV-01").dispatchEvent("click");
        Locator assetPopup = page.locator(".leaflet-popup-content .popup", new Page.LocatorOptions()
                .setHasText("Asset TR-UAV-01"));
        assetPopup.waitFor(new Locator.WaitForOptions().setTimeout(TIMEOUT_MS));
        assertThat(assetPopup.innerText()).contains("Status").contains("offline")
                .contains("since 20 Nov 2020, 08:00:03 UTC").contains("silent for 3 s");
        page.waitForTimeout(400); // let the popup fade in before the screenshot
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "live-map-health.png")));

        // Coverage: shown by default, every segment of the line of contact grey (nobody looked at it yet), and
        // the legend says grey is no coverage, not "nothing happened".
        Locator segments = page.locator("path.coverage-segment");
        segments.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(TIMEOUT_MS));
        int total = segments.count();
        assertThat(total).isGreaterThan(10);
        assertThat(page.locator("path.coverage-none").count()).isEqualTo(total);
        assertThat(page.locator("#coverage-toggle").isChecked()).isTrue();
        assertThat(page.locator("#legend").innerText()).contains("No coverage").contains("nothing happened");
        // Toggled off, the layer goes; a drone looks at the first vertex of the line of contact; toggled on, the
        // layer comes back, refreshed, with that segment green.
        page.locator("#coverage-toggle").uncheck();
        assertThat(segments.count()).isZero();
        tc.accept(tc.footprint("RU-UAV-01", 39.62, 46.55));
        page.locator("#coverage-toggle").check();
        page.locator("path.coverage-observed").first().waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(TIMEOUT_MS));
        assertThat(segments.count()).isEqualTo(total);
        assertThat(page.locator("path.coverage-observed").count()).isBetween(1, total - 1);
        assertThat(page.locator("#coverage-status").innerText()).contains("segments observed");
        assertThat(page.locator("path.coverage-observed").first().getAttribute("stroke")).isEqualTo("#2e7d32");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "live-map-coverage.png")));

        // Flight plans: a plan filed for the next hours is drawn dashed on its route; a cancelled one is not.
        var ru = org.truce.cases.Principal.staff("analyst-ru", org.truce.cases.Role.ANALYST,
                org.truce.ground.ContingentId.of("RU"));
        java.time.Instant now = tc.clock.instant();
        var route = org.truce.airspace.FlightPath.route(List.of(org.truce.geo.GeoPoint.of(39.80, 46.70),
                org.truce.geo.GeoPoint.of(39.85, 46.80), org.truce.geo.GeoPoint.of(39.90, 46.85)));
        String kept = flights.file(ru, new org.truce.airspace.Filing(org.truce.ground.AssetId.of("RU-UAV-01"), route,
                now, now.plus(Duration.ofHours(4)), 300, 1500, "patrol, sector north", "")).id().value();
        String cancelled = flights.file(ru, new org.truce.airspace.Filing(org.truce.ground.AssetId.of("RU-UAV-01"), route,
                now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), 300, 1500, "spare sortie", "")).id().value();
        flights.cancel(ru, org.truce.airspace.FlightPlanId.of(cancelled), "weather");
        page.locator("#flight-plans-toggle").uncheck();
        page.locator("#flight-plans-toggle").check();
        page.locator("path.flight-plan").first().waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(TIMEOUT_MS));
        assertThat(page.locator("path.flight-plan").count()).isEqualTo(1);
        assertThat(page.evaluate("window.truceMap.flightPlanIds()")).isEqualTo(List.of(kept));
        assertThat(page.locator("path.flight-plan").first().getAttribute("stroke-dasharray")).isEqualTo("6 6");
        assertThat(page.locator("#flight-plans-status").innerText()).startsWith("Planned flights until").endsWith(": 1");
        assertThat(errors).isEmpty();
    }

    /**
     * After the English run (so the incidents exist): ?lang=ru and ?lang=tr show the page in that language with
     * dates and percentages in its format, no raw message id anywhere; the header selector switches and remembers
     * the language; without ?lang the browser's languages decide.
     */
    @Test
    @Order(2)
    void thePageSpeaksRussianAndTurkish() throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(getClass().getResourceAsStream("/web/i18n/en.json")).fieldNames()
                .forEachRemaining(ids::add);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = open(context, "?lang=ru");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ru");
            assertThat(page.title()).isEqualTo("Truce — оперативная карта");
            assertThat(page.locator(".panel h2").innerText()).isEqualTo("Инциденты");
            assertThat(page.locator("#legend h3").innerText()).isEqualTo("Условные обозначения");
            assertThat(page.locator("#legend").innerText()).contains("линия соприкосновения")
                    .contains("Зона ответственности миротворцев");
            assertThat(page.locator("#clock").innerText()).startsWith("20 нояб. 2020").endsWith(" UTC");
            assertThat(page.locator("#incident-count").innerText()).isEqualTo("Инцидентов: 2");
            assertThat(page.locator("li[data-incident-id='INC-2020-11-20-0001']").innerText())
                    .contains("прекращение огня").contains("не установлена (достоверность 35\u00a0%)");
            assertNoRawIds(page, ids);

            // The selector switches to Turkish (a reload with ?lang=tr) and remembers it.
            page.waitForNavigation(new Page.WaitForNavigationOptions().setTimeout(TIMEOUT_MS),
                    () -> page.locator("#lang-select").selectOption("tr"));
            assertThat(page.url()).endsWith("/?lang=tr");
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
            assertThat(page.locator(".panel h2").innerText()).isEqualTo("Olaylar");
            page.close();

            Page remembered = open(context, "");
            assertThat(remembered.locator("html").getAttribute("lang")).isEqualTo("tr");
            assertThat(remembered.locator("#lang-select").inputValue()).isEqualTo("tr");
            remembered.close();

            Page turkish = open(context, "?lang=tr");
            assertThat(turkish.locator("#legend h3").innerText()).isEqualTo("Açıklamalar");
            assertThat(turkish.locator("#legend").innerText()).contains("temas hattı").contains("Barış gücü bölgesi");
            assertThat(turkish.locator("#clock").innerText()).startsWith("20 Kas 2020").endsWith(" UTC");
            assertThat(turkish.locator("li[data-incident-id='INC-2020-11-20-0001']").innerText())
                    .contains("ateşkes").contains("belirlenemedi (güven %35)");
            assertNoRawIds(turkish, ids);
            turkish.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "live-map-tr.png")));
            turkish.close();
        }
        // No ?lang and nothing remembered: the browser's preferred language.
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU"))) {
            Page page = open(context, "");
            assertThat(page.locator(".panel h2").innerText()).isEqualTo("Инциденты");
            page.close();
        }
    }

    private Page open(BrowserContext context, String query) {
        Page page = context.newPage();
        page.setViewportSize(1280, 800);
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) errors.add(m.type() + ": " + m.text());
        });
        page.navigate(server.uri().toString() + query);
        page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
        assertThat(errors).as("browser errors for %s", query).isEmpty();
        return page;
    }

    private static void assertNoRawIds(Page page, List<String> ids) {
        String text = page.locator("body").innerText() + page.title();
        assertThat(text).doesNotContain("[[");
        for (String id : ids) assertThat(text).as("raw message id shown").doesNotContain(id);
    }

    private void awaitLiveClient() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.liveClients() < 1 && System.nanoTime() < end) Thread.sleep(20);
        assertThat(server.liveClients()).isEqualTo(1);
    }
}

package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.implementation.ImplementationTracker;
import org.truce.implementation.RecordedZoneCoverage;
import org.truce.server.coverage.CoverageView;
import org.truce.server.provisions.ProvisionsModule;

/**
 * The implementation tracker page in a real browser (Debian's Chromium via Playwright) on a simulated center: the
 * Karabakh theater, seed 1, run through the real pipeline across the Aghdam deadline (2020-11-19T21:00Z).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionsBrowserTest {
    private static final double TIMEOUT_MS = 20_000;
    static final Instant START = Instant.parse("2020-11-19T20:15:00Z");
    static final Instant END = Instant.parse("2020-11-19T22:45:00Z");

    private SimulatedCenter sim;
    private TruceServer server;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() {
        Path chromium = Path.of(System.getProperty("truce.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is needed for the tracker browser test but " + chromium + " is missing. Install it with "
                    + "'apt-get update && apt-get install -y chromium', or point -Dtruce.chromium=<path> at one.");
        }
        sim = new SimulatedCenter(1, START, END);
        server = new TruceServer(sim.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withCoverage(CoverageView.of(sim.coverage))
                .withModule(ProvisionsModule.of(sim.center, new RecordedZoneCoverage(sim.coverage),
                        ImplementationTracker.Config.defaults())));
        server.start(0);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(LiveMapBrowserTest.CHROMIUM_ARGS));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.stop();
    }

    private Page open(String query, List<String> errors) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) errors.add(m.type() + ": " + m.text());
        });
        page.navigate(server.uri().resolve("/provisions.html" + query).toString());
        page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
        return page;
    }

    private static Map<String, String> statuses(Page page) {
        Map<String, String> out = new LinkedHashMap<>();
        Locator rows = page.locator("#provisions-body tr");
        for (int i = 0; i < rows.count(); i++) {
            out.put(rows.nth(i).getAttribute("data-provision-id"), rows.nth(i).getAttribute("data-status"));
        }
        return out;
    }

    @Test
    void theTrackerListsTheKarabakhProvisionsWithTheirStatusesAtTheClockAndAtAChosenTime() {
        List<String> errors = new CopyOnWriteArrayList<>();
        Page page = open("", errors);
        assertThat(page.title()).isEqualTo("Truce — implementation tracker");
        assertThat(page.locator("#as-of").innerText()).isEqualTo("19 Nov 2020, 22:45:00 UTC");
        Map<String, String> now = statuses(page);
        assertThat(now.keySet()).containsExactly("¶1", "¶2", "¶3", "¶4", "¶5", "¶6", "¶7", "¶8", "¶9", "JMC-1", "JMC-2");
        // Past the Aghdam deadline, armed tracks were seen in the district (the simulator keeps some there): overdue.
        assertThat(now.get("¶2")).isEqualTo("OVERDUE");
        // Kalbajar's deadline was moved to 25 November by the amendment: still due.
        assertThat(now.get("¶6")).isEqualTo("DUE");
        for (String id : List.of("¶4", "¶5", "¶7", "¶8", "¶9")) assertThat(now.get(id)).as(id).isEqualTo("NOT_MONITORED");
        // Standing obligations are due, or violated while an incident stands at that instant.
        for (String id : List.of("¶1", "¶3", "JMC-1", "JMC-2")) assertThat(now.get(id)).as(id).isIn("DUE", "VIOLATED");

        Locator aghdam = page.locator("#provisions-body tr[data-provision-id='¶2']");
        assertThat(aghdam.locator(".pstatus").innerText()).isEqualTo("overdue");
        assertThat(aghdam.locator(".psince").innerText()).startsWith("19 Nov 2020, 21:").endsWith("UTC");
        Locator section = page.locator("section[data-provision-id='¶2']");
        // The chart: due, then unverified from the deadline (nothing seen yet), then overdue; the deadline marked.
        assertThat(section.locator("svg.chart rect.seg.status-DUE").count()).isEqualTo(1);
        assertThat(section.locator("svg.chart rect.seg.status-UNVERIFIED").count()).isEqualTo(1);
        assertThat(section.locator("svg.chart rect.seg.status-OVERDUE").count()).isPositive();
        assertThat(section.locator("svg.chart line.deadline title").first().textContent())
                .isEqualTo("Deadline 19 Nov 2020, 21:00:00 UTC");
        // The evidence: incidents, linked to the API.
        section.locator("details.history summary").first().click();
        Locator overdue = section.locator("details.history li[data-status=OVERDUE]");
        assertThat(overdue.innerText()).startsWith("19 Nov 2020, 21:").contains("overdue");
        assertThat(overdue.locator("li[data-evidence=incident] a").first().getAttribute("href"))
                .startsWith("/api/incidents/INC-2020-11-19-");

        // ¶6: the amendment is a version; the Kalbajar deadline moved; one lane per rule and a v2 marker.
        Locator p6 = page.locator("section[data-provision-id='¶6']");
        assertThat(page.locator("#provisions-body tr[data-provision-id='¶6'] .preason").innerText())
                .isEqualTo("Deadline moved to 24 Nov 2020, 21:00:00 UTC by version 2");
        assertThat(p6.locator("svg.chart g.lane").count()).isEqualTo(4);
        assertThat(p6.locator("svg.chart text", new Locator.LocatorOptions().setHasText("v2")).count()).isEqualTo(1);
        assertThat(p6.locator("ol.versions li[data-state=SUPERSEDED]").first().innerText())
                .contains("Version 1: 9 Nov 2020, 21:00:00 UTC – 14 Nov 2020, 21:00:00 UTC").contains("superseded by version 2");
        assertThat(p6.locator("ol.versions li[data-version='2'] .version-change").innerText())
                .isEqualTo("p6-kalbajar: deadline moved 14 Nov 2020, 21:00:00 UTC → 24 Nov 2020, 21:00:00 UTC");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "provisions.png")).setFullPage(true));

        // At a chosen earlier time, before the deadline: the withdrawal is still due.
        Page before = open("?at=2020-11-19T20:30:00Z", errors);
        assertThat(before.locator("#as-of").innerText()).isEqualTo("19 Nov 2020, 20:30:00 UTC");
        assertThat(statuses(before).get("¶2")).isEqualTo("DUE");
        assertThat(before.locator("#provisions-body tr[data-provision-id='¶2'] .preason").innerText())
                .isEqualTo("Deadline 19 Nov 2020, 21:00:00 UTC");
        assertThat(before.locator("#api-link").getAttribute("href")).isEqualTo("/api/provisions?at=2020-11-19T20%3A30%3A00Z");
        assertThat(errors).isEmpty();
    }

    @Test
    void theTrackerSpeaksRussianAndTurkishAndTheMapLinksToIt() {
        List<String> errors = new CopyOnWriteArrayList<>();
        Page ru = open("?lang=ru", errors);
        assertThat(ru.title()).isEqualTo("Truce — ход выполнения соглашения");
        assertThat(ru.locator("#as-of").innerText()).isEqualTo("19 нояб. 2020 г., 22:45:00 UTC");
        assertThat(ru.locator("#provisions-body tr[data-provision-id='¶2'] .pstatus").innerText()).isEqualTo("просрочено");
        assertThat(ru.locator("#provisions-body tr[data-provision-id='¶4'] .pstatus").innerText())
                .isEqualTo("не отслеживается автоматически");
        ru.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "provisions-ru.png")).setFullPage(true));
        Page tr = open("?lang=tr", errors);
        assertThat(tr.locator("#provisions-body tr[data-provision-id='¶6'] .pversion").innerText()).isEqualTo("sürüm 2");
        assertThat(tr.locator("#as-of").innerText()).isEqualTo("19 Kas 2020 22:45:00 UTC");

        Page map = browser.newPage();
        map.navigate(server.uri().resolve("/?lang=en").toString());
        map.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
        Locator link = map.locator("#provisions-link");
        assertThat(link.innerText()).isEqualTo("Implementation tracker");
        link.click();
        map.waitForSelector("body.tracker-page[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
        assertThat(map.locator("#provisions-body tr").count()).isEqualTo(11);
        assertThat(errors).isEmpty();
    }
}

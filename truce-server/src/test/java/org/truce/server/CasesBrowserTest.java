package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.server.auth.OperationalData;

/**
 * The case pages in a real browser (Debian's Chromium through Playwright), one browser context per person: an
 * analyst of each contingent assesses a case blind, the assessments differ, reconciliation ends in a dissent that
 * both heads approve and publish, and a liaison officer reads it on the findings page with both positions side by
 * side; a second case ends in an agreed finding. Each person signs in through /login.html with their own account
 * (session cookie, and the pages send the CSRF token on every change); the set-up calls that are not the subject of
 * a test use the {@link TestAuthenticator} header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesBrowserTest {
    private static final double TIMEOUT_MS = 15_000;

    private CaseServer s;
    private Playwright playwright;
    private Browser browser;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private static final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        Path chromium = Path.of(System.getProperty("truce.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is needed for the case pages' browser test but " + chromium + " is missing. Install it with "
                    + "'apt-get update && apt-get install -y chromium', or point -Dtruce.chromium=<path> at one.");
        }
        s = new CaseServer(OperationalData.PUBLIC, true);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(LiveMapBrowserTest.CHROMIUM_ARGS));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (s != null) s.close();
    }

    /**
     * A page of the server as {@code principal} (null: the public), loaded and ready: the person signs in through
     * /login.html with their account and is sent on to {@code path}.
     */
    private Page as(String principal, String path) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900));
        Page page = ctx.newPage();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        if (principal != null) {
            page.navigate(s.server.uri().resolve("/login.html?next=" + java.net.URLEncoder.encode(path,
                    java.nio.charset.StandardCharsets.UTF_8)).toString());
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
            page.locator("#user").fill(TestAuthenticator.parse(principal).userId());
            page.locator("#password").fill(AccountsHttpTest.PASSWORD);
            page.locator("#sign-in").click();
            page.waitForURL(s.server.uri().resolve(path).toString(), new Page.WaitForURLOptions().setTimeout(TIMEOUT_MS));
        } else {
            page.navigate(s.server.uri().resolve(path).toString());
        }
        page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));
        assertThat(page.locator("#error").innerText()).as(path + " as " + principal).isEmpty();
        return page;
    }

    private static void awaitText(Page page, String selector, String text) {
        try {
            page.waitForFunction("([sel, want]) => { const e = document.querySelector(sel); return e && e.textContent.includes(want); }",
                    List.of(selector, text), new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
        } catch (com.microsoft.playwright.TimeoutError e) {
            fail("no '" + text + "' in " + selector + "; page error: '" + page.locator("#error").innerText()
                    + "'; console: " + console + "; body: " + page.locator("main").innerText());
        }
    }

    private static void assess(Page page, String happened, String text) {
        page.selectOption("#assess-happened", happened);
        page.selectOption("#assess-provision", "¶1");
        page.fill("#assess-confidence", "0.5");
        page.fill("#assess-text", text);
        page.click("#assess-submit");
    }

    @Test
    void twoContingentsAssessBlindDissentIsPublishedAndTheLiaisonReadsIt() {
        String dissentCase = s.openCase(39.75, 46.80);
        s.tc.advance(Duration.ofMinutes(30));
        String agreedCase = s.openCase(40.05, 47.10);

        // RU assesses; its page then shows its own assessment and TR's slot sealed.
        Page ru = as("ANALYST RU", "/case.html?id=" + dissentCase);
        assertThat(ru.locator("#case-map .leaflet-interactive").count()).as("incident drawn on the map").isPositive();
        assess(ru, "YES", "impact crater north of the road");
        awaitText(ru, ".side[data-contingent=RU] .slot-kind", "assessment");
        assertThat(ru.locator(".side[data-contingent=TR] .slot-kind").innerText()).isEqualTo("sealed (blind)");

        // TR sees RU's slot sealed, with nothing of its text, then assesses differently.
        Page tr = as("ANALYST TR", "/case.html?id=" + dissentCase);
        assertThat(tr.locator(".side[data-contingent=RU] .slot-kind").innerText()).isEqualTo("sealed (blind)");
        assertThat(tr.content()).doesNotContain("impact crater");
        assess(tr, "NO", "no crater on our imagery");
        awaitText(tr, "#case-state", "reconciling");
        assertThat(tr.locator(".side[data-contingent=RU] .assessment-text").innerText()).contains("impact crater");

        // TR's duty officer comments and records the dissent; both heads approve; TR's head publishes.
        Page trDuty = as("DUTY_OFFICER TR", "/case.html?id=" + dissentCase);
        trDuty.fill("#comment-text", "our imagery at 08:05 shows the road intact");
        trDuty.click("#comment-submit");
        awaitText(trDuty, "#comments", "road intact");
        trDuty.fill("#dissent-statement", "TR holds that no fire occurred");
        trDuty.click("#dissent-submit");
        awaitText(trDuty, "#case-state", "dissent recorded");
        for (String c : CaseServer.CONTINGENTS) {
            Page head = as("HEAD_OF_CONTINGENT " + c, "/case.html?id=" + dissentCase);
            head.click("#approve");
            awaitText(head, "#approvals", c);
            if (c.equals("TR")) {
                head.click("#publish");
                awaitText(head, "#case-state", "published");
            }
        }

        // The second case: both see a violation, the finding is agreed and published.
        for (String c : CaseServer.CONTINGENTS) {
            Page analyst = as("ANALYST " + c, "/case.html?id=" + agreedCase);
            assess(analyst, "YES", c + " saw the launch");
            awaitText(analyst, ".side[data-contingent=" + c + "] .slot-kind", "assessment");
        }
        for (String c : CaseServer.CONTINGENTS) {
            Page head = as("HEAD_OF_CONTINGENT " + c, "/case.html?id=" + agreedCase);
            awaitText(head, "#case-state", "finding agreed");
            head.click("#approve");
            awaitText(head, "#approvals", c);
            if (c.equals("RU")) continue;
            head.click("#publish");
            awaitText(head, "#case-state", "published");
        }

        // A liaison officer reads both on the findings page: the dissent with both positions side by side.
        Page liaison = as("LIAISON_OFFICER AZ", "/findings.html");
        Locator dissent = liaison.locator(".published[data-case-id='" + dissentCase + "']");
        dissent.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(TIMEOUT_MS));
        assertThat(dissent.locator(".position").count()).isEqualTo(2);
        assertThat(dissent.innerText()).contains("impact crater").contains("no crater on our imagery")
                .contains("TR holds that no fire occurred").doesNotContain("road intact");
        Locator agreed = liaison.locator(".published[data-case-id='" + agreedCase + "']");
        assertThat(agreed.locator(".outcome-verdict").innerText()).isEqualTo("Confirmed");
        assertThat(liaison.locator("#findings-count").innerText()).isEqualTo("2 published outcomes");
        // The day's joint report, public edition (the only one a liaison officer is offered), names the dissent.
        assertThat(liaison.locator("#report-edition").isVisible()).isFalse();
        liaison.fill("#report-date", "2020-11-20");
        Page report = liaison.waitForPopup(() -> liaison.click("#report-open"));
        report.waitForLoadState();
        assertThat(report.content()).contains("Daily joint report").contains(dissentCase);

        // The same page in Russian: the texts come from the bundle.
        Page ruPage = as("LIAISON_OFFICER AZ", "/findings.html?lang=ru");
        assertThat(ruPage.locator("#findings-count").innerText()).isEqualTo("Опубликовано итогов: 2");
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0} assesses, the case page of {1} shows it sealed")
    @CsvSource({"RU,TR", "TR,RU"})
    void theCasePageShowsTheOtherContingentsAssessmentSealed(String own, String other) {
        s.tc.advance(Duration.ofMinutes(30));
        String id = s.openCase(own.equals("RU") ? 39.70 : 39.65, 46.85);
        String secret = "larkspur" + own.toLowerCase(java.util.Locale.ROOT) + "gorge";
        assertThat(s.post("ANALYST " + own, "/api/cases/" + id + "/assessment",
                "{\"happened\":\"YES\",\"provision\":\"¶1\",\"text\":\"" + secret + "\"}").status()).isEqualTo(200);
        Page mine = as("ANALYST " + own, "/case.html?id=" + id);
        assertThat(mine.locator(".side[data-contingent=" + own + "] .assessment-text").innerText()).isEqualTo(secret);
        for (String viewer : List.of("ANALYST " + other, "HEAD_OF_CONTINGENT " + other)) {
            Page theirs = as(viewer, "/case.html?id=" + id);
            assertThat(theirs.locator(".side[data-contingent=" + own + "] .slot-kind").innerText()).isEqualTo("sealed (blind)");
            assertThat(theirs.content()).as(viewer).doesNotContain(secret);
        }
        Page auditor = as("AUDITOR", "/case.html?id=" + id);
        assertThat(auditor.locator(".side[data-contingent=" + own + "] .slot-kind").innerText())
                .isEqualTo("submitted, content sealed");
        assertThat(auditor.content()).doesNotContain(secret);
        for (String outsider : java.util.Arrays.asList(null, "LIAISON_OFFICER AM")) {
            Page desk = as(outsider, "/findings.html");
            assertThat(desk.content()).doesNotContain(secret).doesNotContain(id);
        }
    }

    @Test
    void theDeskFollowsCasesOpenedByThePipelineAndTheCasePageShowsWhoIsWorkingOnIt() {
        Page desk = as("ANALYST TR", "/desk.html?contingent=TR");
        // Opened as the pipeline opens every new incident's case: the open desk learns of it from the live feed.
        String id = s.openCase(39.65, 46.95);
        desk.waitForSelector("#queue a[data-case-id='" + id + "']", new Page.WaitForSelectorOptions().setTimeout(TIMEOUT_MS));

        Page analyst = as("ANALYST TR", "/case.html?id=" + id);
        awaitText(analyst, "#lock-holder", "Nobody of your contingent");
        analyst.click("#lock-take");
        awaitText(analyst, "#lock-holder", "You are working on this case");
        assertThat(analyst.locator("#lock-release").isVisible()).isTrue();

        Page duty = as("DUTY_OFFICER TR", "/case.html?id=" + id);
        String holder = TestAuthenticator.parse("ANALYST TR").userId();
        awaitText(duty, "#lock-holder", holder + " is working on this case");
        assertThat(duty.locator("#lock-take").isVisible()).as("a lock held by someone else is not taken over").isFalse();
        // The desk shows the holder too, updated live.
        awaitText(desk, "#queue", holder);
        // RU's desk knows nothing of TR's lock: locks are per contingent.
        Page ru = as("ANALYST RU", "/case.html?id=" + id);
        awaitText(ru, "#lock-holder", "Nobody of your contingent");

        analyst.click("#lock-release");
        awaitText(analyst, "#lock-holder", "Nobody of your contingent");
        assertThat(errors).isEmpty();
    }

    @Test
    void theDeskListsTheContingentsWorkAndTheAllegationsPageFilesOne() {
        String id = s.openCase(39.60, 46.90);
        Page desk = as("ANALYST TR", "/desk.html?contingent=TR");
        assertThat(desk.locator("#queue a[data-case-id='" + id + "']").count())
                .as("console %s; page %s", console, desk.locator("main").innerText()).isEqualTo(1);
        Page al = as("LIAISON_OFFICER AM", "/allegations.html");
        al.fill("#al-from", "2020-11-20T06:00:00Z");
        al.fill("#al-lat", "39.8");
        al.fill("#al-lon", "46.8");
        al.fill("#al-description", "mortar fire near the village");
        al.click("#al-submit");
        awaitText(al, "#allegations", "mortar fire near the village");
        assertThat(al.locator("#allegations tr").first().innerText()).contains("under review");
        assertThat(errors).isEmpty();
    }
}

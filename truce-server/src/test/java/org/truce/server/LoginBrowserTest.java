package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.accounts.Accounts;
import org.truce.accounts.Language;
import org.truce.cases.Role;
import org.truce.server.auth.AccountsHttp;

/**
 * Signing in through /login.html in a real browser (Debian's Chromium driven by Playwright, launched as in
 * {@link LiveMapBrowserTest}): the page posts the password, the server sets the cookie, the browser lands on the
 * live map in the account's language with the user in the header, and signs out again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBrowserTest {
    private static final double TIMEOUT_MS = 15_000;

    private final TestCenter tc = new TestCenter();
    private TruceServer server;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() {
        Path chromium = Path.of(System.getProperty("truce.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is needed for the sign-in browser test but " + chromium + " is missing. Install it with "
                    + "'apt-get update && apt-get install -y chromium' (CI does), or point -Dtruce.chromium=<path> at one.");
        }
        Accounts accounts = AccountsHttpTest.accounts(Fixtures.agreement(), new AtomicReference<>(Instant.now()));
        String contingent = Fixtures.agreement().contingents().getFirst().id().value();
        accounts.add("ana", "Ana Analyst", Role.ANALYST, Optional.of(contingent), Optional.empty(), Language.RU,
                AccountsHttpTest.PASSWORD.toCharArray());
        AccountsHttp http = new AccountsHttp(accounts, AccountsHttp.Config.defaults(), java.time.InstantSource.system(),
                new SplittableRandom(3));
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withAuthenticator(http).withModule(http));
        server.start(0);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(LiveMapBrowserTest.CHROMIUM_ARGS));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.stop();
    }

    private Page page(BrowserContext context, List<String> errors) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        page.onPageError(errors::add);
        return page;
    }

    @Test
    void signingInLandsOnTheMapInTheAccountsLanguageAndSigningOutReturnsToThePublic() {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = page(context, errors);
            page.navigate(server.uri().resolve("/login.html?next=%2F").toString());
            page.waitForSelector("body[data-ready=true]");
            assertThat(page.locator("#sign-in").innerText()).isEqualTo("Sign in");
            assertThat(page.title()).isEqualTo("Sign in — Truce");

            page.locator("#user").fill("ana");
            page.locator("#password").fill(AccountsHttpTest.PASSWORD);
            page.locator("#sign-in").click();
            page.waitForURL(server.uri().toString());
            page.waitForSelector("body[data-ready=true]");
            page.waitForSelector("#session-user");
            // The account prefers Russian: the map now speaks it, and the header names the user and role.
            assertThat(page.locator("#session-user").innerText()).isEqualTo("Ana Analyst · аналитик");
            assertThat(page.locator("#sign-out").innerText()).isEqualTo("Выйти");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ru");

            Cookie cookie = context.cookies().stream().filter(c -> c.name.equals(AccountsHttp.COOKIE)).findFirst().orElseThrow();
            assertThat(cookie.httpOnly).isTrue();
            assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.STRICT);
            assertThat(page.evaluate("document.cookie")).asString().doesNotContain(AccountsHttp.COOKIE);

            page.locator("#sign-out").click();
            page.waitForSelector("#sign-in-link");
            assertThat(context.cookies().stream().map(c -> c.name)).doesNotContain(AccountsHttp.COOKIE);
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void aWrongPasswordStaysOnThePageWithAMessage() {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("tr-TR"))) {
            Page page = page(context, errors);
            page.navigate(server.uri().resolve("/login.html").toString());
            page.waitForSelector("body[data-ready=true]");
            page.locator("#user").fill("ana");
            page.locator("#password").fill("not the password at all");
            page.locator("#sign-in").click();
            page.waitForSelector("#login-message:has-text('Kullanıcı adı veya parola yanlış.')");
            assertThat(page.url()).contains("/login.html");
            assertThat(page.locator("#password").inputValue()).isEmpty();
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void thePublicSeesTheMapWithASignInLink() {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = page(context, errors);
            page.navigate(server.uri().toString());
            page.waitForSelector("body[data-ready=true]");
            page.waitForSelector("#sign-in-link");
            assertThat(page.locator("#sign-in-link").innerText()).isEqualTo("Sign in");
            assertThat(page.locator("#sign-in-link").getAttribute("href")).isEqualTo("/login.html?next=%2F");
        }
        assertThat(errors).isEmpty();
    }
}

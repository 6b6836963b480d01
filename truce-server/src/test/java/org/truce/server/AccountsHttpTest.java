package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.accounts.Accounts;
import org.truce.accounts.Language;
import org.truce.accounts.memory.InMemoryAccountRepository;
import org.truce.accounts.memory.InMemoryApiTokenRepository;
import org.truce.agreement.Agreement;
import org.truce.cases.Principal;
import org.truce.cases.Role;
import org.truce.server.auth.AccountsHttp;
import org.truce.server.auth.Argon2idHasher;
import org.truce.server.auth.LoginThrottle;
import org.truce.server.auth.RequestPrincipal;

/** Sign-in, sessions, CSRF, throttling and API tokens over real HTTP against a started server. */
class AccountsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-02-01T09:00:00Z"));
    private final Agreement agreement = Fixtures.agreement();
    private final String contingent = agreement.contingents().getFirst().id().value();
    private Accounts accounts;
    private AccountsHttp http;
    private TruceServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Accounts on a cheap Argon2id (tests only) and an in-memory store; one analyst {@code ana}. */
    static Accounts accounts(Agreement agreement, AtomicReference<Instant> now) {
        return new Accounts(agreement, new InMemoryAccountRepository(), new InMemoryApiTokenRepository(),
                new Argon2idHasher(new Argon2idHasher.Params(1024, 1, 1)), now::get, new SplittableRandom(11));
    }

    @BeforeEach
    void start() {
        accounts = accounts(agreement, now);
        accounts.add("ana", "Ana Analyst", Role.ANALYST, Optional.of(contingent), Optional.empty(), Language.RU,
                PASSWORD.toCharArray());
        AccountsHttp.Config config = new AccountsHttp.Config(Duration.ofMinutes(30), Duration.ofHours(12), false,
                new LoginThrottle.Config(3, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(1)));
        http = new AccountsHttp(accounts, config, now::get, new SplittableRandom(5));
        server = new TruceServer(new TestCenter().center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withAuthenticator(http).withModule(http).withModule(new ServerModule() {
                    @Override
                    public void register(io.javalin.Javalin app) {
                        app.get("/api/test/whoami", ctx -> ctx.result(describe(RequestPrincipal.of(ctx))));
                        app.post("/api/test/whoami", ctx -> ctx.result(describe(RequestPrincipal.of(ctx))));
                    }

                    @Override
                    public java.util.Map<Route, org.truce.server.auth.Access> access() {
                        // a test echo of the principal: open to all, so every sign-in state can be asked
                        return java.util.Map.of(new Route("GET", "/api/test/whoami"), org.truce.server.auth.Access.PUBLIC,
                                new Route("POST", "/api/test/whoami"), org.truce.server.auth.Access.PUBLIC);
                    }
                }));
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String describe(Principal p) {
        return p.userId() + "/" + p.role() + p.contingent().map(c -> "/" + c).orElse("");
    }

    record Answer(int status, JsonNode json, String body, HttpResponse<String> raw) {
        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (headers.length > 0) b.headers(headers);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = JSON.readTree(r.body());
            } catch (IOException notJson) {
                // plain text answers of the test endpoint
            }
            return new Answer(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer signIn(String user, String password, String... headers) {
        return send("POST", "/api/session", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}", headers);
    }

    /** Signs {@code ana} in and returns {cookie header value, csrf token}. */
    private String[] session() {
        Answer a = signIn("ana", PASSWORD);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        String setCookie = a.header("Set-Cookie").orElseThrow();
        return new String[] {setCookie.substring(0, setCookie.indexOf(';')), a.json().path("csrf").asText()};
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieAndTheSessionSaysWhoIsSignedIn() {
        Answer a = signIn("ana", PASSWORD);
        assertThat(a.status()).isEqualTo(200);
        String cookie = a.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("truce_session=").contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure");
        assertThat(a.json().path("user").asText()).isEqualTo("ana");
        assertThat(a.json().path("role").asText()).isEqualTo("ANALYST");
        assertThat(a.json().path("contingent").asText()).isEqualTo(contingent);
        assertThat(a.json().has("party")).isFalse();
        assertThat(a.json().path("lang").asText()).isEqualTo("ru");
        assertThat(a.json().path("csrf").asText()).hasSizeGreaterThan(40);

        String c = cookie.substring(0, cookie.indexOf(';'));
        Answer me = send("GET", "/api/session", null, "Cookie", c);
        assertThat(me.json().path("signedIn").asBoolean()).isTrue();
        assertThat(me.json().path("name").asText()).isEqualTo("Ana Analyst");
        assertThat(me.json().path("csrf").asText()).isEqualTo(a.json().path("csrf").asText());
        assertThat(send("GET", "/api/test/whoami", null, "Cookie", c).body()).isEqualTo("ana/ANALYST/" + contingent);

        Answer anonymous = send("GET", "/api/session", null);
        assertThat(anonymous.json().path("signedIn").asBoolean()).isFalse();
        assertThat(anonymous.json().path("role").asText()).isEqualTo("PUBLIC");
        assertThat(send("GET", "/api/test/whoami", null).body()).isEqualTo("public/PUBLIC");
    }

    @Test
    void theCookieIsSecureBehindTls() {
        Answer a = signIn("ana", PASSWORD, "X-Forwarded-Proto", "https");
        assertThat(a.header("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Answer wrong = signIn("ana", "not the password");
        Answer unknown = signIn("nobody", PASSWORD);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(wrong.json().path("detail").asText()).isEqualTo(unknown.json().path("detail").asText())
                .isEqualTo("wrong user or password");
        assertThat(wrong.header("Set-Cookie")).isEmpty();
        Answer malformed = send("POST", "/api/session", "{\"user\":\"ana\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("parameter").asText()).isEqualTo("$.password");
    }

    @Test
    void signOutEndsTheSession() {
        String[] s = session();
        Answer out = send("DELETE", "/api/session", null, "Cookie", s[0], "X-CSRF-Token", s[1]);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(send("GET", "/api/test/whoami", null, "Cookie", s[0]).body()).isEqualTo("public/PUBLIC");
    }

    @Test
    void aDisabledAccountLosesItsSessionAndTokensAtOnceAndCannotSignIn() {
        String[] s = session();
        String token = accounts.issueToken("ana").token();
        assertThat(send("GET", "/api/test/whoami", null, "Authorization", "Bearer " + token).body()).startsWith("ana/");
        accounts.disable("ana");
        assertThat(send("GET", "/api/test/whoami", null, "Cookie", s[0]).body()).isEqualTo("public/PUBLIC");
        assertThat(send("GET", "/api/test/whoami", null, "Authorization", "Bearer " + token).status()).isEqualTo(401);
        Answer again = signIn("ana", PASSWORD);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().path("detail").asText()).isEqualTo("wrong user or password");
    }

    @Test
    void sessionsExpireWhenIdleAndAfterTheAbsoluteTimeout() {
        String[] s = session();
        now.set(now.get().plus(Duration.ofMinutes(29)));
        assertThat(send("GET", "/api/test/whoami", null, "Cookie", s[0]).body()).startsWith("ana/");
        now.set(now.get().plus(Duration.ofMinutes(30)));
        Answer idle = send("GET", "/api/test/whoami", null, "Cookie", s[0]);
        assertThat(idle.body()).isEqualTo("public/PUBLIC");
        assertThat(idle.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");

        String[] busy = session();
        for (int i = 0; i < 24; i++) { // used every 29 minutes: never idle, but 12 h after sign-in it ends
            now.set(now.get().plus(Duration.ofMinutes(29)));
            String who = send("GET", "/api/test/whoami", null, "Cookie", busy[0]).body();
            assertThat(who).as("after %d x 29 min", i + 1).isEqualTo((i + 1) * 29 < 12 * 60 ? "ana/ANALYST/" + contingent : "public/PUBLIC");
        }
    }

    @Test
    void unsafeRequestsOnTheCookieNeedTheSessionsCsrfToken() {
        String[] s = session();
        Answer missing = send("POST", "/api/test/whoami", "{}", "Cookie", s[0]);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().path("type").asText()).isEqualTo("urn:truce:problem:csrf-rejected");
        assertThat(missing.json().path("detail").asText()).contains("X-CSRF-Token");
        Answer wrong = send("POST", "/api/test/whoami", "{}", "Cookie", s[0], "X-CSRF-Token", s[1] + "x");
        assertThat(wrong.status()).isEqualTo(403);
        Answer right = send("POST", "/api/test/whoami", "{}", "Cookie", s[0], "X-CSRF-Token", s[1]);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).startsWith("ana/");
        assertThat(send("DELETE", "/api/session", null, "Cookie", s[0]).status()).isEqualTo(403);
        // Reads need no token.
        assertThat(send("GET", "/api/test/whoami", null, "Cookie", s[0]).status()).isEqualTo(200);
    }

    @Test
    void signInFromAnotherSiteIsRefused() {
        Answer cross = signIn("ana", PASSWORD, "Origin", "https://evil.example");
        assertThat(cross.status()).isEqualTo(403);
        assertThat(cross.header("Set-Cookie")).isEmpty();
        assertThat(signIn("ana", PASSWORD, "Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);
        String own = server.uri().toString().replaceAll("/$", "");
        assertThat(signIn("ana", PASSWORD, "Origin", own, "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresGetA429WithRetryAfterThatNeverTellsWhetherTheUserExists() {
        for (String user : List.of("ana", "ghost")) {
            for (int i = 0; i < 3; i++) assertThat(signIn(user, "wrong password").status()).isEqualTo(401);
            assertThat(signIn(user, "wrong password").status()).as("the 4th failure locks").isEqualTo(401);
            Answer locked = signIn(user, PASSWORD);
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.header("Retry-After")).contains("2");
            assertThat(locked.json().path("detail").asText()).isEqualTo("too many failed sign-ins; try again in 2 s");
        }
        now.set(now.get().plus(Duration.ofSeconds(2)));
        assertThat(signIn("ana", PASSWORD).status()).as("after the wait the right password works").isEqualTo(200);
        // The success reset the count: three more failures before the next lockout.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) statuses.add(signIn("ana", "wrong password").status());
        statuses.add(signIn("ana", PASSWORD).status());
        assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
    }

    @Test
    void apiTokensAuthenticateScriptsWithoutCsrf() {
        String token = accounts.issueToken("ana").token();
        Answer post = send("POST", "/api/test/whoami", "{}", "Authorization", "Bearer " + token);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.body()).isEqualTo("ana/ANALYST/" + contingent);
        Answer me = send("GET", "/api/session", null, "Authorization", "Bearer " + token);
        assertThat(me.json().path("user").asText()).isEqualTo("ana");
        assertThat(me.json().has("csrf")).isFalse();
        Answer bad = send("GET", "/api/test/whoami", null, "Authorization", "Bearer truce_nonsense");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(send("GET", "/api/test/whoami", null, "Authorization", "Basic YTpi").status()).isEqualTo(401);
        // Ingest checks assets' tokens itself: a person's token there is just not an asset's.
        assertThat(send("POST", "/api/ingest/observations", "[]", "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }
}

package org.truce.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.truce.accounts.Account;
import org.truce.accounts.Accounts;
import org.truce.cases.Principal;
import org.truce.server.ServerModule;
import org.truce.server.api.ApiJson;
import org.truce.server.api.ProblemException;
import org.truce.server.api.ProblemType;

/**
 * Sign-in for people: the {@link Authenticator} that turns a session cookie or an API token into the account's
 * {@link Principal}, and the {@link ServerModule} with {@code POST/GET/DELETE /api/session}.
 *
 * <ul>
 *   <li>Session cookie {@code truce_session}: HttpOnly, SameSite=Strict, Path=/, Secure when the request came over
 *       TLS (directly or per {@code X-Forwarded-Proto}) or {@link Config#secureCookies()} says so. Sessions live in
 *       memory ({@link Sessions}) with idle and absolute timeouts.</li>
 *   <li>CSRF: an unsafe request (POST, PUT, PATCH, DELETE) authenticated by the cookie must carry
 *       {@code X-CSRF-Token} equal to its session's token, else 403. Sign-in itself is refused when the browser
 *       says it comes from another site ({@code Origin}, {@code Sec-Fetch-Site}).</li>
 *   <li>{@code Authorization: Bearer <API token>} authenticates scripts; no CSRF token needed. Ingest endpoints
 *       ({@code /api/ingest/...}) carry assets' tokens in that header and check them themselves, so they are
 *       left alone here.</li>
 *   <li>Failed sign-ins are throttled ({@link LoginThrottle}): 429 with {@code Retry-After}.</li>
 *   <li>The account is read on every request, so a disabled account's sessions and tokens stop at once.</li>
 * </ul>
 * Thread-safe.
 */
public final class AccountsHttp implements Authenticator, ServerModule {
    /** Name of the session cookie. */
    public static final String COOKIE = "truce_session";
    /** Header that carries the session's CSRF token on unsafe requests. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String ACCOUNT_KEY = "truce.account";
    private static final String SESSION_KEY = "truce.session";
    private static final String INGEST_PREFIX = "/api/ingest/";

    /**
     * Tunables.
     *
     * @param idleTimeout     a session unused this long ends (default 30 min)
     * @param absoluteTimeout a session ends this long after sign-in whatever its use (default 12 h)
     * @param secureCookies   always mark the cookie Secure, e.g. behind a TLS proxy that sends no
     *                        {@code X-Forwarded-Proto} (default false: Secure only on requests that came over TLS)
     * @param throttle        failed sign-in throttling
     */
    public record Config(Duration idleTimeout, Duration absoluteTimeout, boolean secureCookies,
                         LoginThrottle.Config throttle) {
        public Config {
            Objects.requireNonNull(idleTimeout);
            Objects.requireNonNull(absoluteTimeout);
            Objects.requireNonNull(throttle);
        }

        public static Config defaults() {
            return new Config(Duration.ofMinutes(30), Duration.ofHours(12), false, LoginThrottle.Config.defaults());
        }
    }

    private final Accounts accounts;
    private final Config config;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    /**
     * @param clock  real time (never a simulated clock: sessions expire in the users' time)
     * @param random a cryptographically strong generator outside tests
     */
    public AccountsHttp(Accounts accounts, Config config, InstantSource clock, RandomGenerator random) {
        this.accounts = Objects.requireNonNull(accounts);
        this.config = Objects.requireNonNull(config);
        this.sessions = new Sessions(config.idleTimeout(), config.absoluteTimeout(), clock, random);
        this.throttle = new LoginThrottle(config.throttle(), clock);
    }

    /** The live sessions, e.g. to end a disabled user's at once. */
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public Principal authenticate(Context ctx) {
        if (ctx.path().startsWith(INGEST_PREFIX)) return Principal.anonymous();
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) return bearer(ctx, authorization.strip());
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) return Principal.anonymous();
        Optional<Sessions.Session> session = sessions.use(cookie);
        Optional<Account> account = session.flatMap(s -> accounts.find(s.userId())).filter(a -> !a.disabled());
        if (account.isEmpty()) {
            // Expired, signed out, restarted or disabled: the request goes on as the public, and the stale cookie goes.
            session.ifPresent(s -> sessions.close(s.id()));
            clearCookie(ctx);
            return Principal.anonymous();
        }
        boolean signIn = ctx.method().name().equals("POST") && ctx.path().equals("/api/session");
        if (UNSAFE.contains(ctx.method().name()) && !signIn && !sameSecret(ctx.header(CSRF_HEADER), session.get().csrf())) {
            throw new ProblemException(ProblemType.CSRF_REJECTED, ctx.header(CSRF_HEADER) == null
                    ? "this " + ctx.method() + " is signed in by the session cookie but carries no " + CSRF_HEADER
                    + " header; send the csrf value of GET /api/session"
                    : "the " + CSRF_HEADER + " header does not match this session's token; read it again from GET /api/session",
                    Optional.of(CSRF_HEADER));
        }
        ctx.attribute(ACCOUNT_KEY, account.get());
        ctx.attribute(SESSION_KEY, session.get());
        return account.get().principal();
    }

    private Principal bearer(Context ctx, String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"truce\"");
            throw ProblemException.unauthorized("the Authorization header must be 'Bearer <API token>' (truce users token)");
        }
        Optional<Account> account = accounts.byToken(authorization.substring(space + 1).strip());
        if (account.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"truce\", error=\"invalid_token\"");
            throw ProblemException.unauthorized("the API token is unknown, or its account is disabled");
        }
        ctx.attribute(ACCOUNT_KEY, account.get());
        return account.get().principal();
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/session", this::signIn);
        app.get("/api/session", this::whoAmI);
        app.delete("/api/session", this::signOut);
    }

    private void signIn(Context ctx) {
        refuseCrossSite(ctx);
        JsonNode body;
        try {
            body = ApiJson.mapper().readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw ProblemException.malformedBody("the body is not JSON: " + e.getOriginalMessage(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
        } catch (java.io.IOException e) {
            throw ProblemException.malformedBody("the body cannot be read: " + e.getMessage(), 0, 0);
        }
        if (body == null || !body.isObject()) throw ProblemException.badBody("$", "the body must be {\"user\": ..., \"password\": ...}");
        String user = text(body, "user");
        char[] password = text(body, "password").toCharArray();
        String address = ctx.ip();
        try {
            Optional<Duration> wait = throttle.retryAfter(user, address);
            if (wait.isPresent()) throw tooMany(ctx, wait.get());
            Optional<Account> account = accounts.signIn(user, password);
            if (account.isEmpty()) {
                throttle.failed(user, address);
                throw ProblemException.unauthorized("wrong user or password");
            }
            throttle.succeeded(user);
            Sessions.Session old = ctx.attribute(SESSION_KEY);
            if (old != null) sessions.close(old.id()); // a new id at every sign-in: no session fixation
            Sessions.Session session = sessions.open(account.get().userId());
            setCookie(ctx, session.id());
            ctx.json(view(account.get(), Optional.of(session)));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void whoAmI(Context ctx) {
        Account account = ctx.attribute(ACCOUNT_KEY);
        Sessions.Session session = ctx.attribute(SESSION_KEY);
        ctx.header("Cache-Control", "no-store");
        ctx.json(account == null ? SessionView.of(RequestPrincipal.of(ctx)) : view(account, Optional.ofNullable(session)));
    }

    private void signOut(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION_KEY);
        if (session != null) sessions.close(session.id());
        clearCookie(ctx);
        ctx.json(SessionView.of(Principal.anonymous()));
    }

    private static SessionView view(Account a, Optional<Sessions.Session> session) {
        return new SessionView(true, a.userId(), Optional.of(a.displayName()), a.role(), a.contingent(), a.party(),
                Optional.of(a.language().code()), session.map(Sessions.Session::csrf));
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw ProblemException.badBody("$." + field, "'" + field + "' must be a non-empty string");
        }
        return n.asText();
    }

    private static ProblemException tooMany(Context ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return new ProblemException(ProblemType.TOO_MANY_SIGN_INS,
                "too many failed sign-ins; try again in " + seconds + " s", Optional.empty());
    }

    /** The browser says where a request comes from; a sign-in from another site is a login-CSRF attempt. */
    private static void refuseCrossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            throw new ProblemException(ProblemType.CSRF_REJECTED, "sign-in from another site is refused", Optional.empty());
        }
        String origin = ctx.header("Origin");
        if (origin == null) return;
        String host = ctx.header("Host");
        String originHost;
        try {
            URI u = URI.create(origin);
            originHost = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (originHost == null || host == null || !stripDefaultPort(originHost).equalsIgnoreCase(stripDefaultPort(host))) {
            throw new ProblemException(ProblemType.CSRF_REJECTED, "sign-in from origin " + origin
                    + " is refused: only pages of this server may sign in", Optional.of("Origin"));
        }
    }

    private static String stripDefaultPort(String hostPort) {
        return hostPort.replaceFirst(":(80|443)$", "");
    }

    private static boolean sameSecret(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private void setCookie(Context ctx, String id) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    private void clearCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    private String secure(Context ctx) {
        boolean tls = config.secureCookies() || "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return tls ? "; Secure" : "";
    }
}

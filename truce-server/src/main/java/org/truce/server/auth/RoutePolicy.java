package org.truce.server.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.truce.cases.Principal;
import org.truce.cases.Role;
import org.truce.server.Route;
import org.truce.server.api.ProblemException;

/**
 * The one route-access policy of the whole server: for every route, who may call it ({@link Access}). The
 * {@link #filter} runs before every handler and refuses a caller the table does not admit: 401 when nobody is
 * signed in, 403 otherwise. A registered route missing from the table is refused to everyone (fail closed), and
 * the authorization matrix test fails on it, so a new endpoint cannot ship without a decision here.
 *
 * <p>Requests that match no registered route (static pages, unknown paths) pass: the pages are public and fetch
 * their data through routes listed here. Stateless apart from the immutable table; thread-safe.
 */
public final class RoutePolicy {
    /** OGC collections that hold only published material, open to the public in either {@link OperationalData} mode. */
    public static final Set<String> PUBLISHED_COLLECTIONS = Set.of("zones", "findings");
    /** OGC collections the center shares with every signed-in principal ({@link Access#SHARED}). */
    public static final Set<String> SHARED_COLLECTIONS = Set.of("flight-plans");

    private static final Map<Route, Access> TABLE = table();

    private final OperationalData operational;
    private final Map<Route, Access> extra;

    public RoutePolicy(OperationalData operational) {
        this(operational, Map.of());
    }

    /**
     * @param extra entries for routes the table does not know (a module's own, see
     *              {@code ServerModule.access()}); one that the table already decides is refused, so no route
     *              has two answers
     */
    public RoutePolicy(OperationalData operational, Map<Route, Access> extra) {
        this.operational = Objects.requireNonNull(operational);
        for (Route r : extra.keySet()) {
            if (TABLE.containsKey(r)) throw new IllegalArgumentException(r + " is already in the server's access table");
        }
        this.extra = Map.copyOf(extra);
    }

    /** The access of {@code route} in this server: the table's, else a module's. */
    public Optional<Access> access(Route route) {
        return Optional.ofNullable(TABLE.getOrDefault(route, extra.get(route)));
    }

    /** Every route's entry, in a stable order. */
    public static Map<Route, Access> entries() {
        return TABLE;
    }

    /** The entry of {@code route}, if it has one. */
    public static Optional<Access> of(Route route) {
        return Optional.ofNullable(TABLE.get(route));
    }

    private static Map<Route, Access> table() {
        Map<Route, Access> t = new LinkedHashMap<>();
        // What anyone may read: the published agreement and map, the transparency log, the API description.
        put(t, "GET", "/openapi.json", Access.PUBLIC);
        put(t, "GET", "/api/agreement", Access.PUBLIC);
        put(t, "GET", "/api/zones", Access.PUBLIC);
        put(t, "GET", "/api/clock", Access.PUBLIC);
        put(t, "GET", "/api/log/checkpoint", Access.PUBLIC);
        put(t, "GET", "/api/log/entries/{index}", Access.PUBLIC);
        put(t, "GET", "/api/log/consistency", Access.PUBLIC);
        // Operational data: what the sensors saw and what the rules raised.
        put(t, "GET", "/api/assets", Access.OPERATIONAL);
        put(t, "GET", "/api/assets/{id}", Access.OPERATIONAL);
        put(t, "GET", "/api/assets/{id}/health", Access.OPERATIONAL);
        put(t, "GET", "/api/observations", Access.OPERATIONAL);
        put(t, "GET", "/api/observations/{id}", Access.OPERATIONAL);
        put(t, "GET", "/api/incidents", Access.OPERATIONAL);
        put(t, "GET", "/api/incidents/{id}", Access.OPERATIONAL);
        put(t, "GET", "/api/tracks", Access.OPERATIONAL);
        put(t, "GET", "/api/coverage", Access.OPERATIONAL);
        put(t, "GET", "/api/coverage/summary", Access.OPERATIONAL);
        put(t, "GET", "/api/events", Access.OPERATIONAL);
        put(t, "GET", "/metrics", Access.OPERATIONAL);
        // The implementation tracker: its evidence is incidents and coverage, so it is operational data too.
        put(t, "GET", "/api/provisions", Access.OPERATIONAL);
        put(t, "GET", "/api/provisions/{id}", Access.OPERATIONAL);
        // The daily report: the public edition is published material, the restricted one is not.
        put(t, "GET", "/api/reports/daily/{date}", Access.PUBLIC);
        put(t, "GET", "/api/reports/daily/{date}/restricted", Access.STAFF_OR_AUDITOR);
        // Flight plans: each contingent files its own drones' (the handler checks the asset's owner); both
        // contingents, auditors and the parties' liaison officers read them (deconfliction, transparency).
        put(t, "GET", "/api/flight-plans", Access.SHARED);
        put(t, "GET", "/api/flight-plans/{id}", Access.SHARED);
        put(t, "POST", "/api/flight-plans", Access.STAFF);
        put(t, "POST", "/api/flight-plans/{id}/cancel", Access.STAFF);
        // Sensors authenticate with their asset token inside the handler.
        put(t, "POST", "/api/ingest/observations", Access.ASSET_TOKEN);
        put(t, "POST", "/api/ingest/geojson", Access.ASSET_TOKEN);
        // OGC API - Features: the landing page and the list are public, each collection as it holds.
        put(t, "GET", "/ogc", Access.PUBLIC);
        put(t, "GET", "/ogc/conformance", Access.PUBLIC);
        put(t, "GET", "/ogc/api", Access.PUBLIC);
        put(t, "GET", "/ogc/collections", Access.PUBLIC);
        put(t, "GET", "/ogc/collections/{collectionId}", Access.COLLECTION);
        put(t, "GET", "/ogc/collections/{collectionId}/items", Access.COLLECTION);
        put(t, "GET", "/ogc/collections/{collectionId}/items/{featureId}", Access.COLLECTION);
        // Sign-in: everyone must be able to reach it.
        put(t, "GET", "/api/session", Access.PUBLIC);
        put(t, "POST", "/api/session", Access.PUBLIC);
        put(t, "DELETE", "/api/session", Access.PUBLIC);
        // Cases: anyone may ask; Visibility shows the public published cases only.
        put(t, "GET", "/api/cases", Access.PUBLIC);
        put(t, "GET", "/api/cases/{id}", Access.PUBLIC);
        put(t, "POST", "/api/cases", Access.STAFF);
        put(t, "POST", "/api/cases/deadlines", Access.STAFF);
        for (String step : List.of("assessment", "comments", "proposal", "proposal/accept", "dissent", "approval", "publish")) {
            put(t, "POST", "/api/cases/{id}/" + step, Access.STAFF);
        }
        put(t, "PUT", "/api/cases/{id}/lock", Access.STAFF);
        put(t, "DELETE", "/api/cases/{id}/lock", Access.STAFF);
        put(t, "GET", "/api/desk/{contingent}", Access.STAFF);
        put(t, "GET", "/api/roster", Access.STAFF_OR_AUDITOR);
        put(t, "PUT", "/api/roster/{contingent}", Access.STAFF);
        // Allegations: filed by liaison officers, read by their party, staff and auditors.
        put(t, "GET", "/api/allegations", Access.SIGNED_IN);
        put(t, "POST", "/api/allegations", Access.LIAISON);
        put(t, "POST", "/api/allegations/import", Access.LIAISON);
        put(t, "POST", "/api/allegations/review", Access.STAFF);
        put(t, "GET", "/api/allegations/{id}", Access.SIGNED_IN);
        put(t, "GET", "/api/parties/{party}/notifications", Access.SIGNED_IN);
        put(t, "GET", "/api/audit", Access.AUDITOR);
        return Collections.unmodifiableMap(t);
    }

    private static void put(Map<Route, Access> t, String method, String path, Access a) {
        if (t.put(new Route(method, path), a) != null) throw new IllegalStateException("two entries for " + method + " " + path);
    }

    /** True if {@code who} may call a route with {@code access}; {@code pathParams} are the route's placeholders. */
    public boolean permits(Access access, Principal who, Map<String, String> pathParams) {
        Role r = who.role();
        return switch (access) {
            case PUBLIC, ASSET_TOKEN -> true;
            case OPERATIONAL -> operational == OperationalData.PUBLIC || r.isStaff() || r == Role.AUDITOR;
            case SHARED -> operational == OperationalData.PUBLIC || r != Role.PUBLIC;
            case COLLECTION -> permits(collectionAccess(pathParams.getOrDefault("collectionId", "")), who, pathParams);
            case SIGNED_IN -> r != Role.PUBLIC;
            case STAFF -> r.isStaff();
            case STAFF_OR_AUDITOR -> r.isStaff() || r == Role.AUDITOR;
            case AUDITOR -> r == Role.AUDITOR;
            case LIAISON -> r == Role.LIAISON_OFFICER;
        };
    }

    /** Who may read OGC collection {@code id}: public, shared or operational (never {@link Access#COLLECTION}). */
    public static Access collectionAccess(String id) {
        if (PUBLISHED_COLLECTIONS.contains(id)) return Access.PUBLIC;
        return SHARED_COLLECTIONS.contains(id) ? Access.SHARED : Access.OPERATIONAL;
    }

    /**
     * The before-handler enforcing the table over the server's routes ({@code routes} is read per request, so
     * modules registered later are covered). Must run after the {@link Authenticator}.
     */
    public Handler filter(Supplier<List<Route>> routes) {
        return ctx -> {
            Optional<Match> m = match(routes.get(), ctx.method().name(), normalise(ctx.path()));
            if (m.isEmpty()) return;
            Principal who = RequestPrincipal.of(ctx);
            Access access = access(m.get().route()).orElse(null);
            if (access == null) {
                throw ProblemException.forbidden(m.get().route().method() + " " + m.get().route().path()
                        + " has no entry in the server's access policy, so nobody may call it");
            }
            if (permits(access, who, m.get().params())) return;
            throw refusal(ctx, access == Access.COLLECTION
                    ? collectionAccess(m.get().params().getOrDefault("collectionId", "")) : access, who);
        };
    }

    /** The path as the router sees it: no repeated or trailing slashes (the router ignores them too). */
    static String normalise(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static ProblemException refusal(Context ctx, Access access, Principal who) {
        String what = ctx.method() + " " + ctx.path();
        String needs = switch (access) {
            case OPERATIONAL, COLLECTION -> "staff or an auditor (this center keeps operational data to them)";
            case SIGNED_IN -> "a signed-in user";
            case SHARED -> "a signed-in user (this center shares flight plans with its staff, auditors and the "
                    + "parties' liaison officers)";
            case STAFF -> "staff of a contingent";
            case STAFF_OR_AUDITOR -> "staff of a contingent or an auditor";
            case AUDITOR -> "an auditor";
            case LIAISON -> "a party's liaison officer";
            case PUBLIC, ASSET_TOKEN -> "anyone";
        };
        if (who.role() == Role.PUBLIC) return ProblemException.unauthorized(what + " needs " + needs + "; sign in first");
        return ProblemException.forbidden(what + " needs " + needs + "; " + who.userId() + " is " + who.role());
    }

    /** A request matched to a registered route, with the placeholders' values. */
    public record Match(Route route, Map<String, String> params) {}

    /**
     * The registered route a request goes to: among the routes of its method whose pattern matches the path, the
     * one with the fewest placeholders (a literal segment wins over {@code {id}}, as in the router).
     */
    public static Optional<Match> match(List<Route> routes, String method, String path) {
        Match best = null;
        int bestVars = Integer.MAX_VALUE;
        for (Route r : routes) {
            if (!r.method().equalsIgnoreCase(method)) continue;
            List<String> names = new java.util.ArrayList<>();
            Matcher v = VAR.matcher(r.path());
            StringBuilder re = new StringBuilder();
            int last = 0;
            while (v.find()) {
                re.append(Pattern.quote(r.path().substring(last, v.start()))).append("([^/]+)");
                names.add(v.group(1));
                last = v.end();
            }
            re.append(Pattern.quote(r.path().substring(last)));
            Matcher m = Pattern.compile(re.toString()).matcher(path);
            if (!m.matches() || names.size() >= bestVars) continue;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) params.put(names.get(i), m.group(i + 1));
            best = new Match(r, params);
            bestVars = names.size();
        }
        return Optional.ofNullable(best);
    }

    private static final Pattern VAR = Pattern.compile("\\{(\\w+)}");
}

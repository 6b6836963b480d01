package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.truce.cases.CasePolicy;
import org.truce.cases.CaseServices;
import org.truce.rules.Incident;
import org.truce.server.auth.OperationalData;

/**
 * A started server with in-memory case services and the {@link TestAuthenticator}, over a {@link TestCenter}; the
 * agreement's contingents (RU, TR) and parties (AM, AZ) are those of scenarios/karabakh-2020.
 */
final class CaseServer implements AutoCloseable {
    static final List<String> CONTINGENTS = List.of("RU", "TR");
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestCenter tc = new TestCenter();
    final CaseServices services;
    final org.truce.airspace.FlightPlans flights;
    final TruceServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Every principal of the tests, as {@link TestAuthenticator} names them. */
    static final List<String> PEOPLE = List.of("ANALYST RU", "DUTY_OFFICER RU", "HEAD_OF_CONTINGENT RU", "ANALYST TR",
            "DUTY_OFFICER TR", "HEAD_OF_CONTINGENT TR", "LIAISON_OFFICER AM", "LIAISON_OFFICER AZ", "AUDITOR");

    CaseServer(OperationalData mode) {
        this(mode, false);
    }

    /**
     * @param accounts also serve sign-in (the accounts module): every one of {@link #PEOPLE} has an account, user id
     *                 as {@link TestAuthenticator#parse} names it and password {@link AccountsHttpTest#PASSWORD}; a
     *                 request with the test header still speaks for that header's principal
     */
    CaseServer(OperationalData mode, boolean accounts) {
        var agreement = Fixtures.agreement();
        services = org.truce.cases.memory.InMemoryCases.services(agreement, CasePolicy.defaults(agreement.parity()), (a, f, t) -> List.of(),
                tc.clock);
        ServerOptions options = ServerOptions.defaults().withTickInterval(Duration.ZERO).withCases(services)
                .withOperationalData(mode)
                .withModule(org.truce.server.provisions.ProvisionsModule.of(tc.center,
                        org.truce.implementation.ZoneCoverage.none(),
                        org.truce.implementation.ImplementationTracker.Config.defaults()))
                .withModule(new org.truce.server.reports.DailyReportModule(new org.truce.reports.daily.DailyReportBuilder.Sources(
                        agreement, tc.store.incidents(), tc.store.observations(), tc.store.assets(),
                        java.util.Optional.of(new org.truce.reports.daily.DailyReportBuilder.JointVerification(
                                services.cases(), services.allegationStore())),
                        new org.truce.ledger.memory.InMemoryLedgerStore()), tc.clock));
        flights = new org.truce.airspace.FlightPlans(new org.truce.airspace.memory.InMemoryFlightPlanRepository(),
                tc.store.assets()::find, tc.clock);
        options = options.withModule(new org.truce.server.airspace.FlightPlansModule(flights,
                org.truce.server.api.ApiJson.mapper()));
        TestAuthenticator test = new TestAuthenticator();
        if (accounts) {
            var store = AccountsHttpTest.accounts(agreement, new java.util.concurrent.atomic.AtomicReference<>(TestCenter.START));
            for (String who : PEOPLE) {
                var p = TestAuthenticator.parse(who);
                store.add(p.userId(), who, p.role(), p.contingent().map(c -> c.value()), p.party().map(x -> x.value()),
                        org.truce.accounts.Language.EN, AccountsHttpTest.PASSWORD.toCharArray());
            }
            var http = new org.truce.server.auth.AccountsHttp(store, org.truce.server.auth.AccountsHttp.Config.defaults(),
                    java.time.InstantSource.system(), new java.util.SplittableRandom(3));
            options = options.withModule(http).withAuthenticator(
                    ctx -> ctx.header(TestAuthenticator.HEADER) != null ? test.authenticate(ctx) : http.authenticate(ctx));
        } else {
            options = options.withAuthenticator(test);
        }
        server = new TruceServer(tc.center, options);
        server.start(0);
    }

    /** Raises a new ceasefire incident (a fire cue) and opens its case as the pipeline would; returns the case id. */
    String openCase(double lat, double lon) {
        int before = tc.store.incidents().all().size();
        tc.accept(tc.fire(lat, lon));
        List<Incident> all = tc.store.incidents().all();
        if (all.size() != before + 1) throw new AssertionError("expected one new incident, have " + all.size());
        Incident i = all.get(all.size() - 1);
        return services.casework().open(i).id().value();
    }

    /** A flight-plan filing for {@code asset} from 09:00 to 15:00 on the test day, as the API takes it. */
    static String filing(String asset) {
        return "{\"asset\":\"" + asset + "\",\"path\":{\"type\":\"LineString\",\"coordinates\":[[46.70,39.80],"
                + "[46.80,39.85],[46.85,39.90]]},\"from\":\"2020-11-20T09:00:00Z\",\"to\":\"2020-11-20T15:00:00Z\","
                + "\"minAltitudeM\":300,\"maxAltitudeM\":1500,\"purpose\":\"patrol, sector north\"}";
    }

    /** Files a plan for {@code asset} as {@code principal} through the API; returns its id. */
    String fileFlightPlan(String principal, String asset) {
        Response r = post(principal, "/api/flight-plans", filing(asset));
        if (r.status() != 201) throw new AssertionError("filing refused: " + r.status() + " " + r.body());
        return r.json().path("id").asText();
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Response get(String principal, String path) {
        return call(principal, "GET", path, null, null);
    }

    Response post(String principal, String path, String json) {
        return call(principal, "POST", path, "application/json", json);
    }

    /**
     * Sends a request as {@code principal} (a {@link TestAuthenticator} header value, null for the public). An event
     * stream is closed as soon as its status is known.
     */
    Response call(String principal, String method, String path, String contentType, String body) {
        // Concatenated, not resolved: a path such as //api/x must reach the server as written.
        java.net.URI uri = java.net.URI.create(server.uri().toString() + path.substring(1));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) b.header("Content-Type", contentType);
        if (principal != null) b.header(TestAuthenticator.HEADER, principal);
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            String text;
            try (InputStream in = r.body()) {
                text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Response(r.statusCode(), type, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}

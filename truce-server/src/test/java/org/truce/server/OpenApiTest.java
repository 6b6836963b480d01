package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The OpenAPI document served at /openapi.json describes exactly the registered routes, and is self-consistent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {
    private TruceServer server;
    private JsonNode doc;

    @BeforeAll
    void start() {
        // With the accounts, provisions and case modules: their endpoints are part of the documented API.
        TestCenter tc = new TestCenter();
        var agreement = Fixtures.agreement();
        var accounts = new org.truce.server.auth.AccountsHttp(AccountsHttpTest.accounts(Fixtures.agreement(),
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.EPOCH)),
                org.truce.server.auth.AccountsHttp.Config.defaults(), java.time.InstantSource.system(), new java.util.SplittableRandom(1));
        server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO)
                .withAuthenticator(accounts).withModule(accounts)
                .withModule(org.truce.server.provisions.ProvisionsModule.of(tc.center,
                        org.truce.implementation.ZoneCoverage.none(), org.truce.implementation.ImplementationTracker.Config.defaults()))
                .withModule(new org.truce.server.airspace.FlightPlansModule(new org.truce.airspace.FlightPlans(
                        new org.truce.airspace.memory.InMemoryFlightPlanRepository(), tc.store.assets()::find, tc.clock),
                        org.truce.server.api.ApiJson.mapper()))
                .withCases(org.truce.cases.memory.InMemoryCases.services(agreement,
                        org.truce.cases.CasePolicy.defaults(agreement.parity()), (a, f, t) -> List.of(), tc.clock)));
        server.start(0);
        var r = new Http(server.uri()).get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        doc = r.json();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void isAnOpenApi3Document() {
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
    }

    @Test
    void everyRegisteredRouteIsDescribed() {
        assertThat(server.routes()).hasSizeGreaterThanOrEqualTo(12);
        for (Route route : server.routes()) {
            JsonNode op = doc.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            assertThat(op.isObject()).as("%s %s in openapi.json", route.method(), route.path()).isTrue();
            List<String> success = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) success.add(code);
            });
            assertThat(success).as(route.toString()).isNotEmpty();
        }
    }

    @Test
    void everyDescribedOperationIsRegistered() {
        List<String> registered = server.routes().stream()
                .map(r -> r.method().toLowerCase(Locale.ROOT) + " " + r.path()).toList();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> assertThat(registered).contains(m + " " + p.getKey())));
    }

    @Test
    void pathParametersAreDeclaredAndEveryRefResolves() {
        Pattern placeholder = Pattern.compile("\\{(\\w+)}");
        doc.path("paths").fields().forEachRemaining(p -> {
            Matcher m = placeholder.matcher(p.getKey());
            while (m.find()) {
                String name = m.group(1);
                p.getValue().forEach(op -> {
                    List<String> declared = new ArrayList<>();
                    op.path("parameters").forEach(param -> declared.add(resolve(param).path("name").asText()
                            + "@" + resolve(param).path("in").asText()));
                    assertThat(declared).as(p.getKey()).contains(name + "@path");
                });
            }
        });
        List<String> refs = doc.findValuesAsText("$ref");
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void queryParametersMatchWhatTheServerAccepts() {
        // Every documented query parameter is accepted (no 'unknown parameter' problem) by its endpoint.
        Http http = new Http(server.uri());
        doc.path("paths").fields().forEachRemaining(p -> {
            if (p.getKey().contains("{") || p.getKey().equals("/api/events")) return;
            p.getValue().path("get").path("parameters").forEach(param -> {
                JsonNode def = resolve(param);
                if (!def.path("in").asText().equals("query")) return;
                var r = http.get(p.getKey() + "?" + def.path("name").asText() + "=%3F%3F");
                if (r.status() == 400) {
                    assertThat(r.json().path("detail").asText()).as(p.getKey()).doesNotContain("unknown query parameter");
                }
            });
        });
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? doc.at(node.path("$ref").asText().substring(1)) : node;
    }

}

package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.truce.server.auth.OperationalData;
import org.truce.server.auth.RoutePolicy;

/**
 * Every HTTP endpoint against every principal: analyst, duty officer and head of contingent of RU and of TR, the
 * liaison officers of AM and AZ, an auditor and the public, in both {@link OperationalData} modes. The test walks
 * {@link TruceServer#routes()} and fails on a route with no row here, so a new endpoint cannot ship without a
 * decided access rule. Sign-in is replaced by {@link TestAuthenticator}: this tests authorization only.
 *
 * <p>A row's expectation has one letter per principal, in {@link #PRINCIPALS} order: {@code A} allowed (the
 * request reached its handler: any status but 401, 403 or 5xx; a 404, 409 or 422 is the handler's answer about the
 * data), {@code F} 403, {@code U} 401, {@code N} 404 (hidden: the caller may not know it exists), {@code O}
 * operational data (everyone in mode PUBLIC; staff and auditors in mode STAFF_AND_AUDITORS, 401 for the public,
 * 403 for liaison officers), {@code S} shared (everyone in mode PUBLIC; every signed-in principal in mode
 * STAFF_AND_AUDITORS, 401 for the public), {@code *} anything (sign-in itself: its answer depends on credentials, not on a role).
 * One letter stands for all ten.
 */
class AuthorizationMatrixTest {
    static final List<String> PRINCIPALS = java.util.Arrays.asList(null, "ANALYST RU", "DUTY_OFFICER RU",
            "HEAD_OF_CONTINGENT RU", "ANALYST TR", "DUTY_OFFICER TR", "HEAD_OF_CONTINGENT TR", "LIAISON_OFFICER AM",
            "LIAISON_OFFICER AZ", "AUDITOR");

    /** One route: the request that exercises it and the expected outcome per principal. */
    record Row(String method, String path, String url, String contentType, String body, String expect) {}

    private static String assessment() {
        return "{\"happened\":\"YES\",\"provision\":\"¶1\",\"attribution\":\"AZ\",\"confidence\":0.9,"
                + "\"evidence\":[],\"text\":\"shelling seen\"}";
    }

    static List<Row> rows(String caseId, String incidentId, String allegationId, String flightPlanId) {
        List<Row> r = new ArrayList<>();
        get(r, "/openapi.json", "A");
        get(r, "/api/agreement", "A");
        get(r, "/api/zones", "A");
        get(r, "/api/clock", "A");
        get(r, "/api/log/checkpoint", "A");
        get(r, "/api/log/entries/{index}", "/api/log/entries/0", "A");
        get(r, "/api/log/consistency", "/api/log/consistency?first=1&second=2", "A");
        get(r, "/api/assets", "O");
        get(r, "/api/assets/{id}", "/api/assets/RU-UAV-01", "O");
        get(r, "/api/assets/{id}/health", "/api/assets/RU-UAV-01/health", "O");
        get(r, "/api/observations", "O");
        get(r, "/api/observations/{id}", "/api/observations/none", "O");
        get(r, "/api/incidents", "O");
        get(r, "/api/incidents/{id}", "/api/incidents/" + incidentId, "O");
        get(r, "/api/tracks", "O");
        get(r, "/api/coverage", "O");
        get(r, "/api/coverage/summary", "O");
        get(r, "/api/events", "O");
        get(r, "/metrics", "O");
        get(r, "/api/provisions", "O");
        get(r, "/api/provisions/{id}", "/api/provisions/%C2%B61", "O");
        // The public edition of the daily report is published material; the restricted one is not.
        get(r, "/api/reports/daily/{date}", "/api/reports/daily/2020-11-19", "A");
        get(r, "/api/reports/daily/{date}/restricted", "/api/reports/daily/2020-11-19/restricted", "UAAAAAAFFA");
        // Flight plans: read by everyone signed in; filed and cancelled by staff of the drone's own contingent only.
        get(r, "/api/flight-plans", "S");
        get(r, "/api/flight-plans/{id}", "/api/flight-plans/" + flightPlanId, "S");
        post(r, "/api/flight-plans", "/api/flight-plans", CaseServer.filing("RU-UAV-01"), "UAAAFFFFFF");
        post(r, "/api/flight-plans/{id}/cancel", "/api/flight-plans/" + flightPlanId + "/cancel", "{\"reason\":\"weather\"}",
                "UAAAFFFFFF");
        // Sensors carry their own asset token; no person's role opens ingest.
        r.add(new Row("POST", "/api/ingest/observations", "/api/ingest/observations", "application/json", "[]", "U"));
        r.add(new Row("POST", "/api/ingest/geojson", "/api/ingest/geojson", "application/json", "{}", "U"));
        get(r, "/ogc", "A");
        get(r, "/ogc/conformance", "A");
        get(r, "/ogc/api", "A");
        get(r, "/ogc/collections", "A");
        get(r, "/ogc/collections/{collectionId}", "/ogc/collections/incidents", "O");
        get(r, "/ogc/collections/{collectionId}/items", "/ogc/collections/tracks/items", "O");
        get(r, "/ogc/collections/{collectionId}/items/{featureId}", "/ogc/collections/incidents/items/" + incidentId, "O");
        get(r, "/api/session", "*");
        r.add(new Row("POST", "/api/session", "/api/session", "application/json", "{}", "*"));
        r.add(new Row("DELETE", "/api/session", "/api/session", null, null, "*"));
        // Cases. Order matters: the case is read while blind, before the moves below decide it.
        get(r, "/api/cases", "A");
        get(r, "/api/cases/{id}", "/api/cases/" + caseId, "NAAAAAANNA");
        post(r, "/api/cases", "/api/cases", "{\"incidentId\":\"" + incidentId + "\"}", "UFAAFAAFFF");
        post(r, "/api/cases/deadlines", "/api/cases/deadlines", "", "UFAAFAAFFF");
        post(r, "/api/cases/{id}/assessment", "/api/cases/" + caseId + "/assessment", assessment(), "UAAAAAAFFF");
        post(r, "/api/cases/{id}/comments", "/api/cases/" + caseId + "/comments", "{\"text\":\"see cue 2\"}", "UAAAAAAFFF");
        post(r, "/api/cases/{id}/proposal", "/api/cases/" + caseId + "/proposal",
                "{\"verdict\":\"INCONCLUSIVE\",\"provisions\":[\"¶1\"]}", "UFAAFAAFFF");
        post(r, "/api/cases/{id}/proposal/accept", "/api/cases/" + caseId + "/proposal/accept", "", "UFAAFAAFFF");
        post(r, "/api/cases/{id}/dissent", "/api/cases/" + caseId + "/dissent", "{\"statement\":\"no\"}", "UFAAFAAFFF");
        post(r, "/api/cases/{id}/approval", "/api/cases/" + caseId + "/approval", "", "UFAAFAAFFF");
        post(r, "/api/cases/{id}/publish", "/api/cases/" + caseId + "/publish", "", "UFAAFAAFFF");
        r.add(new Row("PUT", "/api/cases/{id}/lock", "/api/cases/" + caseId + "/lock", null, null, "UAAAAAAFFF"));
        r.add(new Row("DELETE", "/api/cases/{id}/lock", "/api/cases/" + caseId + "/lock", null, null, "UAAAAAAFFF"));
        get(r, "/api/desk/{contingent}", "/api/desk/RU", "UAAAFFFFFF");
        get(r, "/api/roster", "UAAAAAAFFA");
        r.add(new Row("PUT", "/api/roster/{contingent}", "/api/roster/TR", "application/json",
                "{\"staff\":[\"tr-1\"]}", "UFFFFAAFFF"));
        // Allegations.
        get(r, "/api/allegations", "UAAAAAAAAA");
        post(r, "/api/allegations", "/api/allegations", "{\"from\":\"2020-11-20T07:00:00Z\",\"area\":{\"kind\":\"circle\","
                + "\"center\":{\"lat\":39.8,\"lon\":46.8},\"radiusM\":500},\"description\":\"mortar fire\",\"provision\":\"¶1\"}",
                "UFFFFFFAAF");
        r.add(new Row("POST", "/api/allegations/import", "/api/allegations/import", "text/csv",
                "from,to,lat,lon,radius_m,description,provision,sources\n2020-11-20T06:00:00Z,,39.8,46.8,300,shots,¶1,\n",
                "UFFFFFFAAF"));
        post(r, "/api/allegations/review", "/api/allegations/review", "", "UFAAFAAFFF");
        get(r, "/api/allegations/{id}", "/api/allegations/" + allegationId, "UAAAAAAANA");
        get(r, "/api/parties/{party}/notifications", "/api/parties/AM/notifications", "UFFFFFFAFA");
        get(r, "/api/audit", "UFFFFFFFFA");
        return r;
    }

    private static void get(List<Row> r, String path, String expect) {
        get(r, path, path, expect);
    }

    private static void get(List<Row> r, String path, String url, String expect) {
        r.add(new Row("GET", path, url, null, null, expect));
    }

    private static void post(List<Row> r, String path, String url, String body, String expect) {
        r.add(new Row("POST", path, url, "application/json", body, expect));
    }

    @ParameterizedTest
    @EnumSource(OperationalData.class)
    void everyRouteAgainstEveryPrincipal(OperationalData mode) {
        try (CaseServer s = new CaseServer(mode)) {
            String caseId = s.openCase(39.75, 46.80);
            String incidentId = s.services.cases().find(org.truce.cases.CaseId.of(caseId)).orElseThrow().incidentId();
            String allegationId = s.services.allegations().file(TestAuthenticator.parse("LIAISON_OFFICER AM"),
                    TestCenter.START.minusSeconds(3600), TestCenter.START,
                    new org.truce.cases.Area.Circle(org.truce.geo.GeoPoint.of(39.8, 46.8), 500), "artillery",
                    org.truce.ground.ProvisionId.of("¶1"), List.of()).id().value();
            String flightPlanId = s.fileFlightPlan("ANALYST RU", "RU-UAV-01");
            Map<Route, Row> byRoute = new LinkedHashMap<>();
            for (Row row : rows(caseId, incidentId, allegationId, flightPlanId)) byRoute.put(new Route(row.method(), row.path()), row);

            List<String> failures = new ArrayList<>();
            for (Route route : s.server.routes()) {
                Row row = byRoute.get(route);
                if (row == null) {
                    failures.add(route + " has no row in the authorization matrix");
                    continue;
                }
                if (RoutePolicy.of(route).isEmpty()) failures.add(route + " has no entry in RoutePolicy");
                for (int i = 0; i < PRINCIPALS.size(); i++) {
                    String who = PRINCIPALS.get(i);
                    char want = row.expect().length() == 1 ? row.expect().charAt(0) : row.expect().charAt(i);
                    if (want == 'O') want = operational(mode, who);
                    if (want == 'S') want = mode == OperationalData.PUBLIC || who != null ? 'A' : 'U';
                    var res = s.call(who, row.method(), row.url(), row.contentType(), row.body());
                    if (!meets(want, res.status())) {
                        failures.add(String.format("%s %s as %s: expected %s, got %d %s", row.method(), row.url(),
                                who == null ? "public" : who, want, res.status(), res.body().length() > 200
                                        ? res.body().substring(0, 200) : res.body()));
                    }
                }
            }
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void everyPolicyEntryIsARouteOfTheServerOrOfSignIn() {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            for (Route r : RoutePolicy.entries().keySet()) {
                if (r.path().equals("/api/session")) continue; // registered by the accounts module
                assertThat(s.server.routes()).as("policy entry %s", r).contains(r);
            }
        }
    }

    @Test
    void noSpellingOfAPathSlipsPastThePolicy() {
        try (CaseServer s = new CaseServer(OperationalData.STAFF_AND_AUDITORS)) {
            for (String path : List.of("/api/audit", "/api/audit/", "//api/audit", "/api//audit", "/api/%61udit",
                    "/API/audit", "/api/audit;x=1", "/api/./audit", "/api/x/../audit", "/api/incidents/", "/api/%69ncidents",
                    "/api/incidents;a=b")) {
                List<String> outsiders = path.contains("ncidents") ? java.util.Arrays.asList(null, "LIAISON_OFFICER AM")
                        : java.util.Arrays.asList(null, "LIAISON_OFFICER AM", "ANALYST RU");
                for (String who : outsiders) {
                    int status = s.get(who, path).status();
                    assertThat(status >= 200 && status < 300).as("%s as %s: %d", path, who, status).isFalse();
                }
            }
            assertThat(s.get("AUDITOR", "/api/audit/").status()).as("the same route, reached by its owner").isEqualTo(200);
        }
    }

    private static char operational(OperationalData mode, String who) {
        if (mode == OperationalData.PUBLIC) return 'A';
        if (who == null) return 'U';
        return who.startsWith("LIAISON_OFFICER") ? 'F' : 'A';
    }

    private static boolean meets(char want, int status) {
        return switch (want) {
            case 'A' -> status != 401 && status != 403 && status < 500;
            case 'F' -> status == 403;
            case 'U' -> status == 401;
            case 'N' -> status == 404;
            case '*' -> status < 500;
            default -> throw new IllegalArgumentException("unknown expectation " + want);
        };
    }
}

package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.truce.server.auth.OperationalData;

/** The case and allegation endpoints: the full flow to an agreed finding, input checks, CSV import, outcomes told. */
class CasesApiTest {
    private static final String LIAISON = "LIAISON_OFFICER AM";

    @Test
    void matchingAssessmentsMakeAFindingThatBothApproveAndPublish() {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            String id = s.openCase(39.75, 46.80);
            String a = "{\"happened\":\"YES\",\"provision\":\"¶1\",\"attribution\":\"AZ\",\"confidence\":0.9}";
            assertThat(s.post("ANALYST RU", "/api/cases/" + id + "/assessment", a).json().path("state").asText())
                    .isEqualTo("ASSESSING");
            assertThat(s.post("ANALYST TR", "/api/cases/" + id + "/assessment", a).json().path("state").asText())
                    .isEqualTo("FINDING_AGREED");
            assertThat(s.post("HEAD_OF_CONTINGENT RU", "/api/cases/" + id + "/publish", "").status())
                    .as("publication needs both approvals").isEqualTo(409);
            s.post("HEAD_OF_CONTINGENT RU", "/api/cases/" + id + "/approval", "");
            s.post("DUTY_OFFICER TR", "/api/cases/" + id + "/approval", "");
            JsonNode published = s.post("DUTY_OFFICER TR", "/api/cases/" + id + "/publish", "").json();
            assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
            JsonNode pub = s.get(null, "/api/cases?state=published").json();
            assertThat(pub.size()).isEqualTo(1);
            assertThat(pub.at("/0/outcome/verdict").asText()).isEqualTo("CONFIRMED");
            assertThat(pub.at("/0/outcome/attribution").asText()).isEqualTo("AZ");
            assertThat(pub.at("/0/reconciliation").isMissingNode() || pub.at("/0/reconciliation").isNull()).isTrue();
            assertThat(s.get(null, "/api/cases?provision=%C2%B62").json().size()).isZero();
        }
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            String id = s.openCase(39.75, 46.80);
            var r = s.post("ANALYST RU", "/api/cases/" + id + "/assessment", "{\"happened\":\"MAYBE\",\"provision\":\"¶1\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("parameter").asText()).isEqualTo("happened");
            r = s.post("ANALYST RU", "/api/cases/" + id + "/assessment", "{\"happened\":\"YES\",\"provision\":\"¶9\"}");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().path("parameter").asText()).isEqualTo("provision");
            r = s.post("ANALYST RU", "/api/cases/" + id + "/assessment",
                    "{\"happened\":\"NO\",\"provision\":\"¶1\",\"attribution\":\"AZ\",\"confidence\":0.9}");
            assertThat(r.status()).as("attribution only for YES").isEqualTo(422);
            assertThat(r.json().path("detail").asText()).contains("attribution");
            r = s.post("ANALYST RU", "/api/cases/" + id + "/assessment", "{\"happened\":\"YES\",\"provision\":\"¶1\",\"colour\":1}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("parameter").asText()).isEqualTo("colour");
            r = s.post(LIAISON, "/api/allegations", "{\"from\":\"yesterday\"}");
            assertThat(r.json().path("parameter").asText()).isEqualTo("from");
            assertThat(s.get("ANALYST RU", "/api/cases/CASE-NONE").status()).isEqualTo(404);
            assertThat(s.get("ANALYST RU", "/api/cases?state=blind").json().path("parameter").asText()).isEqualTo("state");
            assertThat(s.get("ANALYST RU", "/api/desk/XX").status()).isEqualTo(404);
        }
    }

    @Test
    void csvImportFilesTheGoodRowsAndNamesLineAndFieldOfTheBadOnes() {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            String csv = """
                    from,to,lat,lon,radius_m,description,provision,sources
                    2020-11-20T06:00:00Z,,39.80,46.80,300,"mortar fire, two rounds",¶1,witness A|https://example.org/x
                    2020-11-20T06:00:00Z,,95,46.80,300,bad latitude,¶1,
                    not-a-time,,39.8,46.8,100,bad time,¶7,
                    2020-11-20T05:00:00Z,2020-11-20T05:30:00Z,39.81,46.81,0,"multi
                    line description",¶2,
                    """;
            var r = s.call(LIAISON, "POST", "/api/allegations/import", "text/csv", csv);
            assertThat(r.status()).isEqualTo(200);
            JsonNode out = r.json();
            assertThat(out.path("accepted").size()).isEqualTo(2);
            assertThat(out.at("/accepted/0/line").asInt()).isEqualTo(2);
            assertThat(out.path("rejected").toString()).contains("\"line\":3").contains("\"line\":4")
                    .contains("\"field\":\"from\"").contains("\"field\":\"provision\"");
            JsonNode mine = s.get(LIAISON, "/api/allegations").json();
            assertThat(mine.size()).isEqualTo(2);
            assertThat(mine.at("/0/sources").size()).isEqualTo(2);
            assertThat(mine.at("/0/description").asText()).isEqualTo("mortar fire, two rounds");
            assertThat(s.get("LIAISON_OFFICER AZ", "/api/allegations").json().size()).as("the other party's").isZero();
            assertThat(s.call(LIAISON, "POST", "/api/allegations/import", "text/csv", "from,lat\n").status()).isEqualTo(400);
            assertThat(s.call(LIAISON, "POST", "/api/allegations/import", "application/json", "{}").status()).isEqualTo(400);
        }
    }

    @Test
    void reviewTellsTheFilingPartyTheOutcome() {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            var filed = s.post(LIAISON, "/api/allegations", "{\"from\":\"2020-11-19T07:00:00Z\",\"to\":\"2020-11-19T08:00:00Z\","
                    + "\"area\":{\"kind\":\"circle\",\"center\":{\"lat\":40.2,\"lon\":46.3},\"radiusM\":200},"
                    + "\"description\":\"shelling of a village\",\"provision\":\"¶1\",\"sources\":[\"mayor\"]}");
            assertThat(filed.status()).isEqualTo(201);
            String id = filed.json().path("id").asText();
            assertThat(filed.json().path("status").asText()).isEqualTo("UNDER_REVIEW");
            JsonNode changed = s.post("DUTY_OFFICER RU", "/api/allegations/review", "").json();
            assertThat(changed.at("/0/status").asText()).isEqualTo("UNVERIFIABLE");
            JsonNode notes = s.get(LIAISON, "/api/parties/AM/notifications").json();
            assertThat(notes.size()).isEqualTo(1);
            assertThat(notes.at("/0/allegation").asText()).isEqualTo(id);
            assertThat(notes.at("/0/status").asText()).isEqualTo("UNVERIFIABLE");
            assertThat(s.get("LIAISON_OFFICER AZ", "/api/parties/AM/notifications").status()).isEqualTo(403);
            JsonNode audit = s.get("AUDITOR", "/api/audit?subject=" + id).json();
            assertThat(audit.size()).isEqualTo(2);
        }
    }
}

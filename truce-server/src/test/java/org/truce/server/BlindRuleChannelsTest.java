package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.server.auth.OperationalData;

/**
 * The blind rule through every channel that shows a case: the API (one case, the list), search, exports (the OGC
 * {@code findings} collection) and the live feed. Each test runs twice with the contingents' roles swapped, so the
 * rule is shown for both. One contingent ({@code own}) assesses with a word nobody else wrote; until the other
 * contingent has assessed too, nothing the other contingent, an auditor, a liaison officer or the public can reach
 * shows that word or even that the assessment exists.
 */
class BlindRuleChannelsTest {
    private static String assessment(String happened, String word) {
        return "{\"happened\":\"" + happened + "\",\"provision\":\"¶1\",\"confidence\":0.5,\"evidence\":[],"
                + "\"text\":\"" + word + " seen from the ridge\"}";
    }

    private static String secretOf(String contingent) {
        return "kestrel" + contingent.toLowerCase(java.util.Locale.ROOT) + "quill";
    }

    @ParameterizedTest(name = "{0} assesses first, {1} is blind")
    @CsvSource({"RU,TR", "TR,RU"})
    void apiListAndSearchShowTheOtherSideNothingUntilTheBlindLifts(String own, String other) {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            String id = s.openCase(39.75, 46.80);
            String secret = secretOf(own);
            assertThat(s.post("ANALYST " + own, "/api/cases/" + id + "/assessment", assessment("YES", secret)).status())
                    .isEqualTo(200);

            // The API: one case and the list.
            JsonNode mine = s.get("ANALYST " + own, "/api/cases/" + id).json();
            assertThat(mine.at("/slots/" + own + "/kind").asText()).isEqualTo("visible");
            assertThat(mine.toString()).contains(secret);
            for (String viewer : new String[] {"ANALYST " + other, "DUTY_OFFICER " + other, "HEAD_OF_CONTINGENT " + other}) {
                var one = s.get(viewer, "/api/cases/" + id);
                assertThat(one.status()).isEqualTo(200);
                assertThat(one.json().at("/slots/" + own + "/kind").asText()).as(viewer).isEqualTo("sealed");
                assertThat(one.body()).as(viewer).doesNotContain(secret);
                assertThat(s.get(viewer, "/api/cases").body()).as(viewer).doesNotContain(secret).contains(id);
            }
            var audit = s.get("AUDITOR", "/api/cases/" + id);
            assertThat(audit.json().at("/slots/" + own + "/kind").asText()).isEqualTo("submitted");
            assertThat(audit.body()).doesNotContain(secret);
            for (String outsider : new String[] {null, "LIAISON_OFFICER AM", "LIAISON_OFFICER AZ"}) {
                assertThat(s.get(outsider, "/api/cases/" + id).status()).as(String.valueOf(outsider)).isEqualTo(404);
                assertThat(s.get(outsider, "/api/cases").json().size()).as(String.valueOf(outsider)).isZero();
            }

            // Search: the word finds the case for its author's side only.
            String q = "/api/cases?q=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            assertThat(s.get("ANALYST " + own, q).json().size()).isEqualTo(1);
            assertThat(s.get("ANALYST " + other, q).json().size()).isZero();
            assertThat(s.get("HEAD_OF_CONTINGENT " + other, q).json().size()).isZero();
            assertThat(s.get("AUDITOR", q).json().size()).isZero();
            assertThat(s.get("ANALYST " + other, "/api/cases?q=" + id).json().size()).as("the case itself is found").isEqualTo(1);

            // The blind lifts when the other side has assessed: now both see both.
            assertThat(s.post("ANALYST " + other, "/api/cases/" + id + "/assessment",
                    assessment("NO", secretOf(other))).status()).isEqualTo(200);
            assertThat(s.get("ANALYST " + other, q).json().size()).isEqualTo(1);
            assertThat(s.get("ANALYST " + other, "/api/cases/" + id).json().at("/slots/" + own + "/kind").asText())
                    .isEqualTo("visible");
        }
    }

    @ParameterizedTest(name = "{0} assesses first, {1} is blind")
    @CsvSource({"RU,TR", "TR,RU"})
    void theFindingsExportHoldsOnlyPublishedOutcomes(String own, String other) {
        try (CaseServer s = new CaseServer(OperationalData.STAFF_AND_AUDITORS)) {
            String id = s.openCase(39.75, 46.80);
            String items = "/ogc/collections/findings/items";
            s.post("ANALYST " + own, "/api/cases/" + id + "/assessment", assessment("YES", secretOf(own)));
            for (String viewer : new String[] {null, "ANALYST " + other, "AUDITOR"}) {
                var r = s.get(viewer, items);
                assertThat(r.status()).as("findings are public even when operational data is not").isEqualTo(200);
                assertThat(r.json().path("features").size()).isZero();
                assertThat(r.body()).doesNotContain(secretOf(own));
            }
            // Different assessments → reconciliation → dissent → both approve → published.
            s.post("ANALYST " + other, "/api/cases/" + id + "/assessment", assessment("NO", secretOf(other)));
            assertThat(s.post("DUTY_OFFICER " + other, "/api/cases/" + id + "/dissent",
                    "{\"statement\":\"we saw no fire\"}").status()).isEqualTo(200);
            assertThat(s.get(null, items).json().path("features").size()).as("not published yet").isZero();
            for (String c : CaseServer.CONTINGENTS) {
                assertThat(s.post("HEAD_OF_CONTINGENT " + c, "/api/cases/" + id + "/approval", "").status()).isEqualTo(200);
            }
            assertThat(s.post("HEAD_OF_CONTINGENT " + own, "/api/cases/" + id + "/publish", "").status()).isEqualTo(200);
            var r = s.get(null, items);
            assertThat(r.json().path("features").size()).isEqualTo(1);
            JsonNode outcome = r.json().at("/features/0/properties/outcome");
            assertThat(outcome.path("kind").asText()).isEqualTo("dissent");
            assertThat(r.body()).contains(secretOf(own)).contains(secretOf(other)).contains("we saw no fire");
            assertThat(r.body()).as("the internal discussion is not published").doesNotContain("reconciliation");
            // The liaison officers read the published dissent too.
            assertThat(s.get("LIAISON_OFFICER AM", "/api/cases/" + id).json().at("/outcome/kind").asText()).isEqualTo("dissent");
        }
    }

    @ParameterizedTest(name = "{0} assesses first, {1} is blind")
    @CsvSource({"RU,TR", "TR,RU"})
    void theLiveFeedProjectsEachCaseEventForItsClient(String own, String other) throws Exception {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            String id = s.openCase(39.75, 46.80);
            var events = s.server.uri().resolve("/api/events");
            try (SseReader mine = new SseReader(events, Map.of(TestAuthenticator.HEADER, "ANALYST " + own));
                 SseReader theirs = new SseReader(events, Map.of(TestAuthenticator.HEADER, "ANALYST " + other));
                 SseReader auditor = new SseReader(events, Map.of(TestAuthenticator.HEADER, "AUDITOR"));
                 SseReader pub = new SseReader(events)) {
                awaitClients(s, 4);
                s.post("ANALYST " + own, "/api/cases/" + id + "/assessment", assessment("YES", secretOf(own)));
                Duration t = Duration.ofSeconds(10);
                var m = mine.await("case", j -> j.path("id").asText().equals(id), t);
                assertThat(m.json().at("/slots/" + own + "/kind").asText()).isEqualTo("visible");
                var o = theirs.await("case", j -> j.path("id").asText().equals(id), t);
                assertThat(o.json().at("/slots/" + own + "/kind").asText()).isEqualTo("sealed");
                assertThat(o.data()).doesNotContain(secretOf(own));
                var a = auditor.await("case", j -> j.path("id").asText().equals(id), t);
                assertThat(a.json().at("/slots/" + own + "/kind").asText()).isEqualTo("submitted");
                assertThat(a.data()).doesNotContain(secretOf(own));
                // The public gets no event for an unpublished case; the event after it proves the stream is alive.
                s.post("ANALYST " + other, "/api/cases/" + id + "/assessment", assessment("YES", secretOf(other)));
                theirs.await("case", j -> j.at("/slots/" + own + "/kind").asText().equals("visible"), t);
                Thread.sleep(200);
                assertThat(pub.named("case")).isEmpty();
                for (var e : theirs.named("case")) {
                    if (e.json().at("/slots/" + other + "/kind").asText().equals("pending")) {
                        assertThat(e.data()).doesNotContain(secretOf(own));
                    }
                }
            }
        }
    }

    @Test
    void casesOpenedByThePipelineAndSettledByTheTimerReachTheLiveFeed() throws Exception {
        try (CaseServer s = new CaseServer(OperationalData.PUBLIC)) {
            var events = s.server.uri().resolve("/api/events");
            try (SseReader ru = new SseReader(events, Map.of(TestAuthenticator.HEADER, "ANALYST RU"))) {
                awaitClients(s, 1);
                // As CaseRuntime does for every new incident: no HTTP request involved.
                String id = s.openCase(39.75, 46.80);
                Duration t = Duration.ofSeconds(10);
                var opened = ru.await("case", j -> j.path("id").asText().equals(id), t);
                assertThat(opened.json().path("state").asText()).isEqualTo("ASSESSING");
                var c = s.services.cases().find(org.truce.cases.CaseId.of(id)).orElseThrow();
                s.tc.clock.advance(Duration.between(s.tc.clock.instant(), c.deadline()).plusMinutes(1));
                assertThat(s.services.casework().settleDeadlines()).isNotEmpty();
                var settled = ru.await("case", j -> j.path("id").asText().equals(id)
                        && !j.path("state").asText().equals("ASSESSING"), t);
                assertThat(settled.json().at("/slots/RU/kind").asText()).isEqualTo("missing");
            }
        }
    }

    private static void awaitClients(CaseServer s, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (s.server.liveClients() < n && System.nanoTime() < end) Thread.sleep(20);
        assertThat(s.server.liveClients()).isEqualTo(n);
    }
}

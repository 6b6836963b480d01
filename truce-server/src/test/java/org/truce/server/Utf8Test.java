package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.truce.pipeline.Center;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/** Names in the scenario's own languages reach the client intact (Javalin would send strings as ISO-8859-1). */
class Utf8Test {
    @Test
    void zoneNamesKeepTheirLetters() {
        Center center = Center.builder(TestAgreements.karabakh()).store(new InMemoryStore())
                .clock(new SimulatedClock(Instant.parse("2020-11-20T00:00:00Z"))).build();
        TruceServer server = new TruceServer(center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        try {
            server.start(0);
            Http.Response r = new Http(server.uri()).get("/api/zones");
            assertThat(r.contentType()).contains("charset=utf-8");
            assertThat(r.body()).contains("Bərdə").contains("Mərzili");
            assertThat(new Http(server.uri()).get("/openapi.json").contentType()).contains("charset=utf-8");
        } finally {
            server.stop();
        }
    }
}

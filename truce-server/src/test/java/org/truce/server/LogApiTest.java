package org.truce.server;

import org.truce.codec.JsonEntryCodec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.Hash;
import org.truce.ledger.Ledger;
import org.truce.ledger.MerkleProofs;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.server.log.LogApi;

/** The transparency log over HTTP: what the server answers verifies with the RFC 9162 algorithms alone. */
class LogApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestCenter tc = new TestCenter();
    private final TruceServer server = new TruceServer(tc.center, ServerOptions.defaults().withTickInterval(Duration.ZERO));

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void entriesAndConsistencyProofsVerifyAgainstTheServedRoots() throws Exception {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
        for (int i = 0; i < 13; i++) ledger.appendEncoded(("entry " + i).getBytes(StandardCharsets.UTF_8));
        store.addCheckpoint(new CheckpointRecord(10, Instant.parse("2020-11-20T00:00:00Z"), "truce/test\n10\nroot\n"));
        server.serveLog(new LogApi.Source(ledger, store));
        Http http = startAndConnect();

        JsonNode cp = JSON.readTree(http.get("/api/log/checkpoint").body());
        assertThat(cp.get("treeSize").asLong()).isEqualTo(10);
        assertThat(cp.get("logSize").asLong()).isEqualTo(13);
        assertThat(http.get("/api/log/checkpoint?format=note").body()).isEqualTo("truce/test\n10\nroot\n");

        for (int i = 0; i < 10; i++) {
            JsonNode e = JSON.readTree(http.get("/api/log/entries/" + i).body());
            assertThat(e.get("treeSize").asLong()).as("defaults to the checkpoint's size").isEqualTo(10);
            assertThat(e.get("text").asText()).isEqualTo("entry " + i);
            byte[] entry = Base64.getDecoder().decode(e.get("entry").asText());
            assertThat(MerkleProofs.verifyInclusion(entry, i, 10, hashes(e.get("inclusionProof")),
                    Hash.ofBase64(e.get("rootHash").asText()))).isTrue();
        }
        JsonNode c = JSON.readTree(http.get("/api/log/consistency?first=4&second=13").body());
        assertThat(MerkleProofs.verifyConsistency(4, 13, Hash.ofBase64(c.get("firstRoot").asText()),
                Hash.ofBase64(c.get("secondRoot").asText()), hashes(c.get("consistencyProof")))).isTrue();
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Ledger ledger = Ledger.open(store, JsonEntryCodec.canonical());
        ledger.appendEncoded("only".getBytes(StandardCharsets.UTF_8));
        Http http = startAndConnect();
        assertThat(http.get("/api/log/checkpoint").status()).as("no log wired").isEqualTo(404);
        server.serveLog(new LogApi.Source(ledger, store));
        assertThat(http.get("/api/log/checkpoint").status()).as("no checkpoint yet").isEqualTo(404);
        assertThat(http.get("/api/log/entries/7").status()).isEqualTo(404);
        assertThat(http.get("/api/log/entries/x").status()).isEqualTo(400);
        Http.Response r = http.get("/api/log/consistency?first=0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("first");
    }

    private Http startAndConnect() {
        server.start(0);
        return new Http(server.uri());
    }

    private static List<Hash> hashes(JsonNode array) {
        List<Hash> out = new ArrayList<>();
        array.forEach(n -> out.add(Hash.ofBase64(n.asText())));
        return out;
    }
}

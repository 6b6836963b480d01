package org.truce.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.ledger.CheckpointRefusal;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.EntryFormatException;
import org.truce.ledger.EntryKind;
import org.truce.ledger.IncidentChange;
import org.truce.ledger.LedgerFixtures;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.ObservationBatch;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.rules.IncidentState;

/** The canonical entry encoding: header, sorted keys, round trips, clear refusals, and bytes that never change. */
class JsonEntryCodecTest {
    @Test
    void encodesAHeaderLineThenCanonicalJsonWithSortedKeys() {
        byte[] e = JsonEntryCodec.canonical().encode(EntryKind.CHECKPOINT_REFUSAL,
                new CheckpointRefusal("TR", 12, "abc=", "not consistent", LedgerFixtures.T0));
        assertThat(new String(e, StandardCharsets.UTF_8)).isEqualTo("truce-entry v1 checkpoint-refusal\n"
                + "{\"at\":\"2020-11-14T06:00:00Z\",\"contingent\":\"TR\",\"reason\":\"not consistent\","
                + "\"rootHash\":\"abc=\",\"treeSize\":12}");
    }

    @Test
    void sortsNestedMapsAndIsDeterministic() {
        Object payload = Map.of("b", List.of(Map.of("z", 1, "a", 2)), "a", "é\nline");
        String s = new String(JsonEntryCodec.canonical().encode(EntryKind.REPORT, payload), StandardCharsets.UTF_8);
        assertThat(s).isEqualTo("truce-entry v1 report\n{\"a\":\"é\\nline\",\"b\":[{\"a\":2,\"z\":1}]}");
        assertThat(s.split("\n", -1)).hasSize(2);
    }

    @Test
    void observationBatchesAndIncidentsRoundTrip() {
        ObservationBatch batch = ObservationBatch.of(List.of(LedgerFixtures.observation(1), LedgerFixtures.observation(2)));
        byte[] e = JsonEntryCodec.canonical().encode(EntryKind.OBSERVATION_BATCH, batch);
        assertThat(e).isEqualTo(JsonEntryCodec.canonical().encode(EntryKind.OBSERVATION_BATCH,
                ObservationBatch.of(List.of(LedgerFixtures.observation(1), LedgerFixtures.observation(2)))));
        EntryCodec.DecodedEntry d = JsonEntryCodec.canonical().decode(e);
        assertThat(d.kind()).isEqualTo(EntryKind.OBSERVATION_BATCH);
        assertThat(JsonEntryCodec.canonical().payload(d, ObservationBatch.class)).isEqualTo(batch);
        assertThat(JsonEntryCodec.json(d).get("observations").get(0).get("observation").get("kind").asText()).isEqualTo("fix");

        IncidentChange change = new IncidentChange(true, LedgerFixtures.incident("INC-2020-11-14-0042", IncidentState.OPEN));
        EntryCodec.DecodedEntry di = JsonEntryCodec.canonical().decode(JsonEntryCodec.canonical().encode(EntryKind.INCIDENT, change));
        assertThat(JsonEntryCodec.canonical().payload(di, IncidentChange.class)).isEqualTo(change);
    }

    @Test
    void namesWhatIsWrongWithABadEntry() {
        assertThatThrownBy(() -> JsonEntryCodec.canonical().decode("no header".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EntryFormatException.class).hasMessageContaining("no header line");
        assertThatThrownBy(() -> JsonEntryCodec.canonical().decode("truce-entry v1 gossip\n{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown entry kind \"gossip\"");
        assertThatThrownBy(() -> JsonEntryCodec.canonical().decode("truce-entry v1 incident\n{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not JSON");
    }

    @Test
    void theBytesOfAFixedLogNeverChange() throws Exception {
        // The leaf hashes and every signed checkpoint depend on these bytes: this digest was taken from the
        // encoding as it was inside truce-core before it moved here, and must stay what it is.
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerFixtures.feed(LedgerFixtures.wired(store, store), 37);
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        List<LedgerStore.StoredEntry> entries = store.read(0, 1000);
        entries.forEach(e -> all.update(e.entry()));
        assertThat(entries).hasSize(13);
        assertThat(HexFormat.of().formatHex(all.digest()))
                .isEqualTo("ba81d8e34834acfa5e4ae0b36435bfdf3e346a86bae7d67354fa2eedc8a3f315");
    }
}

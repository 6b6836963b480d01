package org.truce.app.ledger;

import org.truce.codec.JsonEntryCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.agreement.ParityRule;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.EntryKind;
import org.truce.ledger.LedgerFixtures;
import org.truce.ledger.NoteSigner;
import org.truce.ledger.VerificationReport;
import org.truce.pipeline.CenterEvent;
import org.truce.store.jdbc.JdbcLedgerStore;
import org.truce.store.memory.InMemoryStore;

class LedgerServicesTest {
    @TempDir
    Path dir;

    static Agreement agreement() {
        return new Agreement("karabakh-2020", "Statement", Instant.parse("2020-11-09T21:00:00Z"), "+proj=utm +zone=38",
                List.of(), List.of(), List.of(new Contingent(ContingentId.of("RU"), "Russia", "ru"),
                new Contingent(ContingentId.of("TR"), "Türkiye", "tr")), new ParityRule(0, 60, true, true),
                Map.of(), List.of());
    }

    @Test
    void wiresRecorderCheckpointsAndAuditFromTheAgreementAndKeyFiles() throws Exception {
        Path ru = dir.resolve("ru.key");
        Path tr = dir.resolve("tr.key");
        KeyFiles.write(ru, NoteSigner.generate("truce-karabakh-2020-ru-1", new SecureRandom()));
        KeyFiles.write(tr, NoteSigner.generate("truce-karabakh-2020-tr-1", new SecureRandom()));
        List<VerificationReport> alerts = new ArrayList<>();
        try (JdbcLedgerStore store = JdbcLedgerStore.forUrl(JdbcLedgerStore.h2Url(dir))) {
            LedgerServices s = LedgerServices.open(agreement(), store, Map.of("RU", ru, "TR", tr), Duration.ofMinutes(1),
                    new InMemoryStore().observations(), LedgerFixtures.T0, alerts::add);
            assertThat(s.origin()).isEqualTo("truce/karabakh-2020");
            assertThat(store.roster()).containsExactly("RU", "TR");
            assertThat(store.keys()).hasSize(2);
            assertThat(JsonEntryCodec.canonical().decode(store.entry(0).orElseThrow()).kind()).isEqualTo(EntryKind.KEY);
            for (int i = 1; i <= 10; i++) {
                s.recorder().on(new CenterEvent.ObservationAccepted(LedgerFixtures.observation(i)));
                s.tick(LedgerFixtures.observation(i).received());
            }
            s.tick(LedgerFixtures.T0.plusSeconds(61));
            assertThat(store.checkpoints()).hasSize(2);
            VerificationReport r = s.audit();
            assertThat(r.problems()).isEmpty();
            assertThat(r.jointCheckpoints()).isEqualTo(2);
            assertThat(alerts).isEmpty();

            // Restart with the same keys: nothing re-registered, cosigners resume from their last signed head.
            LedgerServices again = LedgerServices.open(agreement(), store, Map.of("RU", ru, "TR", tr),
                    Duration.ofMinutes(1), new InMemoryStore().observations(), LedgerFixtures.T0, alerts::add);
            assertThat(store.keys()).hasSize(2);
            again.recorder().on(new CenterEvent.ObservationAccepted(LedgerFixtures.observation(11)));
            assertThat(again.checkpointer().checkpoint(LedgerFixtures.T0.plusSeconds(200)).joint()).isTrue();
        }
    }

    @Test
    void refusesAKeyFileForAnUnknownContingent() throws Exception {
        Path x = dir.resolve("x.key");
        KeyFiles.write(x, NoteSigner.generate("truce-x-1", new SecureRandom()));
        try (JdbcLedgerStore store = JdbcLedgerStore.forUrl(JdbcLedgerStore.h2Url(dir))) {
            assertThatThrownBy(() -> LedgerServices.open(agreement(), store, Map.of("XX", x), Duration.ofMinutes(1),
                    new InMemoryStore().observations(), LedgerFixtures.T0, r -> { }))
                    .hasMessageContaining("not a contingent of agreement karabakh-2020");
        }
    }
}

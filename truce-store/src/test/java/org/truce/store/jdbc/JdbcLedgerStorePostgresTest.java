package org.truce.store.jdbc;

import org.truce.codec.JsonEntryCodec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ledger.Ledger;
import org.truce.ledger.LogVerifier;
import org.truce.ledger.LedgerFixtures;

/** The transparency log's tables (V2) on PostgreSQL: a log written through a JdbcStore reopens to the same head. */
class JdbcLedgerStorePostgresTest {
    private String schema;
    private JdbcStore store;

    @BeforeEach
    void open() {
        schema = PostgresSchemas.create("truce_ledger");
        store = JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
    }

    @AfterEach
    void close() {
        if (schema == null) return;
        store.close();
        PostgresSchemas.drop(schema);
    }

    @Test
    void entriesCheckpointsKeysAndRosterReadBackAfterAReopen() {
        JdbcLedgerStore tables = new JdbcLedgerStore(store.dataSource());
        LedgerFixtures.Wired wired = LedgerFixtures.wired(tables, tables);
        LedgerFixtures.feed(wired, 40);
        var head = wired.ledger().head();
        store.close();
        store = JdbcStore.open(PostgresSchemas.url(schema), PostgresSchemas.USER, PostgresSchemas.PASSWORD);
        JdbcLedgerStore again = new JdbcLedgerStore(store.dataSource());
        assertThat(Ledger.open(again, JsonEntryCodec.canonical()).head()).isEqualTo(head);
        assertThat(again.checkpoints()).hasSize(5);
        assertThat(again.keys()).extracting(k -> k.contingent()).containsExactly("RU", "TR");
        assertThat(again.roster()).containsExactly("RU", "TR");
        assertThat(again.entry(0)).isPresent();
        assertThat(again.read(0, 1000)).hasSize((int) head.size());
        assertThat(LogVerifier.verify(JsonEntryCodec.canonical(), again, again, java.util.Optional.of(LedgerFixtures.ORIGIN)).problems()).isEmpty();
    }
}

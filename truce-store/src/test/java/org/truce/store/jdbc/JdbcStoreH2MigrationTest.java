package org.truce.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.store.StoreFixtures.at;
import static org.truce.store.StoreFixtures.detection;
import static org.truce.store.StoreFixtures.drone;
import static org.truce.store.StoreFixtures.fix;
import static org.truce.store.StoreFixtures.incident;
import static org.truce.store.StoreFixtures.track;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.fusion.Track;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/** A data directory written by schema 5 opens under schema 6 with everything in it; the registry is read once. */
class JdbcStoreH2MigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchema5DatabaseMigratesToSchema6AndKeepsItsLogAndProjections() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve(JdbcStore.H2_DATABASE_NAME);
        Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(url, "sa", "")
                .locations("classpath:db/migration/h2").target("5").load().migrate();
        Bodies bodies = new Bodies("test");
        Observation first = fix("RU-UAV-01", at(1));
        Observation second = detection("RU-UAV-01", at(2));
        Track trk = track("TRK-1", at(30));
        Incident inc = incident("INC-2020-11-14-0042", at(0), at(60));
        Asset drone = drone("RU-UAV-01", "RU", 7);
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO observations "
                    + "(seq, id, asset, kind, time_ns, received_ns, channel, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                long seq = 1;
                for (Observation o : List.of(first, second)) {
                    Jdbc.bind(ps, seq, "OBS-" + seq, o.asset().value(), o.kind(), EpochNanos.of(o.time(), "t"),
                            EpochNanos.of(at(100), "r"), "sim", bodies.write(o, Observation.class));
                    ps.executeUpdate();
                    seq++;
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE log_head SET last_seq = 2");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tracks (id, time_ns, body) VALUES (?, ?, ?)")) {
                Jdbc.bind(ps, trk.id(), EpochNanos.of(trk.time(), "t"), bodies.write(trk, Track.class));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (id, start_ns, end_ns, rule_type, "
                    + "zone_id, party_id, provision_id, state, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.bind(ps, inc.id(), EpochNanos.of(inc.start(), "s"), EpochNanos.of(inc.end(), "e"), inc.ruleType(),
                        inc.zone().value(), "AZ", inc.provision().value(), inc.state().name(),
                        bodies.write(inc, Incident.class));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO assets (id, system_id, body) VALUES (?, ?, ?)")) {
                Jdbc.bind(ps, drone.id().value(), 7, bodies.write(drone, Asset.class));
                ps.executeUpdate();
            }
        }

        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.observations().size()).isEqualTo(2);
            assertThat(store.observations().read(1, 10)).extracting(AcceptedObservation::observation)
                    .containsExactly(first, second);
            assertThat(store.observations().find("OBS-2")).get().extracting(AcceptedObservation::observation)
                    .isEqualTo(second);
            assertThat(store.observations().find("OBS-02")).as("only the id's one spelling").isEmpty();
            assertThat(store.observations().append(at(101), "sim", fix("RU-UAV-01", at(3))).id()).isEqualTo("OBS-3");
            assertThat(store.tracks().find("TRK-1")).contains(trk);
            assertThat(store.incidents().find(inc.id())).contains(inc);
            assertThat(store.assets().bySystemId(7)).contains(drone);
        }
    }

    @Test
    void theAssetRegistryIsReadOnceAndAnswersFromMemory() throws SQLException {
        Asset drone = drone("RU-UAV-01", "RU", 7);
        try (JdbcStore store = JdbcStore.h2(dir)) {
            store.assets().save(drone);
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM assets"); // behind the registry's back
            }
            assertThat(store.assets().find(AssetId.of("RU-UAV-01"))).as("no SQL per lookup").contains(drone);
            assertThat(store.assets().all()).containsExactly(drone);
        }
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.assets().all()).as("read from the table when the store opens").isEmpty();
            store.assets().save(drone);
        }
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.assets().find(AssetId.of("RU-UAV-01"))).as("saves are written through").contains(drone);
        }
    }
}

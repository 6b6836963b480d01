package org.truce.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.StoreFixtures.at;
import static org.truce.store.StoreFixtures.detection;
import static org.truce.store.StoreFixtures.drone;
import static org.truce.store.StoreFixtures.fireCue;
import static org.truce.store.StoreFixtures.fix;
import static org.truce.store.StoreFixtures.footprint;
import static org.truce.store.StoreFixtures.incident;
import static org.truce.store.StoreFixtures.track;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.fusion.Track;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;

/** What only a file-backed store shows: restarts, process death, locking, and bad data directories. */
class JdbcStoreH2Test {
    @TempDir
    Path dir;

    @Test
    void aRestartKeepsEverythingAndTheLogContinuesItsSequence() {
        List<AcceptedObservation> appended;
        Incident inc = incident("INC-2020-11-14-0042", at(0), at(60).plusNanos(1));
        Asset drone = drone("RU-UAV-01", "RU", 7);
        Track trk = track("TRK-1", at(30));
        try (JdbcStore store = JdbcStore.h2(dir)) {
            appended = List.of(
                    store.observations().append(at(100), "sim", fix("RU-UAV-01", at(1))),
                    store.observations().append(at(101), "http", detection("TR-CAM-01", at(2))),
                    store.observations().append(at(102), "mqtt", fireCue("RU-ACU-01", at(3))),
                    store.observations().append(at(103), "sim", footprint("RU-UAV-01", at(4))));
            store.incidents().save(inc);
            store.assets().save(drone);
            store.tracks().save(trk);
            store.meta().put("scenario.clock", "2020-11-14T06:30:00Z");
        }
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.observations().size()).isEqualTo(4);
            assertThat(store.observations().read(1, 10)).containsExactlyElementsOf(appended);
            assertThat(store.incidents().all()).containsExactly(inc);
            assertThat(store.assets().bySystemId(7)).contains(drone);
            assertThat(store.tracks().updatedSince(at(30))).containsExactly(trk);
            assertThat(store.meta().get("scenario.clock")).contains("2020-11-14T06:30:00Z");
            assertThat(store.observations().append(at(200), "sim", fix("RU-UAV-01", at(5))).seq()).isEqualTo(5);
        }
    }

    @Test
    void aCeaseFireIncidentKeepsItsLocatedFireEventAndAnOldBodyReadsWithoutOne() {
        Incident plain = incident("INC-2020-11-14-0001", at(0), at(60));
        org.truce.ground.uncertainty.ErrorEllipse e = new org.truce.ground.uncertainty.ErrorEllipse(812.5, 97.25,
                173.5, 0.95);
        var fire = new org.truce.rules.FireLocation(org.truce.rules.FireLocation.Method.LOCATED,
                org.truce.sensing.FireKind.LAUNCH, plain.place(), java.util.Optional.of(e), 812.5, 3,
                java.util.Map.of("arrival", 2, "bearingBand", 1), List.of("OBS-1", "OBS-2", "OBS-3"), 2,
                java.util.Optional.of(new org.truce.rules.FireLocation.Launch(org.truce.rules.FireLocation.Method.LOCATED,
                        plain.place(), e, List.of(new org.truce.rules.FireLocation.SideProbability(
                                org.truce.ground.ZoneId.of("am-held"), org.truce.ground.PartyId.of("AM"), 0.625,
                                java.util.Optional.of(org.truce.ground.PartyId.of("AZ")), 0.25, 0.125)))),
                java.util.Optional.empty());
        Incident located = new Incident("INC-2020-11-14-0002", plain.provision(), 1, plain.rule(), "cease-fire",
                plain.zone(), at(0), at(60), plain.place(), 812.5, java.util.Optional.empty(), 0.625, "fire:OBS-1",
                "fire", plain.state(), List.of("OBS-1", "OBS-2", "OBS-3"), java.util.Optional.of(fire));
        try (JdbcStore store = JdbcStore.h2(dir)) {
            store.incidents().save(plain);
            store.incidents().save(located);
        }
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.incidents().all()).containsExactly(plain, located);
            assertThat(store.incidents().find(plain.id()).orElseThrow().fire()).isEmpty();
        }
    }

    @Test
    void anEntryIsKeptOnceAppendReturnsEvenIfTheProcessIsKilled() throws Exception {
        Process holder = holder(25);
        assertThat(awaitStatus(holder)).isEqualTo("READY 25");
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.observations().size()).isEqualTo(25);
            List<AcceptedObservation> all = store.observations().read(1, 100);
            assertThat(all).hasSize(25);
            assertThat(all.get(24).observation()).isEqualTo(fix("RU-UAV-01", at(24)));
            assertThat(all.get(24).received()).isEqualTo(at(1024));
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryGetsAClearErrorAndNoAccess() throws Exception {
        Process holder = holder(3);
        try {
            assertThat(awaitStatus(holder)).isEqualTo("READY 3");
            assertThatThrownBy(() -> JdbcStore.h2(dir))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString())
                    .hasMessageContaining("locked")
                    .hasMessageContaining("another process");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThat(store.observations().size()).as("the holder's appends, lock released").isEqualTo(3);
        }
    }

    @Test
    void aSecondStoreInTheSameProcessIsRefusedUntilTheFirstCloses() {
        try (JdbcStore first = JdbcStore.h2(dir)) {
            first.meta().put("k", "v");
            assertThatThrownBy(() -> JdbcStore.h2(dir.resolve(".")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString())
                    .hasMessageContaining("already has a store open");
        }
        try (JdbcStore again = JdbcStore.h2(dir)) {
            assertThat(again.meta().get("k")).contains("v");
        }
    }

    @Test
    void aCorruptedDatabaseFileIsReportedWithItsPath() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Path file = dir.resolve("truce.mv.db");
        Files.write(file, garbage);
        assertThatThrownBy(() -> JdbcStore.h2(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageMatching("(?s).*(corrupted|not an H2 2\\.x database).*");
        assertThat(Files.readAllBytes(file)).as("a bad file is left as found").isEqualTo(garbage);
    }

    @Test
    void aTruncatedDatabaseFileIsReportedWithItsPath() throws IOException {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            store.meta().put("k", "v");
        }
        Path file = dir.resolve("truce.mv.db");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, 100));
        assertThatThrownBy(() -> JdbcStore.h2(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefused() throws IOException {
        Path notADir = Files.writeString(dir.resolve("data"), "not a directory");
        assertThatThrownBy(() -> JdbcStore.h2(notADir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(notADir.toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void aDataDirectoryUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "not a directory");
        assertThatThrownBy(() -> JdbcStore.h2(file.resolve("sub")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.resolve("sub").toString())
                .hasMessageContaining("cannot create the directory");
    }

    @Test
    void anUnreadableStoredBodyNamesItsTableAndKey() throws SQLException {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            store.observations().append(at(0), "sim", fix("RU-UAV-01", at(0)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("truce"), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE observations SET body = '{\"kind\":\"fix\",' WHERE seq = 1");
        }
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThatThrownBy(() -> store.observations().read(1, 1))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table observations, key 1")
                    .hasMessageContaining(dir.toAbsolutePath().toString());
        }
    }

    @Test
    void anInstantOutsideTheStorableRangeIsRefusedAndNothingIsAppended() {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            Instant farFuture = Instant.parse("2300-01-01T00:00:00Z");
            assertThatThrownBy(() -> store.observations().append(farFuture, "sim", fix("RU-UAV-01", at(0))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("received 2300-01-01T00:00:00Z");
            assertThat(store.observations().size()).isZero();
            assertThat(store.observations().append(at(0), "sim", fix("RU-UAV-01", at(0))).seq()).isEqualTo(1);
        }
    }

    private Process holder(int appends) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(),
                dir.toString(), String.valueOf(appends)).redirectErrorStream(true).start();
    }

    /** The holder's first status line (READY or FAILED), skipping any log output. */
    private static String awaitStatus(Process p) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("READY") || line.startsWith("FAILED")) return line;
                    seen.append(line).append('\n');
                }
                return "EXITED without status:\n" + seen;
            } catch (IOException e) {
                return "EXITED " + e;
            }
        }).get(60, TimeUnit.SECONDS);
    }
}

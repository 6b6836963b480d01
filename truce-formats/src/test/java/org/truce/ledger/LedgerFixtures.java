package org.truce.ledger;

import org.truce.codec.JsonEntryCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.CenterEvent;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sensing.AcceptedObservation;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/** Shared test data for the ledger: observations, incidents, two contingents' keys, a wired log. */
public final class LedgerFixtures {
    public static final Instant T0 = Instant.parse("2020-11-14T06:00:00Z");
    public static final String ORIGIN = "truce/karabakh-2020";
    public static final List<String> ROSTER = List.of("RU", "TR");
    /** Fixed test keys (never use outside tests). */
    public static final NoteSigner RU_KEY = NoteSigner.parse(
            "PRIVATE+KEY+truce-test-RU-1+" + hashOf("truce-test-RU-1", seed(1)) + "+" + b64(seed(1)));
    public static final NoteSigner TR_KEY = NoteSigner.parse(
            "PRIVATE+KEY+truce-test-TR-1+" + hashOf("truce-test-TR-1", seed(2)) + "+" + b64(seed(2)));

    private LedgerFixtures() {}

    public static AcceptedObservation observation(long seq) {
        Instant t = T0.plusMillis(seq * 250);
        return new AcceptedObservation(seq, AcceptedObservation.idFor(seq), t, "sim",
                new Observation.PlatformFix(AssetId.of("RU-UAV-01"), t, GeoPoint.of(39.81 + seq * 1e-5, 46.75),
                        1500.0, 8.5, 90.0, 30.0));
    }

    public static Incident incident(String id, IncidentState state) {
        return new Incident(id, ProvisionId.of("p1-ceasefire"), 1, RuleId.of("p1-ceasefire"), "cease-fire",
                ZoneId.of("theater"), T0, T0.plusSeconds(60), GeoPoint.of(39.8, 46.7), 350.0,
                Optional.of(PartyId.of("AZ")), 0.91, "fire-1", "Artillery fire — Шуши", state, List.of("OBS-1", "OBS-2"));
    }

    /** A log with two keyed contingents, keys registered and the roster set. */
    public static Wired wired(LedgerStore entries, CheckpointStore checkpoints) {
        Ledger ledger = Ledger.open(entries, JsonEntryCodec.canonical());
        if (checkpoints.keys().isEmpty()) {
            checkpoints.addKey(new KeyRecord("RU", RU_KEY.verifier().text(), T0));
            checkpoints.addKey(new KeyRecord("TR", TR_KEY.verifier().text(), T0));
        }
        LedgerRecorder recorder = new LedgerRecorder(ledger, 4, Duration.ofSeconds(1));
        Checkpointer checkpointer = new Checkpointer(ledger, checkpoints, ORIGIN, ROSTER,
                List.of(KeyCosigner.resume("RU", RU_KEY, ORIGIN, checkpoints),
                        KeyCosigner.resume("TR", TR_KEY, ORIGIN, checkpoints)),
                Duration.ofMinutes(1), recorder::flush);
        return new Wired(ledger, recorder, checkpointer);
    }

    /** Feeds {@code n} observations, two incident changes, and checkpoints every 10 observations. */
    public static void feed(Wired w, int n) {
        for (int i = 1; i <= n; i++) {
            w.recorder().on(new CenterEvent.ObservationAccepted(observation(i)));
            if (i == 7) w.recorder().on(new CenterEvent.IncidentChanged(incident("INC-2020-11-14-0042", IncidentState.OPEN), true));
            if (i == 13) w.recorder().on(new CenterEvent.IncidentChanged(incident("INC-2020-11-14-0042", IncidentState.CLOSED), false));
            if (i % 10 == 0) w.checkpointer().checkpoint(observation(i).received());
        }
        w.checkpointer().checkpoint(observation(n).received().plusSeconds(5));
    }

    public record Wired(Ledger ledger, LedgerRecorder recorder, Checkpointer checkpointer) {
    }

    static byte[] seed(int b) {
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) s[i] = (byte) (b * 31 + i);
        return s;
    }

    private static String b64(byte[] seed) {
        return java.util.Base64.getEncoder().encodeToString(Ed25519Keys.concat(new byte[] {1}, seed));
    }

    private static String hashOf(String name, byte[] seed) {
        return String.format("%08x", Ed25519Keys.keyHash(name, Ed25519Keys.publicOf(seed)));
    }
}

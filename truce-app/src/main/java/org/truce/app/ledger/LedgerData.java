package org.truce.app.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.SignedNote;
import org.truce.store.jdbc.JdbcLedgerStore;

/** Opens the ledger tables of a data directory, exactly as a center opens its store, for the log commands. */
final class LedgerData {
    private LedgerData() {}

    static JdbcLedgerStore open(Path dataDir) {
        if (!Files.isDirectory(dataDir)) throw new IllegalArgumentException("--data " + dataDir + ": no such directory");
        return JdbcLedgerStore.open(dataDir);
    }

    /** The log's origin: the one given, else the latest stored checkpoint's. */
    static Optional<String> origin(Optional<String> given, List<CheckpointRecord> checkpoints) {
        if (given.isPresent()) return given;
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(Checkpoint.parse(SignedNote.parse(checkpoints.get(i).note()).body()).origin());
            } catch (IllegalArgumentException malformed) {
                // Try an older one; the verifier reports the malformed note.
            }
        }
        return Optional.empty();
    }
}

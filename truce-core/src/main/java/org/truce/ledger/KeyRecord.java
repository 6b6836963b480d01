package org.truce.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A contingent's checkpoint verifier key. Keys are never removed: after a rotation the old key still verifies the
 * checkpoints it signed.
 *
 * @param contingent  id of the contingent owning the key
 * @param verifierKey the signed-note verifier key, {@code <name>+<hash hex>+<base64(0x01 ‖ public key)>}
 * @param registered  center time of registration (UTC)
 */
public record KeyRecord(String contingent, String verifierKey, Instant registered) {
    public KeyRecord {
        // Not parsed here: a damaged stored key must reach the verifier, which reports it, rather than stop reading.
        Objects.requireNonNull(contingent); Objects.requireNonNull(verifierKey); Objects.requireNonNull(registered);
    }
}

package org.truce.ledger;

/** Told when {@link LedgerAuditor} finds the stored log no longer matches what was co-signed. Must not throw. */
@FunctionalInterface
public interface LedgerAlertListener {
    void alert(VerificationReport report);
}

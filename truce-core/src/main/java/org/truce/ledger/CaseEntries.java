package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.truce.ground.ContingentId;
import org.truce.cases.Allegation;
import org.truce.cases.Assessment;
import org.truce.cases.Case;
import org.truce.cases.Outcome;

/**
 * Payloads of the transparency log's joint-verification entries, and the commit-reveal scheme that keeps the blind
 * rule in a log anyone may read.
 *
 * <p>When a contingent submits, the log gets a {@link Commitment}: {@code SHA-256(salt ‖ E)}, where {@code E} is the
 * canonical {@code truce-entry v1} encoding of an {@code assessment} entry whose payload is the assessment alone
 * ({@link EntryCodec#encode}{@code (ASSESSMENT, assessment)}), and {@code salt} is 32 bytes only the center knows
 * until the reveal. When the blind lifts (every contingent assessed, or the deadline passed) the log gets a
 * {@link Reveal} with the assessment and the salt, so anyone can recompute the hash and see that the revealed
 * assessment is the one committed before the other side's was known. The salt is
 * {@code HMAC-SHA256(secret, case id LF contingent LF submitted)}: derived, so nothing but the center's secret needs
 * keeping, and unguessable, so a commitment cannot be opened by trying the few plausible assessments.
 * Pure; thread-safe.
 */
public final class CaseEntries {
    private static final HexFormat HEX = HexFormat.of();

    private CaseEntries() {}

    /** Payload of {@link EntryKind#ASSESSMENT_COMMITMENT}: nothing about the content, only who committed on what. */
    public record Commitment(String caseId, String incidentId, ContingentId contingent, String commitment) {
        public Commitment {
            Objects.requireNonNull(caseId); Objects.requireNonNull(incidentId); Objects.requireNonNull(contingent);
            Objects.requireNonNull(commitment);
        }
    }

    /** Payload of {@link EntryKind#ASSESSMENT}: the assessment and the salt that opens its commitment. */
    public record Reveal(String caseId, String incidentId, ContingentId contingent, String salt, String commitment,
                         Assessment assessment) {
        public Reveal {
            Objects.requireNonNull(caseId); Objects.requireNonNull(incidentId); Objects.requireNonNull(contingent);
            Objects.requireNonNull(salt); Objects.requireNonNull(commitment); Objects.requireNonNull(assessment);
        }
    }

    /** Payload of {@link EntryKind#FINDING} and {@link EntryKind#DISSENT}: the outcome as published. */
    public record Published(String caseId, String incidentId, String provision, Instant published, Outcome outcome) {
        public Published {
            Objects.requireNonNull(caseId); Objects.requireNonNull(incidentId); Objects.requireNonNull(provision);
            Objects.requireNonNull(published); Objects.requireNonNull(outcome);
        }

        public static Published of(Case c) {
            return new Published(c.id().value(), c.incidentId(), c.provision().value(), c.published().orElseThrow(),
                    c.outcome().orElseThrow());
        }
    }

    /** Payload of {@link EntryKind#ALLEGATION}: the allegation as filed, or with the status its review gave it. */
    public record AllegationRecord(Allegation allegation) {
        public AllegationRecord {
            Objects.requireNonNull(allegation);
        }
    }

    /** The salt of {@code contingent}'s assessment on {@code caseId}, submitted at {@code submitted} (32 bytes). */
    public static byte[] salt(byte[] secret, String caseId, ContingentId contingent, Instant submitted) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((caseId + "\n" + contingent.value() + "\n" + submitted).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** {@code SHA-256(salt ‖ E)} in lowercase hex, E the canonical assessment entry (see the class comment). */
    public static String commitment(EntryCodec codec, byte[] salt, Object assessment) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            d.update(codec.encode(EntryKind.ASSESSMENT, assessment));
            return HEX.formatHex(d.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    public static Commitment commit(EntryCodec codec, byte[] secret, Case c, Assessment a) {
        byte[] salt = salt(secret, c.id().value(), a.contingent(), a.submitted());
        return new Commitment(c.id().value(), c.incidentId(), a.contingent(), commitment(codec, salt, a));
    }

    public static Reveal reveal(EntryCodec codec, byte[] secret, Case c, Assessment a) {
        byte[] salt = salt(secret, c.id().value(), a.contingent(), a.submitted());
        return new Reveal(c.id().value(), c.incidentId(), a.contingent(), HEX.formatHex(salt), commitment(codec, salt, a), a);
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }
}

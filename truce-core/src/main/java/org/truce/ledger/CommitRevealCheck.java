package org.truce.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a third party runs over a copy of the log to check the blind rule was kept: every revealed assessment
 * ({@link EntryKind#ASSESSMENT}) opens a commitment ({@link EntryKind#ASSESSMENT_COMMITMENT}) logged earlier for the
 * same case and contingent, i.e. {@code SHA-256(salt ‖ E)} recomputed from the revealed assessment and salt equals
 * the committed hash. Reads the entries only; needs no secret. Pure given the store; not thread-safe itself.
 */
public final class CommitRevealCheck {
    /**
     * @param commitments commitment entries seen
     * @param reveals     reveal entries seen
     * @param opened      reveals whose assessment matches the earlier commitment
     * @param problems    one line per reveal that does not (where and why); empty when the log is consistent
     */
    public record Report(int commitments, int reveals, int opened, List<String> problems) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    private CommitRevealCheck() {}

    public static Report check(LedgerStore store, EntryCodec codec) {
        Objects.requireNonNull(store); Objects.requireNonNull(codec);
        Tracker t = new Tracker();
        List<String> problems = new ArrayList<>();
        long size = store.size();
        for (long from = 0; from < size; ) {
            List<LedgerStore.StoredEntry> page = store.read(from, 1000);
            if (page.isEmpty()) break;
            for (LedgerStore.StoredEntry e : page) {
                try {
                    EntryCodec.DecodedEntry d = codec.decode(e.entry());
                    t.accept(d).ifPresent(p -> problems.add("entry " + e.index() + " (" + Tracker.key(d) + "): " + p));
                } catch (EntryFormatException bad) {
                    // the log auditor reports malformed entries
                }
            }
            from = page.get(page.size() - 1).index() + 1;
        }
        return new Report(t.commitments, t.reveals, t.opened, problems);
    }

    /**
     * The check one entry at a time, in log order (how {@link LogVerifier} runs it during its single pass).
     * Not thread-safe.
     */
    public static final class Tracker {
        private final Map<String, String> committed = new HashMap<>();
        private int commitments, reveals, opened;

        /** Takes the next entry; returns why it is a reveal that does not open its commitment, or empty. */
        public java.util.Optional<String> accept(EntryCodec.DecodedEntry d) {
            if (d.kind() == EntryKind.ASSESSMENT_COMMITMENT) {
                commitments++;
                committed.putIfAbsent(key(d), d.payload().text("commitment").orElse(""));
            } else if (d.kind() == EntryKind.ASSESSMENT) {
                reveals++;
                String problem = open(d.payload(), committed.get(key(d)));
                if (problem == null) opened++;
                else return java.util.Optional.of(problem);
            }
            return java.util.Optional.empty();
        }

        public int reveals() {
            return reveals;
        }

        public int opened() {
            return opened;
        }

        /** {@code caseId/contingent} of a commitment or reveal. */
        public static String key(EntryCodec.DecodedEntry d) {
            return d.payload().text("caseId").orElse("") + "/" + d.payload().text("contingent").orElse("");
        }
    }

    /** Why {@code reveal} does not open {@code commitment}, or null when it does. */
    static String open(EntryCodec.Payload reveal, String commitment) {
        if (commitment == null) return "no earlier commitment for this case and contingent";
        java.util.Optional<byte[]> assessment = reveal.entryOf("assessment", EntryKind.ASSESSMENT);
        if (assessment.isEmpty()) return "the reveal holds no assessment";
        byte[] salt;
        try {
            salt = HexFormat.of().parseHex(reveal.text("salt").orElse(""));
        } catch (IllegalArgumentException e) {
            return "the salt is not hex";
        }
        String recomputed = hash(salt, assessment.get());
        if (!recomputed.equals(commitment)) {
            return "SHA-256(salt ‖ assessment) is " + recomputed + " but " + commitment + " was committed";
        }
        return null;
    }

    private static String hash(byte[] salt, byte[] entry) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            d.update(entry);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

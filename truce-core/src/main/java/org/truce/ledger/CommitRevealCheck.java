package org.truce.ledger;

import com.fasterxml.jackson.databind.JsonNode;
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

    public static Report check(LedgerStore store) {
        Objects.requireNonNull(store);
        Map<String, String> committed = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int commitments = 0, reveals = 0, opened = 0;
        long size = store.size();
        for (long from = 0; from < size; ) {
            List<LedgerStore.StoredEntry> page = store.read(from, 1000);
            if (page.isEmpty()) break;
            for (LedgerStore.StoredEntry e : page) {
                EntryCodec.DecodedEntry d;
                try {
                    d = EntryCodec.decode(e.entry());
                } catch (EntryFormatException bad) {
                    continue; // the log auditor reports malformed entries
                }
                String key = d.json().path("caseId").asText() + "/" + d.json().path("contingent").asText();
                if (d.kind() == EntryKind.ASSESSMENT_COMMITMENT) {
                    commitments++;
                    committed.putIfAbsent(key, d.json().path("commitment").asText());
                } else if (d.kind() == EntryKind.ASSESSMENT) {
                    reveals++;
                    String problem = open(d.json(), committed.get(key));
                    if (problem == null) opened++;
                    else problems.add("entry " + e.index() + " (" + key + "): " + problem);
                }
            }
            from = page.get(page.size() - 1).index() + 1;
        }
        return new Report(commitments, reveals, opened, problems);
    }

    /** Why {@code reveal} does not open {@code commitment}, or null when it does. */
    static String open(JsonNode reveal, String commitment) {
        if (commitment == null) return "no earlier commitment for this case and contingent";
        JsonNode assessment = reveal.get("assessment");
        if (assessment == null || !assessment.isObject()) return "the reveal holds no assessment";
        byte[] salt;
        try {
            salt = HexFormat.of().parseHex(reveal.path("salt").asText());
        } catch (IllegalArgumentException e) {
            return "the salt is not hex";
        }
        String recomputed = hash(salt, EntryCodec.encode(EntryKind.ASSESSMENT, assessment));
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

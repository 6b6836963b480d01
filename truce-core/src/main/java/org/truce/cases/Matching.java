package org.truce.cases;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.truce.ground.PartyId;

/**
 * When assessments match, and the finding they make. Assessments match exactly when they agree on
 * <ol>
 *   <li>whether it happened (YES / NO / UNDETERMINED),</li>
 *   <li>the provision at stake, and</li>
 *   <li>the effective attribution: the attributed party when its confidence is at or above the policy's threshold,
 *       otherwise "undetermined". So AZ@0.9 matches AZ@0.85 (threshold 0.8), AZ@0.5 matches no attribution, and
 *       AZ@0.9 does not match AZ@0.5 nor AM@0.9.</li>
 * </ol>
 * Evidence and text need not match. Pure and thread-safe.
 */
public final class Matching {
    private final double threshold;

    public Matching(double attributionThreshold) {
        this.threshold = attributionThreshold;
    }

    /** The attribution that counts: the party if confidence ≥ threshold, else empty ("undetermined"). */
    public Optional<PartyId> effectiveAttribution(Assessment a) {
        return a.confidence() >= threshold ? a.attribution() : Optional.empty();
    }

    public boolean matches(Assessment a, Assessment b) {
        return a.happened() == b.happened() && a.provision().equals(b.provision())
                && effectiveAttribution(a).equals(effectiveAttribution(b));
    }

    /** The finding all of {@code assessments} make, or empty when any two do not match (or there are none). */
    public Optional<Finding> jointFinding(Collection<Assessment> assessments) {
        List<Assessment> all = List.copyOf(assessments);
        if (all.isEmpty()) return Optional.empty();
        Assessment first = all.get(0);
        for (Assessment a : all) {
            if (!matches(first, a)) return Optional.empty();
        }
        Optional<PartyId> party = effectiveAttribution(first);
        double confidence = party.isEmpty() ? 0.0 : all.stream().mapToDouble(Assessment::confidence).min().orElseThrow();
        TreeSet<String> evidence = new TreeSet<>();
        all.forEach(a -> evidence.addAll(a.evidence()));
        return Optional.of(new Finding(Verdict.of(first.happened()), party, confidence, List.of(first.provision()),
                List.copyOf(evidence), Finding.Basis.MATCHING_ASSESSMENTS));
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public String toString() {
        return "Matching[threshold=" + threshold + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matching m && m.threshold == threshold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(threshold);
    }
}

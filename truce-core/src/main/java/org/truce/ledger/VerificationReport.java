package org.truce.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking a log: every problem found, in the order found (entries by index, then checkpoints in
 * order), so {@link #firstProblem()} names the first bad entry or signature. Immutable.
 *
 * @param entries          entries read
 * @param checkpoints      checkpoints read
 * @param jointCheckpoints checkpoints with a valid signature of every contingent of the roster
 * @param latestJoint      the latest joint checkpoint whose root matched the entries
 * @param recomputed       the tree head recomputed from the entries read
 * @param notes            facts worth showing that are not problems (recorded refusals, unsigned tail)
 */
public record VerificationReport(long entries, int checkpoints, int jointCheckpoints, Optional<TreeHead> latestJoint,
                                 TreeHead recomputed, List<Problem> problems, List<String> notes) {
    public VerificationReport {
        Objects.requireNonNull(latestJoint); Objects.requireNonNull(recomputed);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public Optional<Problem> firstProblem() {
        return problems.stream().findFirst();
    }

    /**
     * One thing wrong.
     *
     * @param where  e.g. {@code entry 17}, {@code checkpoint 3 (tree size 120)}, {@code key 2}
     * @param reason what is wrong, in words
     */
    public record Problem(String where, String reason) {
        @Override
        public String toString() {
            return where + ": " + reason;
        }
    }
}

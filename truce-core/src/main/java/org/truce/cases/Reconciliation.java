package org.truce.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.truce.ground.ContingentId;

/**
 * The discussion opened when assessments differ or one is missing. Immutable; each change is a new value.
 *
 * @param reason   why it was opened, in words
 * @param comments oldest first
 * @param proposal the finding currently on the table, if any
 */
public record Reconciliation(Instant opened, String reason, List<Comment> comments, Optional<Proposal> proposal) {
    public Reconciliation {
        Objects.requireNonNull(opened); Objects.requireNonNull(reason); Objects.requireNonNull(proposal);
        comments = List.copyOf(comments);
    }

    public Reconciliation withComment(Comment c) {
        var all = new java.util.ArrayList<>(comments);
        all.add(c);
        return new Reconciliation(opened, reason, all, proposal);
    }

    public Reconciliation withProposal(Proposal p) {
        return new Reconciliation(opened, reason, comments, Optional.of(p));
    }

    /** The latest comment of {@code c}, or empty. */
    public Optional<Comment> lastCommentOf(ContingentId c) {
        for (int i = comments.size() - 1; i >= 0; i--) {
            if (comments.get(i).contingent().equals(c)) return Optional.of(comments.get(i));
        }
        return Optional.empty();
    }

    /** One contingent's comment. */
    public record Comment(ContingentId contingent, String author, Instant at, String text) {
        public Comment {
            Objects.requireNonNull(contingent); Objects.requireNonNull(author); Objects.requireNonNull(at);
            if (text == null || text.isBlank()) throw new IllegalArgumentException("comment.text must not be blank");
        }
    }

    /** A finding proposed by one contingent and the contingents that have accepted it (the proposer included). */
    public record Proposal(ContingentId by, String author, Instant at, Finding finding, Set<ContingentId> acceptedBy) {
        public Proposal {
            Objects.requireNonNull(by); Objects.requireNonNull(author); Objects.requireNonNull(at);
            Objects.requireNonNull(finding);
            acceptedBy = java.util.Collections.unmodifiableSet(new TreeSet<>(acceptedBy));
        }

        public Proposal acceptedBy(ContingentId c) {
            var all = new TreeSet<>(acceptedBy);
            all.add(c);
            return new Proposal(by, author, at, finding, all);
        }
    }
}

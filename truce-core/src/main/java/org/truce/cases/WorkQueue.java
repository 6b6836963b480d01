package org.truce.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ContingentId;

/**
 * One contingent's desk: what it still has to do on each case, most urgent first (overdue, then due soon, then
 * the rest; within each, earliest due first, then case id). Pure and stateless.
 */
public final class WorkQueue {
    /** What the contingent has to do. */
    public enum Task { ASSESS, RECONCILE, APPROVE }

    /** How pressing an item is. */
    public enum Urgency { OVERDUE, DUE_SOON, NORMAL }

    /** One entry; {@code due} is empty when no deadline applies (reconciliation, approval). */
    public record Item(CaseId caseId, String incidentId, Task task, Optional<Instant> due, Urgency urgency,
                       Optional<CaseLocks.Lock> lock) {
        public Item {
            Objects.requireNonNull(caseId); Objects.requireNonNull(task); Objects.requireNonNull(due);
            Objects.requireNonNull(urgency); Objects.requireNonNull(lock);
        }
    }

    private WorkQueue() {}

    /** The queue of {@code contingent} over {@code cases} at {@code now}. Cases it has nothing to do on are left out. */
    public static List<Item> of(ContingentId contingent, List<Case> cases, CaseLocks locks, Duration dueSoon, Instant now) {
        List<Item> out = new ArrayList<>();
        for (Case c : cases) {
            if (!c.contingents().contains(contingent)) continue;
            Optional<Task> task = switch (c.state()) {
                case ASSESSING -> c.assessments().containsKey(contingent) || !now.isBefore(c.deadline())
                        ? (now.isBefore(c.deadline()) ? Optional.empty() : Optional.of(Task.RECONCILE))
                        : Optional.of(Task.ASSESS);
                case RECONCILING -> Optional.of(Task.RECONCILE);
                case FINDING_AGREED, DISSENT_RECORDED -> c.approvals().containsKey(contingent)
                        ? Optional.empty() : Optional.of(Task.APPROVE);
                case PUBLISHED -> Optional.empty();
            };
            if (task.isEmpty()) continue;
            Optional<Instant> due = task.get() == Task.ASSESS ? Optional.of(c.deadline()) : Optional.empty();
            Urgency urgency = due.map(d -> !now.isBefore(d) ? Urgency.OVERDUE
                    : d.isBefore(now.plus(dueSoon)) ? Urgency.DUE_SOON : Urgency.NORMAL).orElse(Urgency.NORMAL);
            out.add(new Item(c.id(), c.incidentId(), task.get(), due, urgency, locks.holder(c.id(), contingent, now)));
        }
        out.sort(Comparator.comparing(Item::urgency)
                .thenComparing(i -> i.due().orElse(Instant.MAX))
                .thenComparing(Item::caseId));
        return out;
    }
}

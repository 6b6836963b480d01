package org.truce.cases;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.ground.ContingentId;
import org.truce.ground.ProvisionId;

/**
 * The joint handling of one incident: one blind assessment from each contingent, then a finding or a dissent,
 * then publication with every contingent's approval. Immutable: every change is a new value with {@code version}
 * one higher, produced by {@link CaseLifecycle}. Never hand a Case to anyone outside the core's cases package
 * without going through {@link Visibility}: it holds the sealed assessments.
 *
 * @param contingents  the contingents that must assess, sorted
 * @param deadline     assessment deadline; at it the blind lifts and missing assessments are recorded
 * @param assessments  submitted assessments by contingent
 * @param missing      contingents recorded MISSING at the deadline
 * @param approvals    publication approvals by contingent
 */
public record Case(CaseId id, String incidentId, ProvisionId provision, Instant opened, Instant deadline,
                   List<ContingentId> contingents, CaseState state, Map<ContingentId, Assessment> assessments,
                   Set<ContingentId> missing, Optional<Reconciliation> reconciliation, Optional<Outcome> outcome,
                   Map<ContingentId, Approval> approvals, Optional<Instant> published, long version) {
    public Case {
        Objects.requireNonNull(id); Objects.requireNonNull(incidentId); Objects.requireNonNull(provision);
        Objects.requireNonNull(opened); Objects.requireNonNull(deadline); Objects.requireNonNull(state);
        Objects.requireNonNull(reconciliation); Objects.requireNonNull(outcome); Objects.requireNonNull(published);
        contingents = List.copyOf(new TreeSet<>(contingents));
        if (contingents.isEmpty()) throw new IllegalArgumentException("case " + id + " needs at least one contingent");
        assessments = Collections.unmodifiableMap(new TreeMap<>(assessments));
        missing = Collections.unmodifiableSet(new TreeSet<>(missing));
        approvals = Collections.unmodifiableMap(new TreeMap<>(approvals));
        boolean decided = state == CaseState.FINDING_AGREED || state == CaseState.DISSENT_RECORDED || state == CaseState.PUBLISHED;
        if (decided != outcome.isPresent()) {
            throw new IllegalArgumentException("case " + id + ": state " + state + (decided ? " needs" : " must not have") + " an outcome");
        }
        if (published.isPresent() != (state == CaseState.PUBLISHED)) {
            throw new IllegalArgumentException("case " + id + ": published time present iff PUBLISHED");
        }
    }

    /** One contingent's approval of publication. */
    public record Approval(ContingentId contingent, String userId, Role role, Instant at) {
        public Approval {
            Objects.requireNonNull(contingent); Objects.requireNonNull(userId);
            Objects.requireNonNull(role); Objects.requireNonNull(at);
        }
    }

    public Optional<Assessment> assessmentOf(ContingentId c) {
        return Optional.ofNullable(assessments.get(c));
    }

    public boolean allAssessed() {
        return assessments.keySet().containsAll(contingents);
    }

    public Optional<Finding> finding() {
        return outcome.filter(Finding.class::isInstance).map(Finding.class::cast);
    }

    public Optional<Dissent> dissent() {
        return outcome.filter(Dissent.class::isInstance).map(Dissent.class::cast);
    }

    /**
     * A short description of the lifecycle position without any assessment content, for the audit trail's
     * before/after: e.g. {@code v3 RECONCILING assessed=[A, B] missing=[] approvals=[]}.
     */
    public String summary() {
        return "v" + version + " " + state + " assessed=" + assessments.keySet() + " missing=" + missing
                + " approvals=" + approvals.keySet()
                + outcome.map(o -> o instanceof Finding f ? " finding=" + f.verdict() + f.attribution().map(p -> "/" + p).orElse("")
                        : " dissent").orElse("");
    }

    Case next(CaseState newState, Map<ContingentId, Assessment> newAssessments, Set<ContingentId> newMissing,
              Optional<Reconciliation> newReconciliation, Optional<Outcome> newOutcome,
              Map<ContingentId, Approval> newApprovals, Optional<Instant> newPublished) {
        return new Case(id, incidentId, provision, opened, deadline, contingents, newState, newAssessments, newMissing,
                newReconciliation, newOutcome, newApprovals, newPublished, version + 1);
    }
}

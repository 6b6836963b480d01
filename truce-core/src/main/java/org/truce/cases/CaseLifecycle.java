package org.truce.cases;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.truce.ground.ContingentId;
import org.truce.rules.Incident;

/**
 * The case state machine as pure functions: each takes a case and the current instant and returns the next case,
 * or throws {@link Refusal} saying why the move is not legal. No authorization here (that is {@link Authorization}'s
 * job, applied by {@link Casework}); this class only guards the lifecycle. Thread-safe (stateless beyond its policy).
 *
 * <p>Every move first {@linkplain #settle settles} the deadline, so a late submission is refused even if nobody
 * looked at the case when the deadline passed.
 */
public final class CaseLifecycle {
    private final CasePolicy policy;
    private final Matching matching;

    public CaseLifecycle(CasePolicy policy) {
        this.policy = Objects.requireNonNull(policy);
        this.matching = new Matching(policy.attributionThreshold());
    }

    public CasePolicy policy() {
        return policy;
    }

    public Matching matching() {
        return matching;
    }

    /** A new case for {@code incident}, blind, with its deadline {@code assessmentWindow} after {@code now}. */
    public Case open(Incident incident, List<ContingentId> contingents, Instant now) {
        return new Case(CaseId.forIncident(incident.id()), incident.id(), incident.provision(), now,
                now.plus(policy.assessmentWindow()), contingents, CaseState.ASSESSING, Map.of(), Set.of(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), 1);
    }

    /**
     * Applies the deadline: a case still ASSESSING at or after its deadline records the contingents that have not
     * assessed as MISSING and moves to RECONCILING. Any other case is returned unchanged (same instance).
     */
    public Case settle(Case c, Instant now) {
        if (c.state() != CaseState.ASSESSING || now.isBefore(c.deadline())) return c;
        Set<ContingentId> missing = new TreeSet<>(c.contingents());
        missing.removeAll(c.assessments().keySet());
        c.state().requireMoveTo(CaseState.RECONCILING, c.id());
        String reason = "assessment deadline " + c.deadline() + " passed; MISSING: " + missing;
        return c.next(CaseState.RECONCILING, c.assessments(), missing,
                Optional.of(new Reconciliation(c.deadline(), reason, List.of(), Optional.empty())),
                Optional.empty(), c.approvals(), Optional.empty());
    }

    /** Records {@code a}; when every contingent is in, moves to FINDING_AGREED (all match) or RECONCILING. */
    public Case submit(Case c0, Assessment a, Instant now) {
        Case c = settle(c0, now);
        ContingentId who = a.contingent();
        requireMember(c, who);
        if (c.state() != CaseState.ASSESSING) {
            throw conflict(c, "cannot take an assessment from " + who + ": the case is " + c.state()
                    + (c.missing().contains(who) ? " and " + who + " was recorded MISSING at the deadline " + c.deadline()
                        + "; state the position in reconciliation" : ""));
        }
        if (c.assessments().containsKey(who)) {
            throw conflict(c, who + " already submitted its assessment at " + c.assessments().get(who).submitted());
        }
        Map<ContingentId, Assessment> all = new HashMap<>(c.assessments());
        all.put(who, a);
        if (!all.keySet().containsAll(c.contingents())) {
            return c.next(CaseState.ASSESSING, all, c.missing(), c.reconciliation(), Optional.empty(), c.approvals(), Optional.empty());
        }
        Optional<Finding> finding = matching.jointFinding(all.values());
        if (finding.isPresent()) {
            return c.next(CaseState.FINDING_AGREED, all, c.missing(), Optional.empty(), Optional.of(finding.get()),
                    c.approvals(), Optional.empty());
        }
        return c.next(CaseState.RECONCILING, all, c.missing(),
                Optional.of(new Reconciliation(now, "assessments differ: " + differences(all), List.of(), Optional.empty())),
                Optional.empty(), c.approvals(), Optional.empty());
    }

    /** Adds a comment by {@code comment.contingent()} to the open reconciliation. */
    public Case comment(Case c0, Reconciliation.Comment comment, Instant now) {
        Case c = requireReconciling(settle(c0, now), comment.contingent(), "comment");
        return c.next(c.state(), c.assessments(), c.missing(), c.reconciliation().map(r -> r.withComment(comment)),
                Optional.empty(), c.approvals(), Optional.empty());
    }

    /** Puts {@code finding} on the table for {@code by}, replacing any earlier proposal. The proposer accepts it. */
    public Case propose(Case c0, ContingentId by, String author, Finding finding, Instant now) {
        Case c = requireReconciling(settle(c0, now), by, "propose a finding");
        Finding reconciled = new Finding(finding.verdict(), finding.attribution(), finding.confidence(),
                finding.provisions(), finding.evidence(), Finding.Basis.RECONCILED);
        var proposal = new Reconciliation.Proposal(by, author, now, reconciled, Set.of(by));
        Case proposed = c.next(c.state(), c.assessments(), c.missing(), c.reconciliation().map(r -> r.withProposal(proposal)),
                Optional.empty(), c.approvals(), Optional.empty());
        return agreedIfAll(proposed, proposal);
    }

    /** {@code by} accepts the proposal on the table; when every contingent has, the finding is agreed. */
    public Case accept(Case c0, ContingentId by, Instant now) {
        Case c = requireReconciling(settle(c0, now), by, "accept a finding");
        var proposal = c.reconciliation().flatMap(Reconciliation::proposal)
                .orElseThrow(() -> conflict(c, "there is no proposed finding to accept"));
        var accepted = proposal.acceptedBy(by);
        Case withAcceptance = c.next(c.state(), c.assessments(), c.missing(),
                c.reconciliation().map(r -> r.withProposal(accepted)), Optional.empty(), c.approvals(), Optional.empty());
        return agreedIfAll(withAcceptance, accepted);
    }

    /**
     * Ends reconciliation without agreement. Any contingent may: none can be made to sign a finding it does not hold.
     * Each position is the contingent's assessment (empty if MISSING) and its last word: {@code statement} for
     * {@code by}, the latest comment for the others.
     */
    public Case dissent(Case c0, ContingentId by, String statement, Instant now) {
        Case c = requireReconciling(settle(c0, now), by, "record dissent");
        if (statement == null || statement.isBlank()) throw new Refusal(Refusal.Kind.INVALID, "dissent.statement must not be blank");
        Reconciliation r = c.reconciliation().orElseThrow();
        List<Dissent.Position> positions = c.contingents().stream().map(k -> new Dissent.Position(k, c.assessmentOf(k),
                k.equals(by) ? statement : r.lastCommentOf(k).map(Reconciliation.Comment::text).orElse(""))).toList();
        c.state().requireMoveTo(CaseState.DISSENT_RECORDED, c.id());
        return c.next(CaseState.DISSENT_RECORDED, c.assessments(), c.missing(), c.reconciliation(),
                Optional.of(new Dissent(positions, by, now)), c.approvals(), Optional.empty());
    }

    /** Records {@code approval} of the outcome for its contingent. */
    public Case approve(Case c0, Case.Approval approval, Instant now) {
        Case c = settle(c0, now);
        requireMember(c, approval.contingent());
        if (c.state() != CaseState.FINDING_AGREED && c.state() != CaseState.DISSENT_RECORDED) {
            throw conflict(c, "nothing to approve: the case is " + c.state()
                    + " (approval is given to an agreed finding or a recorded dissent)");
        }
        if (c.approvals().containsKey(approval.contingent())) {
            throw conflict(c, approval.contingent() + " already approved at " + c.approvals().get(approval.contingent()).at());
        }
        Map<ContingentId, Case.Approval> all = new HashMap<>(c.approvals());
        all.put(approval.contingent(), approval);
        return c.next(c.state(), c.assessments(), c.missing(), c.reconciliation(), c.outcome(), all, Optional.empty());
    }

    /** Publishes the outcome; refused until every contingent approved (or one, if the policy allows). */
    public Case publish(Case c0, Instant now) {
        Case c = settle(c0, now);
        c.state().requireMoveTo(CaseState.PUBLISHED, c.id());
        Set<ContingentId> lacking = new TreeSet<>(c.contingents());
        lacking.removeAll(c.approvals().keySet());
        boolean enough = policy.findingNeedsAllHeads() ? lacking.isEmpty() : !c.approvals().isEmpty();
        if (!enough) {
            throw conflict(c, "publication needs the approval of every contingent's head or duty officer; missing: " + lacking);
        }
        return c.next(CaseState.PUBLISHED, c.assessments(), c.missing(), c.reconciliation(), c.outcome(),
                c.approvals(), Optional.of(now));
    }

    private Case agreedIfAll(Case c, Reconciliation.Proposal p) {
        if (!p.acceptedBy().containsAll(c.contingents())) return c;
        c.state().requireMoveTo(CaseState.FINDING_AGREED, c.id());
        return c.next(CaseState.FINDING_AGREED, c.assessments(), c.missing(), c.reconciliation(),
                Optional.of(p.finding()), c.approvals(), Optional.empty());
    }

    private Case requireReconciling(Case c, ContingentId who, String what) {
        requireMember(c, who);
        if (c.state() != CaseState.RECONCILING) {
            throw conflict(c, "cannot " + what + ": the case is " + c.state() + ", not RECONCILING");
        }
        return c;
    }

    private static void requireMember(Case c, ContingentId who) {
        if (!c.contingents().contains(who)) {
            throw new Refusal(Refusal.Kind.INVALID, "contingent " + who + " is not one of case " + c.id() + "'s " + c.contingents());
        }
    }

    private static Refusal conflict(Case c, String why) {
        return new Refusal(Refusal.Kind.CONFLICT, "case " + c.id() + ": " + why);
    }

    private String differences(Map<ContingentId, Assessment> all) {
        return new java.util.TreeMap<>(all).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().happened() + "/" + e.getValue().provision() + "/"
                        + matching.effectiveAttribution(e.getValue()).map(Object::toString).orElse("undetermined"))
                .collect(Collectors.joining(", "));
    }
}

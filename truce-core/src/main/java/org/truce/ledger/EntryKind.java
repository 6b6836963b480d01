package org.truce.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of record the transparency log accepts. {@link #wireName()} is the word in an entry's header line and
 * never changes once published; a new kind gets a new name.
 */
public enum EntryKind {
    /** A batch of accepted observations, oldest first (payload {@link ObservationBatch}). */
    OBSERVATION_BATCH("observation-batch"),
    /** One change of an incident record: opened, grown or closed (payload {@link IncidentChange}). */
    INCIDENT("incident"),
    /**
     * One contingent's assessment, revealed once the blind lifts (every assessment in or the deadline passed), with
     * the salt that opens its earlier {@link #ASSESSMENT_COMMITMENT} (payload {@link CaseEntries.Reveal}).
     */
    ASSESSMENT("assessment"),
    /** A published joint finding (payload {@link CaseEntries.Published}). */
    FINDING("finding"),
    /** A published dissent, every contingent's position side by side (payload {@link CaseEntries.Published}). */
    DISSENT("dissent"),
    /** An allegation as filed or as its review changed it (payload {@link CaseEntries.AllegationRecord}). */
    ALLEGATION("allegation"),
    /** A flight plan as filed or as cancelled (payload {@link org.truce.airspace.FlightPlan}). */
    FLIGHT_PLAN("flight-plan"),
    /** A published report (its content hash and metadata). */
    REPORT("report"),
    /** A contingent's refusal to co-sign a checkpoint (payload {@link CheckpointRefusal}). */
    CHECKPOINT_REFUSAL("checkpoint-refusal"),
    /** A contingent's checkpoint verifier key, added at registration or rotation (payload {@link KeyRecord}). */
    KEY("key"),
    /**
     * The commitment to one contingent's assessment, logged when it is submitted: a salted hash that says nothing
     * of the content while the blind holds (payload {@link CaseEntries.Commitment}).
     */
    ASSESSMENT_COMMITMENT("assessment-commitment");

    private final String wireName;

    EntryKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EntryKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}

package org.truce.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.cases.Allegation;
import org.truce.cases.AllegationId;
import org.truce.cases.AllegationRepository;
import org.truce.cases.Assessment;
import org.truce.cases.Case;
import org.truce.cases.CaseId;
import org.truce.cases.CaseRepository;
import org.truce.cases.CaseState;
import org.truce.cases.Finding;

/**
 * Records joint verification in the transparency log by watching what is saved: wrap the case and allegation
 * repositories with {@link #recording(CaseRepository)} / {@link #recording(AllegationRepository)} and hand the
 * wrappers to {@code CaseServices}. For each saved case it logs
 * <ul>
 *   <li>a {@link EntryKind#ASSESSMENT_COMMITMENT} for every newly submitted assessment (content-free);</li>
 *   <li>when the blind lifts (the case leaves ASSESSING: all in, or the deadline passed), an
 *       {@link EntryKind#ASSESSMENT} reveal for every assessment, in contingent order;</li>
 *   <li>when the case is published, its {@link EntryKind#FINDING} or {@link EntryKind#DISSENT};</li>
 * </ul>
 * and an {@link EntryKind#ALLEGATION} for every allegation filed or changed by review. See {@link CaseEntries} for
 * the commit-reveal scheme. Entries are written only after the save succeeded; entries the ledger did not take wait
 * here and are retried in order on the next save or {@link #flush()}. Thread-safe (synchronized).
 */
public final class CaseLedgerRecorder {
    private final byte[] secret;
    private final EntryCodec codec;
    private final LedgerOutbox outbox;

    /** @param secret the center's commitment secret (at least 32 bytes), kept off the log */
    public CaseLedgerRecorder(Ledger ledger, byte[] secret) {
        this.outbox = new LedgerOutbox(ledger);
        this.codec = ledger.codec();
        if (secret.length < 32) throw new IllegalArgumentException("the commitment secret needs at least 32 bytes");
        this.secret = secret.clone();
    }

    /** {@code cases} with every successful save recorded in the log. */
    public CaseRepository recording(CaseRepository cases) {
        Objects.requireNonNull(cases);
        return new CaseRepository() {
            @Override
            public void save(Case c, long readVersion) {
                Optional<Case> before = readVersion == 0 ? Optional.empty() : cases.find(c.id());
                cases.save(c, readVersion);
                saved(before.filter(b -> b.version() == readVersion), c);
            }

            @Override
            public Optional<Case> find(CaseId id) {
                return cases.find(id);
            }

            @Override
            public List<Case> all() {
                return cases.all();
            }
        };
    }

    /** {@code allegations} with every filing and every change recorded in the log. */
    public AllegationRepository recording(AllegationRepository allegations) {
        Objects.requireNonNull(allegations);
        return new AllegationRepository() {
            @Override
            public void save(Allegation a) {
                Optional<Allegation> before = allegations.find(a.id());
                allegations.save(a);
                if (before.map(b -> !b.equals(a)).orElse(true)) {
                    enqueue(EntryKind.ALLEGATION, new CaseEntries.AllegationRecord(a));
                }
            }

            @Override
            public Optional<Allegation> find(AllegationId id) {
                return allegations.find(id);
            }

            @Override
            public List<Allegation> all() {
                return allegations.all();
            }

            @Override
            public AllegationId nextId(PartyId party) {
                return allegations.nextId(party);
            }
        };
    }

    /** Appends every entry still waiting; throws if the ledger still refuses (they stay queued). */
    public void flush() {
        outbox.flush();
    }

    /** Entries waiting for the ledger. */
    public int pending() {
        return outbox.pending();
    }

    private synchronized void saved(Optional<Case> before, Case after) {
        for (Assessment a : after.assessments().values()) {
            boolean isNew = before.map(b -> !b.assessments().containsKey(a.contingent())).orElse(true);
            if (isNew) enqueue(EntryKind.ASSESSMENT_COMMITMENT, CaseEntries.commit(codec, secret, after, a));
        }
        boolean wasBlind = before.map(b -> b.state() == CaseState.ASSESSING).orElse(true);
        if (wasBlind && after.state() != CaseState.ASSESSING) {
            for (Assessment a : after.assessments().values()) {
                enqueue(EntryKind.ASSESSMENT, CaseEntries.reveal(codec, secret, after, a));
            }
        }
        boolean wasPublished = before.map(b -> b.state() == CaseState.PUBLISHED).orElse(false);
        if (!wasPublished && after.state() == CaseState.PUBLISHED) {
            EntryKind kind = after.outcome().orElseThrow() instanceof Finding ? EntryKind.FINDING : EntryKind.DISSENT;
            enqueue(kind, CaseEntries.Published.of(after));
        }
    }

    private void enqueue(EntryKind kind, Object payload) {
        outbox.offer(kind, payload);
    }
}

package org.truce.cases;

import java.util.Objects;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;

/** What an {@link Action} is applied to; it carries exactly what {@link Authorization} needs to decide. Immutable. */
public sealed interface Resource {

    /** The center as a whole: lists, the audit trail, the roster. */
    record Center() implements Resource {}

    /** One case, read as a whole. */
    record CaseRef(CaseId caseId) implements Resource {
        public CaseRef { Objects.requireNonNull(caseId); }
    }

    /** One contingent's part of a case: its assessment, comment, approval or lock. */
    record CasePart(CaseId caseId, ContingentId contingent) implements Resource {
        public CasePart { Objects.requireNonNull(caseId); Objects.requireNonNull(contingent); }
    }

    /** Everything of one contingent: its queue, its roster part. */
    record ContingentScope(ContingentId contingent) implements Resource {
        public ContingentScope { Objects.requireNonNull(contingent); }
    }

    /** Everything of one party: its allegations, its notifications. */
    record PartyScope(PartyId party) implements Resource {
        public PartyScope { Objects.requireNonNull(party); }
    }

    /** One allegation and the party that filed it. */
    record AllegationRef(AllegationId allegation, PartyId filedBy) implements Resource {
        public AllegationRef { Objects.requireNonNull(allegation); Objects.requireNonNull(filedBy); }
    }
}

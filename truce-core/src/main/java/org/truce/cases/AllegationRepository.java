package org.truce.cases;

import java.util.List;
import java.util.Optional;

/** Port: where allegations live. Implementations are thread-safe. */
public interface AllegationRepository {
    /** Stores or replaces the allegation with this id. */
    void save(Allegation a);

    Optional<Allegation> find(AllegationId id);

    /** All allegations, ordered by id. */
    List<Allegation> all();

    /** A fresh id for {@code party}'s next allegation, e.g. {@code ALG-AM-0001}. */
    AllegationId nextId(org.truce.ground.PartyId party);
}

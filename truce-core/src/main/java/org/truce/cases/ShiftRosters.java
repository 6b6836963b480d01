package org.truce.cases;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.ground.ContingentId;

/**
 * The roster of one shift as the contingents build it: each contingent's senior officer sets only its own part of a
 * draft (parity cannot hold while one side is still typing), and the draft becomes the active roster only when it
 * keeps the agreement's parity rule; otherwise activation is refused with the reason. Every change is audited and
 * kept in a {@link RosterRepository}, so a restarted center has the active roster and the draft it had.
 * Thread-safe (synchronized).
 */
public final class ShiftRosters {
    private final Agreement agreement;
    private final AuditLog audit;
    private final InstantSource clock;
    private final RosterRepository store;
    private Roster draft;
    private Optional<Roster> active = Optional.empty();

    /** Rosters kept in {@code store}; an empty draft for the given shift when the store holds none yet. */
    public ShiftRosters(Agreement agreement, Instant shiftStart, Instant shiftEnd, RosterRepository store, AuditLog audit,
                        InstantSource clock) {
        this.agreement = Objects.requireNonNull(agreement);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.store = Objects.requireNonNull(store);
        this.draft = store.find(RosterRepository.Slot.DRAFT).orElseGet(() -> new Roster(shiftStart, shiftEnd, Map.of()));
        this.active = store.find(RosterRepository.Slot.ACTIVE);
    }

    /** Sets {@code contingent}'s part of the draft. Refused for another contingent's part or above the staff cap. */
    public synchronized Roster setPart(Principal who, ContingentId contingent, List<String> people) {
        Authorization.decide(who, Action.SET_ROSTER, new Resource.ContingentScope(contingent)).orThrow();
        int cap = agreement.parity().maxStaffPerContingent();
        if (people.size() > cap) {
            throw new Refusal(Refusal.Kind.INVALID, "roster part of " + contingent + " has " + people.size()
                    + " staff, above the cap of " + cap);
        }
        Roster before = draft;
        Roster next = draft.with(contingent, people);
        store.save(RosterRepository.Slot.DRAFT, next);
        draft = next;
        audit.record(who, clock.instant(), Action.SET_ROSTER, subject(), describe(before), describe(draft));
        return draft;
    }

    /** Makes the draft the active roster, or refuses (INVALID) with the reason it breaks parity. */
    public synchronized Roster activate(Principal who) {
        ContingentId own = who.contingent().orElseThrow(() -> new Refusal(Refusal.Kind.FORBIDDEN, who.userId() + " acts for no contingent"));
        Authorization.decide(who, Action.SET_ROSTER, new Resource.ContingentScope(own)).orThrow();
        draft.requireParity(agreement);
        String before = active.map(ShiftRosters::describe).orElse("-");
        store.save(RosterRepository.Slot.ACTIVE, draft);
        active = Optional.of(draft);
        audit.record(who, clock.instant(), Action.SET_ROSTER, subject(), before, "active " + describe(draft));
        return draft;
    }

    public synchronized Roster draft() {
        return draft;
    }

    public synchronized Optional<Roster> active(Principal who) {
        Authorization.decide(who, Action.VIEW_ROSTER, new Resource.Center()).orThrow();
        return active;
    }

    private String subject() {
        return "roster " + draft.start() + "/" + draft.end();
    }

    private static String describe(Roster r) {
        StringBuilder b = new StringBuilder();
        r.staff().forEach((c, people) -> b.append(c).append('=').append(people.size()).append(' '));
        return b.toString().trim();
    }
}

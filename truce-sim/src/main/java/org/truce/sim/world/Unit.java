package org.truce.sim.world;

import java.util.Objects;
import org.truce.ground.PartyId;
import org.truce.ground.ObjectClass;

/**
 * A ground unit of a party (a tank, an APC, a gun, a truck, an infantry group). Mutable position, owned by one
 * simulation thread.
 *
 * @see Role
 */
public final class Unit extends Mover {
    /** What the unit is in the scenario. */
    public enum Role { HOLDING, MOVING, WITHDRAWING, POST, PATROL, VIOLATOR }

    private final int index;
    private final String id;
    private final PartyId party;
    private final ObjectClass objectClass;
    private final int count;
    private final Role role;

    public Unit(int index, String id, PartyId party, ObjectClass objectClass, int count, Role role, double x, double y) {
        super(x, y);
        this.index = index;
        this.id = Objects.requireNonNull(id);
        this.party = Objects.requireNonNull(party);
        this.objectClass = Objects.requireNonNull(objectClass);
        this.count = count;
        this.role = Objects.requireNonNull(role);
    }

    public int index() { return index; }

    public String id() { return id; }

    public PartyId party() { return party; }

    public ObjectClass objectClass() { return objectClass; }

    public int count() { return count; }

    public Role role() { return role; }
}

package org.truce.agreement.io;

import java.util.Set;

/**
 * The ids an agreement declares, for checking references. Immutable.
 *
 * @param zones       zone ids
 * @param parties     party ids
 * @param contingents contingent ids
 */
record Known(Set<String> zones, Set<String> parties, Set<String> contingents) {
    Known {
        zones = Set.copyOf(zones);
        parties = Set.copyOf(parties);
        contingents = Set.copyOf(contingents);
    }

    boolean zone(Fields f, Fields.Ref r) {
        return check(f, r, zones, "zone");
    }

    boolean party(Fields f, Fields.Ref r) {
        return check(f, r, parties, "party");
    }

    boolean contingent(Fields f, Fields.Ref r) {
        return check(f, r, contingents, "contingent");
    }

    private static boolean check(Fields f, Fields.Ref r, Set<String> ids, String what) {
        if (ids.contains(r.value())) return true;
        f.error(r.path(), "unknown " + what + " '" + r.value() + "'");
        return false;
    }
}

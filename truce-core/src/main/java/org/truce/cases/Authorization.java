package org.truce.cases;

import java.util.EnumSet;
import java.util.Set;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;

/**
 * The one access policy of the center: a pure function of (principal, action, resource). Staff act only for their
 * own contingent, liaison officers only for their own party; no branch names a contingent or party, so the policy
 * is symmetric by construction. Reading a case is allowed to everyone here because what each one sees is decided
 * by {@link Visibility}, the one projection every channel goes through. Stateless and thread-safe.
 */
public final class Authorization {
    private static final Set<Role> STAFF = EnumSet.of(Role.ANALYST, Role.DUTY_OFFICER, Role.HEAD_OF_CONTINGENT);
    private static final Set<Role> SENIOR = EnumSet.of(Role.DUTY_OFFICER, Role.HEAD_OF_CONTINGENT);

    private Authorization() {}

    /** Decides whether {@code who} may do {@code action} on {@code what}. Never throws for a well-formed request. */
    public static Decision decide(Principal who, Action action, Resource what) {
        return switch (action) {
            case VIEW_CASE -> expect(what, Resource.CaseRef.class, action)
                    .orElse(Decision.allow("every role may ask; the content is projected by Visibility"));
            case LIST_CASES -> expect(what, Resource.Center.class, action)
                    .orElse(Decision.allow("every role may ask; each case is projected by Visibility"));
            case OPEN_CASE, APPLY_DEADLINES -> expect(what, Resource.Center.class, action).orElse(roles(who, SENIOR, action));
            case SUBMIT_ASSESSMENT, COMMENT, ACQUIRE_LOCK, RELEASE_LOCK -> forContingent(who, action, what, STAFF);
            case PROPOSE_FINDING, ACCEPT_FINDING, RECORD_DISSENT, APPROVE_PUBLICATION, PUBLISH ->
                    forContingent(who, action, what, SENIOR);
            case VIEW_QUEUE -> forContingent(who, action, what, STAFF);
            case SET_ROSTER -> forContingent(who, action, what, SENIOR);
            case VIEW_ROSTER -> expect(what, Resource.Center.class, action)
                    .orElse(who.role().isStaff() || who.role() == Role.AUDITOR
                            ? Decision.allow("staff and auditors see the roster")
                            : Decision.deny(who.role() + " may not see the roster"));
            case FILE_ALLEGATION -> forParty(who, action, what, false);
            case VIEW_NOTIFICATIONS -> forParty(who, action, what, true);
            case VIEW_ALLEGATION -> viewAllegation(who, what);
            case REVIEW_ALLEGATIONS -> expect(what, Resource.Center.class, action).orElse(roles(who, SENIOR, action));
            case VIEW_AUDIT -> expect(what, Resource.Center.class, action)
                    .orElse(who.role() == Role.AUDITOR
                            ? Decision.allow("auditors read the audit trail")
                            // the trail records which contingent did what and when, which would break the blind rule
                            : Decision.deny("only auditors read the audit trail"));
        };
    }

    private static java.util.Optional<Decision> expect(Resource what, Class<? extends Resource> kind, Action action) {
        return kind.isInstance(what) ? java.util.Optional.empty()
                : java.util.Optional.of(Decision.deny(action + " applies to " + kind.getSimpleName()
                        + ", not to " + what.getClass().getSimpleName()));
    }

    private static Decision roles(Principal who, Set<Role> allowed, Action action) {
        return allowed.contains(who.role()) ? Decision.allow(who.role() + " may " + action)
                : Decision.deny(action + " needs one of " + allowed + "; " + who.userId() + " is " + who.role());
    }

    private static Decision forContingent(Principal who, Action action, Resource what, Set<Role> allowed) {
        ContingentId target = switch (what) {
            case Resource.CasePart p -> p.contingent();
            case Resource.ContingentScope s -> s.contingent();
            default -> null;
        };
        if (target == null) {
            return Decision.deny(action + " applies to one contingent's part, not to " + what.getClass().getSimpleName());
        }
        if (!allowed.contains(who.role())) {
            return Decision.deny(action + " needs one of " + allowed + "; " + who.userId() + " is " + who.role());
        }
        if (!who.isStaffOf(target)) {
            return Decision.deny(who.userId() + " acts only for contingent "
                    + who.contingent().map(ContingentId::value).orElse("-") + ", not for " + target);
        }
        return Decision.allow(who.role() + " of " + target + " may " + action + " for " + target);
    }

    private static Decision forParty(Principal who, Action action, Resource what, boolean auditorMayRead) {
        if (!(what instanceof Resource.PartyScope scope)) {
            return Decision.deny(action + " applies to PartyScope, not to " + what.getClass().getSimpleName());
        }
        if (auditorMayRead && who.role() == Role.AUDITOR) return Decision.allow("auditors read every outbox");
        if (who.role() != Role.LIAISON_OFFICER) {
            return Decision.deny(action + " is for a party's liaison officer; " + who.userId() + " is " + who.role());
        }
        PartyId own = who.party().orElseThrow();
        return own.equals(scope.party()) ? Decision.allow("liaison officer of " + own + " may " + action)
                : Decision.deny(who.userId() + " acts only for party " + own + ", not for " + scope.party());
    }

    private static Decision viewAllegation(Principal who, Resource what) {
        if (!(what instanceof Resource.AllegationRef ref)) {
            return Decision.deny("VIEW_ALLEGATION applies to AllegationRef, not to " + what.getClass().getSimpleName());
        }
        if (who.role().isStaff() || who.role() == Role.AUDITOR) return Decision.allow("staff and auditors see allegations");
        if (who.role() == Role.LIAISON_OFFICER) {
            return who.party().orElseThrow().equals(ref.filedBy())
                    ? Decision.allow("the filing party sees its own allegation")
                    : Decision.deny(who.userId() + " sees only allegations of party " + who.party().orElseThrow());
        }
        return Decision.deny("allegations are not public");
    }
}

package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cases.CaseFixtures.*;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;

class AuthorizationTest {
    static final CaseId CASE = CaseId.of("CASE-INC-1");

    static List<ContingentId> contingents() {
        return BOTH;
    }

    static List<Principal> everyone() {
        return List.of(analyst(RU), duty(RU), head(RU), analyst(TR), duty(TR), head(TR), Principal.liaison("lo-am", AM),
                Principal.liaison("lo-az", AZ), Principal.auditor("aud"), Principal.anonymous());
    }

    static List<Resource> resources() {
        return List.of(new Resource.Center(), new Resource.CaseRef(CASE), new Resource.CasePart(CASE, RU),
                new Resource.CasePart(CASE, TR), new Resource.ContingentScope(RU), new Resource.ContingentScope(TR),
                new Resource.PartyScope(AM), new Resource.AllegationRef(AllegationId.of("ALG-AM-0001"), AM));
    }

    @Test
    void everyActionRoleAndResourceGetsADecisionWithAReason() {
        for (Action a : Action.values()) {
            for (Principal p : everyone()) {
                for (Resource r : resources()) {
                    Decision d = Authorization.decide(p, a, r);
                    assertThat(d.reason()).as(a + " " + p.userId() + " " + r).isNotBlank();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("contingents")
    void staffActOnlyForTheirOwnContingent(ContingentId c) {
        assertThat(Authorization.decide(analyst(c), Action.SUBMIT_ASSESSMENT, new Resource.CasePart(CASE, c)).allowed()).isTrue();
        Decision other = Authorization.decide(analyst(c), Action.SUBMIT_ASSESSMENT, new Resource.CasePart(CASE, other(c)));
        assertThat(other.allowed()).isFalse();
        assertThat(other.reason()).contains("acts only for contingent " + c);
        assertThat(Authorization.decide(head(c), Action.APPROVE_PUBLICATION, new Resource.CasePart(CASE, other(c))).allowed()).isFalse();
        assertThat(Authorization.decide(head(c), Action.APPROVE_PUBLICATION, new Resource.CasePart(CASE, c)).allowed()).isTrue();
        assertThat(Authorization.decide(duty(c), Action.APPROVE_PUBLICATION, new Resource.CasePart(CASE, c)).allowed()).isTrue();
        assertThat(Authorization.decide(analyst(c), Action.APPROVE_PUBLICATION, new Resource.CasePart(CASE, c)).allowed()).isFalse();
        assertThat(Authorization.decide(analyst(c), Action.VIEW_QUEUE, new Resource.ContingentScope(other(c))).allowed()).isFalse();
    }

    @Test
    void liaisonOfficersActForTheirOwnPartyOnly() {
        Principal am = Principal.liaison("lo-am", AM);
        assertThat(Authorization.decide(am, Action.FILE_ALLEGATION, new Resource.PartyScope(AM)).allowed()).isTrue();
        assertThat(Authorization.decide(am, Action.FILE_ALLEGATION, new Resource.PartyScope(AZ)).allowed()).isFalse();
        assertThat(Authorization.decide(am, Action.VIEW_ALLEGATION,
                new Resource.AllegationRef(AllegationId.of("ALG-AZ-0001"), AZ)).allowed()).isFalse();
        assertThat(Authorization.decide(am, Action.VIEW_NOTIFICATIONS, new Resource.PartyScope(AM)).allowed()).isTrue();
        assertThat(Authorization.decide(am, Action.SUBMIT_ASSESSMENT, new Resource.CasePart(CASE, RU)).allowed()).isFalse();
        assertThat(Authorization.decide(analyst(RU), Action.FILE_ALLEGATION, new Resource.PartyScope(AM)).allowed()).isFalse();
    }

    @Test
    void onlyAuditorsReadTheAuditTrailAndThePublicOnlyReads() {
        assertThat(Authorization.decide(Principal.auditor("a"), Action.VIEW_AUDIT, new Resource.Center()).allowed()).isTrue();
        assertThat(Authorization.decide(head(RU), Action.VIEW_AUDIT, new Resource.Center()).allowed()).isFalse();
        for (Action a : Action.values()) {
            boolean allowed = resources().stream().anyMatch(r -> Authorization.decide(Principal.anonymous(), a, r).allowed());
            assertThat(allowed).as(a.name()).isEqualTo(a == Action.VIEW_CASE || a == Action.LIST_CASES);
        }
    }

    @Test
    void aResourceOfTheWrongKindIsDenied() {
        Decision d = Authorization.decide(head(RU), Action.SUBMIT_ASSESSMENT, new Resource.Center());
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("Center");
    }
}

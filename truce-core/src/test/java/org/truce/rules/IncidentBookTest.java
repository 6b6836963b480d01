package org.truce.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.testing.RuleFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.ground.ProvisionId;

class IncidentBookTest {
    private static final Agreement AGREEMENT = agreement();
    private static final RuleBinding BINDING = new RuleBinding(
            AGREEMENT.provision(ProvisionId.of("¶2")).orElseThrow(), 1,
            withdrawBy("p2-aghdam", AGHDAM, AGHDAM_DEADLINE));
    private static final Instant T = Instant.parse("2020-11-20T23:50:00Z");
    private final IncidentBook book = new IncidentBook(Duration.ofMinutes(15));

    private static Violation v(String subject, Instant t, String obs, boolean newEpisode) {
        return new Violation(BINDING, subject, t, at(30_000, 5_000), 10, Optional.of(AM), 0.9, "TRK in zone", obs,
                newEpisode);
    }

    @Test
    void ongoingViolationIsOneIncidentThatGrows() {
        List<IncidentChange> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) all.addAll(book.record(v("TRK-1", T.plusSeconds(60L * i), "OBS-" + (i + 1), false)));
        assertThat(all).extracting(IncidentChange::opened).containsExactly(true, false, false);
        assertThat(all).extracting(c -> c.incident().id()).containsOnly("INC-2020-11-20-0001");
        Incident last = all.getLast().incident();
        assertThat(last.start()).isEqualTo(T);
        assertThat(last.end()).isEqualTo(T.plusSeconds(120));
        assertThat(last.evidence()).containsExactly("OBS-1", "OBS-2", "OBS-3");
        assertThat(last.state()).isEqualTo(IncidentState.OPEN);
        assertThat(last.summary()).endsWith("; 3 observations");
        assertThat(last.provision()).isEqualTo(ProvisionId.of("¶2"));
        assertThat(last.ruleType()).isEqualTo("withdraw-by");
        assertThat(last.zone()).isEqualTo(AGHDAM);
    }

    @Test
    void idsAreNumberedPerUtcDayOfStartInOrderOfOpening() {
        assertThat(book.record(v("TRK-1", T, "OBS-1", false)).getFirst().incident().id()).isEqualTo("INC-2020-11-20-0001");
        assertThat(book.record(v("TRK-2", T, "OBS-2", false)).getFirst().incident().id()).isEqualTo("INC-2020-11-20-0002");
        assertThat(book.record(v("TRK-3", T.plus(Duration.ofMinutes(11)), "OBS-3", false)).getFirst().incident().id())
                .isEqualTo("INC-2020-11-21-0001");
        assertThat(book.record(v("TRK-1", T.plus(Duration.ofMinutes(12)), "OBS-4", false)).getFirst().incident().id())
                .as("growing keeps the id of its start day").isEqualTo("INC-2020-11-20-0001");
    }

    @Test
    void closesAfterIdleWithoutNewEvidence() {
        book.record(v("TRK-1", T, "OBS-1", false));
        assertThat(book.closeIdle(T.plus(Duration.ofMinutes(15)).minusSeconds(1))).isEmpty();
        List<IncidentChange> closed = book.closeIdle(T.plus(Duration.ofMinutes(15)));
        assertThat(closed).hasSize(1);
        assertThat(closed.getFirst().opened()).isFalse();
        assertThat(closed.getFirst().incident().state()).isEqualTo(IncidentState.CLOSED);
        assertThat(book.open()).isEmpty();
        assertThat(book.record(v("TRK-1", T.plus(Duration.ofMinutes(20)), "OBS-2", false)).getFirst().opened()).isTrue();
    }

    @Test
    void lateEvidenceAfterTheIdleGapOrANewEpisodeStartsANewIncident() {
        book.record(v("TRK-1", T, "OBS-1", false));
        List<IncidentChange> late = book.record(v("TRK-1", T.plus(Duration.ofMinutes(16)), "OBS-2", false));
        assertThat(late).extracting(c -> c.incident().state()).containsExactly(IncidentState.CLOSED, IncidentState.OPEN);
        assertThat(late.get(1).incident().id()).isEqualTo("INC-2020-11-21-0001");
        List<IncidentChange> episode = book.record(v("TRK-1", T.plus(Duration.ofMinutes(17)), "OBS-3", true));
        assertThat(episode).extracting(IncidentChange::opened).containsExactly(false, true);
        assertThat(episode.get(1).incident().id()).isEqualTo("INC-2020-11-21-0002");
    }

    @Test
    void evidenceKeepsTheFirstTwentyAndTheLastEightyWithTheTotalInTheSummary() {
        Incident last = null;
        for (int i = 1; i <= 150; i++) last = book.record(v("TRK-1", T.plusSeconds(i), "OBS-" + i, false)).getLast().incident();
        assertThat(last.evidence()).hasSize(100);
        assertThat(last.evidence().subList(0, 20)).startsWith("OBS-1").endsWith("OBS-20");
        assertThat(last.evidence().get(20)).isEqualTo("OBS-71");
        assertThat(last.evidence().getLast()).isEqualTo("OBS-150");
        assertThat(last.summary()).endsWith("; 150 observations");
    }
}

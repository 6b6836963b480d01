package org.truce.fusion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogOddsVoteTest {
    @Test
    void beforeAnyReportEveryAnswerHasAnEqualShare() {
        LogOddsVote<String> vote = new LogOddsVote<>();
        assertThat(vote.best()).isEmpty();
        assertThat(vote.confidence()).isZero();
        assertThat(vote.probability("APC", 4)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void repeatedReportsRaiseTheEstimateAndLowerTheOthers() {
        LogOddsVote<String> vote = new LogOddsVote<>();
        vote.report("APC", 0.8);
        assertThat(vote.best()).contains("APC");
        assertThat(vote.confidence()).isCloseTo(0.8, within(1e-9));
        vote.report("TANK", 0.6);
        vote.report("APC", 0.8);
        assertThat(vote.best()).as("the cached estimate follows new reports").contains("APC");
        assertThat(vote.probability("APC", 5)).isEqualTo(vote.confidence());
        assertThat(vote.probability("TANK", 5)).isLessThan(0.5).isLessThan(vote.probability("APC", 5));
        // Never reported: an equal share of what the estimate leaves.
        assertThat(vote.probability("TRUCK", 5)).isCloseTo((1 - vote.confidence()) / 4, within(1e-12));
    }

    @Test
    void aChangeOfMindIsSeenAtOnce() {
        LogOddsVote<String> vote = new LogOddsVote<>();
        vote.report("AM", 0.9);
        assertThat(vote.best()).contains("AM");
        for (int k = 0; k < 5; k++) vote.report("AZ", 0.9);
        assertThat(vote.best()).contains("AZ");
        LogOddsVote<String> copy = vote.copy();
        vote.report("AM", 0.99);
        vote.report("AM", 0.99);
        vote.report("AM", 0.99);
        assertThat(copy.best()).as("a copy keeps its own estimate").contains("AZ");
    }
}

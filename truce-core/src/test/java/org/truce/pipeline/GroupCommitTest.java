package org.truce.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.truce.sensing.Observation;

/** How {@link GroupCommit} forms groups: queue order, whole requests, at most {@link GroupCommit#MAX_GROUP}. */
class GroupCommitTest {
    /** A request of {@code n} observations (their content does not matter to the grouping), tagged by channel. */
    private static GroupCommit.Request request(String tag, int n) {
        return new GroupCommit.Request(tag, new ArrayList<>(Collections.nCopies(n, (Observation) null)));
    }

    private static void answerAll(GroupCommit.Request r) {
        for (int i = 0; i < r.answers.length; i++) r.answers[i] = new Acceptance.Rejected("test", r.channel);
        r.complete();
    }

    @Test
    void requestsQueuedDuringACommitFormTheNextGroupsInOrderUpToTheLimit() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> groups = new CopyOnWriteArrayList<>();
        GroupCommit commit = new GroupCommit(group -> {
            groups.add(group.stream().map(r -> r.channel + ":" + r.observations.size()).toList());
            if (groups.size() == 1) {
                firstStarted.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            group.forEach(GroupCommitTest::answerAll);
        });
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<List<Acceptance>>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> commit.submit(request("a", 1))));
            assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
            String[] tags = {"b", "c", "d", "e"};
            int[] sizes = {6_000, 3_000, 2_000, 12_000};
            for (int i = 0; i < tags.length; i++) {
                GroupCommit.Request r = request(tags[i], sizes[i]);
                answers.add(pool.submit(() -> commit.submit(r)));
                int queued = i + 1;
                while (commit.queued() < queued) Thread.onSpinWait(); // one at a time, so the queue order is known
            }
            release.countDown();
            for (int i = 0; i < answers.size(); i++) {
                List<Acceptance> a = answers.get(i).get(30, TimeUnit.SECONDS);
                String tag = i == 0 ? "a" : tags[i - 1];
                assertThat(a).hasSize(i == 0 ? 1 : sizes[i - 1])
                        .allSatisfy(x -> assertThat(((Acceptance.Rejected) x).detail()).isEqualTo(tag));
            }
            assertThat(groups).containsExactly(List.of("a:1"), List.of("b:6000", "c:3000"), List.of("d:2000"),
                    List.of("e:12000"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCommitterFailureReachesEveryRequestItLeftOpen() {
        GroupCommit commit = new GroupCommit(group -> {
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(() -> commit.submit(request("a", 2))).hasMessage("disk full");
        assertThat(commit.queued()).isZero();
    }
}

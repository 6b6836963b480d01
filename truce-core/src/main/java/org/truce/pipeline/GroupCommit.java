package org.truce.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.truce.sensing.Observation;

/**
 * Group commit without a thread of its own: callers queue their requests; one of them at a time is the leader,
 * takes every request queued so far (in queue order, up to {@link #MAX_GROUP} observations) and commits them as one
 * group through the committer function, while the others wait for their answers. Requests that arrive while a
 * group commits queue up for the next one, so under load a group grows to what arrived during one commit, and an
 * idle center commits a lone request at once (no waiting window).
 *
 * <p>The queue order is the commit order, and groups are committed one after the other, so what the committer sees
 * is one sequence whatever the threads. The leader commits until its own request is done, then hands over to a
 * waiting caller: no caller serves others for long.
 *
 * <p>Thread-safe. Waiting is not interruptible: a queued request may already be in the log, so its caller waits for
 * the answer; an interrupt is kept and restored on return.
 */
final class GroupCommit {
    /** At most this many observations in one group (more only when one request alone is larger). */
    static final int MAX_GROUP = 10_000;

    /** One caller's batch and, once done, its answers or the failure of its group. */
    static final class Request {
        final String channel;
        final List<Observation> observations;
        final Acceptance[] answers;
        /** How many of the observations passed the checks and were handed to the log. */
        int appended;
        /** True once every observation was checked (so a rejected-only request can be answered on failure). */
        boolean checked;
        private volatile boolean done;
        private volatile Throwable failure;

        Request(String channel, List<Observation> observations) {
            this.channel = channel;
            this.observations = observations;
            this.answers = new Acceptance[observations.size()];
        }

        boolean done() {
            return done;
        }

        Throwable failure() {
            return failure;
        }

        /** Every answer is set. */
        void complete() {
            if (Arrays.asList(answers).contains(null)) throw new IllegalStateException("an observation has no answer");
            done = true;
        }

        void fail(Throwable e) {
            failure = e;
            done = true;
        }

        List<Acceptance> answers() {
            Throwable f = failure;
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error e) throw e;
            return List.of(answers);
        }
    }

    private final Consumer<List<Request>> committer;
    private final Object lock = new Object();
    private final ArrayDeque<Request> queue = new ArrayDeque<>(); // guarded by lock
    private Thread leader; // guarded by lock; null when no group is being committed

    /**
     * @param committer commits a group and completes (or fails) every request in it; a request it leaves open when
     *                  it throws gets that failure
     */
    GroupCommit(Consumer<List<Request>> committer) {
        this.committer = committer;
    }

    /** Queues the request, waits until its group is committed; returns its answers or throws its group's failure. */
    List<Acceptance> submit(Request mine) {
        boolean interrupted = false;
        try {
            synchronized (lock) {
                if (leader == Thread.currentThread()) {
                    throw new IllegalStateException("an observation was submitted while this thread commits a group "
                            + "(from a center listener?); it would wait for itself");
                }
                queue.add(mine);
                while (leader != null && !mine.done()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (mine.done()) return mine.answers();
                leader = Thread.currentThread();
            }
            try {
                while (!mine.done()) {
                    List<Request> group;
                    synchronized (lock) {
                        group = take();
                    }
                    if (group.isEmpty()) {
                        // Cannot happen: a request leaves the queue only in a group, completed before its leader leads
                        // no more. Failing beats spinning.
                        throw new IllegalStateException("the group commit lost a request");
                    }
                    try {
                        committer.accept(group);
                    } catch (RuntimeException | Error e) {
                        for (Request r : group) {
                            if (!r.done()) r.fail(e);
                        }
                    } finally {
                        for (Request r : group) {
                            if (!r.done()) r.fail(new IllegalStateException("the group commit left a request open"));
                        }
                        synchronized (lock) {
                            lock.notifyAll(); // the group's callers return
                        }
                    }
                }
            } finally {
                synchronized (lock) {
                    leader = null;
                    lock.notifyAll(); // a waiting caller with a queued request becomes the leader
                }
            }
            return mine.answers();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Requests waiting for a group (for tests that arrange a group). */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** The next group: the queue's head, then following requests while they fit in {@link #MAX_GROUP}. */
    private List<Request> take() {
        List<Request> group = new ArrayList<>();
        int size = 0;
        while (!queue.isEmpty() && (group.isEmpty() || size + queue.peek().observations.size() <= MAX_GROUP)) {
            Request r = queue.poll();
            size += r.observations.size();
            group.add(r);
        }
        return group;
    }
}

package org.truce.cases.memory;

import java.util.ArrayList;
import java.util.List;
import org.truce.ground.PartyId;
import org.truce.cases.Notification;
import org.truce.cases.NotificationOutbox;

/** {@link NotificationOutbox} in memory, append-only. Thread-safe (synchronized). */
public final class InMemoryOutbox implements NotificationOutbox {
    private final List<Notification> all = new ArrayList<>();

    @Override
    public synchronized void add(Notification n) {
        all.add(n);
    }

    @Override
    public synchronized List<Notification> forParty(PartyId party) {
        return all.stream().filter(n -> n.recipient().equals(party)).toList();
    }

    @Override
    public synchronized List<Notification> all() {
        return List.copyOf(all);
    }
}

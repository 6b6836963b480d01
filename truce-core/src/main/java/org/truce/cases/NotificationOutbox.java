package org.truce.cases;

import java.util.List;
import org.truce.ground.PartyId;

/** Port: notifications waiting to be delivered to parties. Thread-safe; append-only. */
public interface NotificationOutbox {
    void add(Notification n);

    /** Every notification for {@code party}, oldest first. */
    List<Notification> forParty(PartyId party);

    /** Every notification, oldest first. */
    List<Notification> all();
}

package org.truce.implementation;

import java.util.List;
import org.truce.ground.ProvisionId;
import org.truce.rules.Incident;

/**
 * Port: the incidents raised under a provision, each as last written (the latest record of a growing incident).
 * The center's adapter reads the incident store; tests pass a list. Must be thread-safe if the tracker is shared.
 */
@FunctionalInterface
public interface IncidentSource {
    List<Incident> incidents(ProvisionId provision);

    /** A fixed list, filtered by provision. */
    static IncidentSource of(List<Incident> all) {
        List<Incident> copy = List.copyOf(all);
        return p -> copy.stream().filter(i -> i.provision().equals(p)).toList();
    }
}

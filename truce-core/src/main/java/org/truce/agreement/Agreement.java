package org.truce.agreement;

import org.truce.ground.ProvisionId;
import org.truce.ground.ZoneId;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ceasefire agreement as data. Immutable and thread-safe once built; built only by the loader,
 * which has validated every cross-reference (zones named by rules exist, party ids are known …).
 *
 * @param id          short stable id, e.g. {@code karabakh-2020}
 * @param effective   when the ceasefire took effect (UTC)
 * @param projection  proj4 definition of the local metric projection used for distances (e.g. UTM 38N)
 * @param zones       in file order
 */
public record Agreement(String id, String title, Instant effective, String projection,
                        List<Party> parties, List<Signatory> signatories, List<Contingent> contingents,
                        ParityRule parity, Map<ZoneId, Zone> zones, List<Provision> provisions) {
    public Agreement {
        Objects.requireNonNull(id); Objects.requireNonNull(title); Objects.requireNonNull(effective);
        Objects.requireNonNull(projection); Objects.requireNonNull(parity);
        parties = List.copyOf(parties);
        signatories = List.copyOf(signatories);
        contingents = List.copyOf(contingents);
        zones = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zones));
        provisions = List.copyOf(provisions);
    }

    public Optional<Party> party(PartyId id) {
        return parties.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Contingent> contingent(ContingentId id) {
        return contingents.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Zone> zone(ZoneId id) {
        return Optional.ofNullable(zones.get(id));
    }

    public Optional<Provision> provision(ProvisionId id) {
        return provisions.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}

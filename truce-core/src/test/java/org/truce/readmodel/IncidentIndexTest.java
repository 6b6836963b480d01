package org.truce.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.CenterEvent;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.store.IncidentQuery;
import org.truce.store.IncidentRepository;
import org.truce.store.Page;
import org.truce.store.memory.InMemoryStore;

/** The incident read model against the store's own query, on randomized incidents, updates and queries. */
class IncidentIndexTest {
    private static final Instant T0 = Instant.parse("2020-11-14T06:30:00.123456789Z");
    private static final List<String> RULES = List.of("cease-fire", "withdraw-by", "hold-positions");
    private static final List<String> ZONES = List.of("theater", "am-held", "corridor");
    private static final List<String> PARTIES = List.of("AM", "AZ");
    private static final List<String> PROVISIONS = List.of("p1", "p4", "p6");

    @Test
    void everyQueryAnswersWhatTheStoreAnswersThroughSeedingAndUpdates() {
        Random r = new Random(7);
        IncidentRepository store = new InMemoryStore().incidents();
        List<Incident> held = new ArrayList<>();
        for (int i = 0; i < 150; i++) held.add(save(store, random(r, "INC-" + i)));

        IncidentIndex index = new IncidentIndex(0.05);
        // Published while the model seeds: applied after the stored state, never overwritten by it.
        Incident racing = save(store, grown(held.get(3), held.get(3).end().plusSeconds(600), IncidentState.CLOSED));
        index.on(new CenterEvent.IncidentChanged(racing, false));
        index.seed(store);
        held.set(3, racing);

        for (int step = 0; step < 1500; step++) {
            Incident next = r.nextInt(3) == 0 ? random(r, "INC-" + (150 + step))
                    : changed(r, held.get(r.nextInt(held.size())));
            save(store, next);
            index.on(new CenterEvent.IncidentChanged(next, false));
            if (next.id().equals("INC-" + (150 + step))) held.add(next);
            else held.replaceAll(x -> x.id().equals(next.id()) ? next : x);
            if (step % 5 == 0) {
                IncidentQuery q = query(r);
                Page<Incident> want = store.query(q);
                Page<Incident> got = index.query(q);
                assertThat(got.items()).as("query %s", q).isEqualTo(want.items());
                assertThat(got.total()).as("total of %s", q).isEqualTo(want.total());
                assertThat(got.offset()).isEqualTo(want.offset());
            }
        }
        assertThat(index.all()).isEqualTo(store.all());
        assertThat(index.count()).isEqualTo(store.count());
        assertThat(index.find("INC-3")).isEqualTo(store.find("INC-3"));
        for (int k = 0; k < 200; k++) {
            double lon = 45 + r.nextDouble() * 3, lat = 38.5 + r.nextDouble() * 2.5;
            Envelope box = new Envelope(lon, lon + r.nextDouble(), lat, lat + r.nextDouble());
            assertThat(index.inBox(box)).isEqualTo(store.all().stream()
                    .filter(i -> box.intersects(IncidentIndex.envelope(i))).toList());
        }
    }

    private static Incident save(IncidentRepository store, Incident i) {
        store.save(i);
        return i;
    }

    private static Incident random(Random r, String id) {
        Instant start = T0.plusSeconds(r.nextInt(30 * 86_400)).plusNanos(r.nextInt(3));
        Instant end = start.plusSeconds(r.nextInt(4) == 0 ? 0 : r.nextInt(7200));
        String provision = PROVISIONS.get(r.nextInt(PROVISIONS.size()));
        return new Incident(id, ProvisionId.of(provision), 1, RuleId.of(provision), RULES.get(r.nextInt(RULES.size())),
                ZoneId.of(ZONES.get(r.nextInt(ZONES.size()))), start, end,
                GeoPoint.of(38.5 + r.nextDouble() * 2.5, 45 + r.nextDouble() * 3), 300,
                r.nextBoolean() ? Optional.of(PartyId.of(PARTIES.get(r.nextInt(2)))) : Optional.empty(), 0.8,
                "s:" + id, "summary", IncidentState.values()[r.nextInt(IncidentState.values().length)], List.of("OBS-1"));
    }

    /** Another state of the same incident: grown, closed, re-attributed, even moved to another start or zone. */
    private static Incident changed(Random r, Incident i) {
        Incident n = random(r, i.id());
        return switch (r.nextInt(3)) {
            case 0 -> grown(i, i.end().plusSeconds(r.nextInt(900)), i.state());
            case 1 -> grown(i, i.end(), IncidentState.values()[r.nextInt(IncidentState.values().length)]);
            default -> n;
        };
    }

    private static Incident grown(Incident i, Instant end, IncidentState state) {
        return new Incident(i.id(), i.provision(), i.provisionVersion(), i.rule(), i.ruleType(), i.zone(), i.start(),
                end, i.place(), i.uncertaintyM(), i.party(), i.attributionConfidence(), i.subject(), i.summary(),
                state, i.evidence());
    }

    private static IncidentQuery query(Random r) {
        Optional<Instant> from = r.nextInt(3) == 0 ? Optional.of(T0.plusSeconds(r.nextInt(30 * 86_400))) : Optional.empty();
        Optional<Instant> to = r.nextInt(3) == 0
                ? Optional.of(from.orElse(T0).plusSeconds(1 + r.nextInt(10 * 86_400))) : Optional.empty();
        return new IncidentQuery(from, to,
                r.nextInt(4) == 0 ? Optional.of(RULES.get(r.nextInt(RULES.size()))) : Optional.empty(),
                r.nextInt(4) == 0 ? Optional.of(ZoneId.of(ZONES.get(r.nextInt(ZONES.size())))) : Optional.empty(),
                r.nextInt(4) == 0 ? Optional.of(PartyId.of(PARTIES.get(r.nextInt(2)))) : Optional.empty(),
                r.nextInt(4) == 0 ? Optional.of(ProvisionId.of(PROVISIONS.get(r.nextInt(3)))) : Optional.empty(),
                r.nextInt(4) == 0 ? Optional.of(IncidentState.values()[r.nextInt(IncidentState.values().length)])
                        : Optional.empty(),
                r.nextInt(3) == 0 ? r.nextInt(200) : 0, 1 + r.nextInt(r.nextBoolean() ? 10 : 300));
    }
}

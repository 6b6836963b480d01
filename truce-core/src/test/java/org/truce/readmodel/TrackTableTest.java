package org.truce.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.truce.ground.ObjectClass;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.CenterEvent;
import org.truce.store.TrackRepository;
import org.truce.store.memory.InMemoryStore;

/** The track read model against the store's projection, on randomized tracks moving forward in time. */
class TrackTableTest {
    private static final Instant T0 = Instant.parse("2020-11-14T06:30:00.123456789Z");

    @Test
    void updatedSinceAndBoxesAnswerAsTheStoreWhileOldTracksLeaveMemory() {
        Random r = new Random(11);
        TrackRepository store = new InMemoryStore().tracks();
        Instant now = T0;
        for (int i = 0; i < 100; i++) store.save(track(r, "TRK-" + i, now.minusSeconds(r.nextInt(7200))));

        TrackTable table = new TrackTable(store, Duration.ofHours(1), 0.05);
        Track racing = track(r, "TRK-5", now.plusSeconds(1));
        store.save(racing);
        table.on(new CenterEvent.TrackUpdated(racing));
        table.seed(now);
        assertThat(table.horizon()).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(table.find("TRK-5")).contains(racing);

        for (int step = 0; step < 3000; step++) {
            now = now.plusSeconds(r.nextInt(10));
            Track t = track(r, "TRK-" + r.nextInt(400), now);
            store.save(t);
            table.on(new CenterEvent.TrackUpdated(t));
            if (step % 10 == 0) {
                Instant since = now.minusSeconds(r.nextInt(4 * 3600));
                assertThat(table.updatedSince(since)).as("since %s", since).isEqualTo(store.updatedSince(since));
                if (!since.isBefore(table.horizon())) {
                    double lon = 45 + r.nextDouble() * 3, lat = 38.5 + r.nextDouble() * 2.5;
                    Envelope box = new Envelope(lon, lon + r.nextDouble(), lat, lat + r.nextDouble());
                    Instant s = since;
                    assertThat(table.inBox(box, since)).isEqualTo(store.updatedSince(since).stream()
                            .filter(x -> box.intersects(TrackTable.envelope(x))).toList());
                }
            }
        }
        Instant newest = now;
        assertThat(table.horizon()).isAfter(T0);
        assertThat((long) table.size()).as("only the last hour is held")
                .isEqualTo(store.updatedSince(newest.minus(Duration.ofHours(1))).size());
        assertThatThrownBy(() -> table.inBox(new Envelope(0, 1, 0, 1), T0))
                .hasMessageContaining("before the read model's horizon");
    }

    private static Track track(Random r, String id, Instant time) {
        return new Track(id, time.minusSeconds(60), time, GeoPoint.of(38.5 + r.nextDouble() * 2.5, 45 + r.nextDouble() * 3),
                40, 1, 2, ObjectClass.TANK, 0.7, Optional.empty(), 0.5, 1, TrackStatus.CONFIRMED, 3, List.of("OBS-1"));
    }
}

package org.truce.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class GridIndexTest {
    @Test
    void aQueryFindsExactlyTheEntriesABruteForceFilterFindsThroughMovesAndRemovals() {
        Random r = new Random(13);
        GridIndex<String> grid = new GridIndex<>(0.05);
        Map<String, Envelope> truth = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String key = "K" + r.nextInt(600);
            int op = r.nextInt(10);
            if (op == 0) {
                grid.remove(key);
                truth.remove(key);
            } else {
                Envelope e = op == 1 ? rectangle(r) : point(r);
                grid.put(key, e);
                truth.put(key, e);
            }
            if (step % 50 == 0) {
                Envelope box = r.nextInt(20) == 0 ? new Envelope(-180, 180, -90, 90) : rectangle(r);
                Set<String> expected = truth.entrySet().stream().filter(x -> x.getValue().intersects(box))
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
                List<String> got = grid.query(box);
                assertThat(got).as("box %s at step %d", box, step).doesNotHaveDuplicates();
                assertThat(Set.copyOf(got)).isEqualTo(expected);
            }
        }
        assertThat(grid.size()).isEqualTo(truth.size());
    }

    @Test
    void entriesOnACellEdgeAndTheBoxEdgeAreFoundAsByClosedIntervals() {
        GridIndex<String> grid = new GridIndex<>(0.05);
        grid.put("edge", new Envelope(46.75, 46.75, 39.80, 39.80));
        assertThat(grid.query(new Envelope(46.70, 46.75, 39.75, 39.80))).containsExactly("edge");
        assertThat(grid.query(new Envelope(46.75, 46.80, 39.80, 39.85))).containsExactly("edge");
        assertThat(grid.query(new Envelope(46.7501, 46.80, 39.80, 39.85))).isEmpty();
        grid.put("edge", new Envelope(47.0, 47.0, 40.0, 40.0));
        assertThat(grid.query(new Envelope(46.70, 46.75, 39.75, 39.80))).as("moved away").isEmpty();
    }

    @Test
    void aLargeEnvelopeIsFoundFromAnyCellItCovers() {
        GridIndex<String> grid = new GridIndex<>(0.01);
        grid.put("theater", new Envelope(45.0, 48.0, 38.5, 41.0));
        assertThat(grid.query(new Envelope(46.0, 46.001, 39.0, 39.001))).containsExactly("theater");
        grid.put("theater", new Envelope(46.0, 46.0, 39.0, 39.0));
        assertThat(grid.query(new Envelope(47.5, 47.6, 40.5, 40.6))).isEmpty();
        assertThat(grid.query(new Envelope(45.9, 46.1, 38.9, 39.1))).containsExactly("theater");
    }

    @Test
    void badCellSizesAndEmptyEnvelopesAreRefusedByName() {
        assertThatThrownBy(() -> new GridIndex<String>(0)).hasMessageContaining("cellDegrees");
        assertThatThrownBy(() -> new GridIndex<String>(0.1).put("a", new Envelope()))
                .hasMessageContaining("key a has no envelope");
    }

    private static Envelope point(Random r) {
        double lon = 45 + r.nextDouble() * 3, lat = 38.5 + r.nextDouble() * 2.5;
        return new Envelope(lon, lon, lat, lat);
    }

    private static Envelope rectangle(Random r) {
        double lon = 45 + r.nextDouble() * 3, lat = 38.5 + r.nextDouble() * 2.5;
        return new Envelope(lon, lon + r.nextDouble() * (r.nextInt(4) == 0 ? 2 : 0.2), lat,
                lat + r.nextDouble() * (r.nextInt(4) == 0 ? 2 : 0.2));
    }
}

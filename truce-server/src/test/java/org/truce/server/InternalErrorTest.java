package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.pipeline.Center;
import org.truce.sensing.AcceptedObservation;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.store.AssetRegistry;
import org.truce.store.IncidentRepository;
import org.truce.store.MetaStore;
import org.truce.store.ForwardingObservationLog;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;
import org.truce.store.Store;
import org.truce.store.TrackRepository;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;

/** A failing store gives a 500 problem that does not leak the internal error text. */
class InternalErrorTest {
    @Test
    void aStoreFailureIsAnInternalErrorProblem() {
        InMemoryStore inner = new InMemoryStore();
        // The log's query, because tracks, incidents and assets' last fixes are served from the read models.
        ObservationLog log = inner.observations();
        ObservationLog broken = new ForwardingObservationLog(log) {
            @Override public Page<AcceptedObservation> query(ObservationQuery query) {
                throw new IllegalStateException("database password is hunter2");
            }
        };
        Store store = new Store() {
            @Override public ObservationLog observations() { return broken; }
            @Override public IncidentRepository incidents() { return inner.incidents(); }
            @Override public AssetRegistry assets() { return inner.assets(); }
            @Override public TrackRepository tracks() { return inner.tracks(); }
            @Override public MetaStore meta() { return inner.meta(); }
            @Override public void close() { }
        };
        var agreement = Fixtures.agreement();
        Center center = Center.builder(agreement).store(store).clock(new SimulatedClock(TestCenter.START))
                .processor(c -> new TestProcessor(agreement)).build();
        TruceServer server = new TruceServer(center, ServerOptions.defaults().withTickInterval(Duration.ZERO));
        server.start(0);
        try {
            var r = new Http(server.uri()).get("/api/observations");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("type").asText()).isEqualTo("urn:truce:problem:internal-error");
            assertThat(r.json().path("instance").asText()).isEqualTo("/api/observations");
            assertThat(r.body()).doesNotContain("hunter2");
        } finally {
            server.stop();
        }
    }
}

package org.truce.server.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.truce.pipeline.Center;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.rules.IncidentState;
import org.truce.store.IncidentQuery;

/**
 * The server's {@code /metrics}: counts what the center publishes while the server listens (observations accepted
 * by channel, incidents opened), reads the incident totals from the store and the rejections from
 * {@link Center#rejections()}, and appends the injected extra text (the ingest gate's counters, which HTTP ingest
 * and the adapters share). Counters start at zero when the server starts, as Prometheus expects of a restarted
 * process. Thread-safe.
 */
public final class ServerMetrics implements CenterListener {
    private final Center center;
    private final IntSupplier liveClients;
    private final Optional<Supplier<String>> extra;
    private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();
    private final LongAdder incidentsOpened = new LongAdder();
    private final LongAdder tracksUpdated = new LongAdder();

    public ServerMetrics(Center center, IntSupplier liveClients, Optional<Supplier<String>> extra) {
        this.center = Objects.requireNonNull(center);
        this.liveClients = Objects.requireNonNull(liveClients);
        this.extra = Objects.requireNonNull(extra);
    }

    @Override
    public void on(CenterEvent event) {
        switch (event) {
            case CenterEvent.ObservationAccepted a ->
                    accepted.computeIfAbsent(a.observation().channel(), c -> new LongAdder()).increment();
            case CenterEvent.IncidentChanged i -> {
                if (i.opened()) incidentsOpened.increment();
            }
            case CenterEvent.TrackUpdated t -> tracksUpdated.increment();
        }
    }

    /** The exposition text of a scrape now. */
    public String render() {
        PrometheusText t = new PrometheusText();
        t.family("truce_center_observations_accepted_total", "counter",
                "Observations the center accepted into its log since the server started, by channel.");
        new TreeMap<>(accepted).forEach((channel, n) ->
                t.sample("truce_center_observations_accepted_total", Map.of("channel", channel), n.sum()));
        t.family("truce_center_inputs_rejected_total", "counter",
                "Inputs the center or an ingest channel refused, by channel and reason.");
        center.rejections().snapshot().forEach((channel, reasons) -> reasons.forEach((reason, n) -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("channel", channel);
            labels.put("reason", reason);
            t.sample("truce_center_inputs_rejected_total", labels, n);
        }));
        t.family("truce_center_incidents_opened_total", "counter",
                "Incidents opened since the server started.");
        t.sample("truce_center_incidents_opened_total", incidentsOpened.sum());
        t.family("truce_center_incidents", "gauge", "Incidents in the store, by state.");
        for (IncidentState s : IncidentState.values()) {
            long n = center.store().incidents().query(new IncidentQuery(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(s), 0, 1)).total();
            t.sample("truce_center_incidents", Map.of("state", s.name().toLowerCase(Locale.ROOT)), n);
        }
        t.family("truce_center_track_updates_total", "counter", "Track updates since the server started.");
        t.sample("truce_center_track_updates_total", tracksUpdated.sum());
        t.family("truce_server_live_clients", "gauge", "Clients connected to the live event stream now.");
        t.sample("truce_server_live_clients", liveClients.getAsInt());
        extra.ifPresent(s -> t.raw(s.get()));
        return t.toString();
    }
}

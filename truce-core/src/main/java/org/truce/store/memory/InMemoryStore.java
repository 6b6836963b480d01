package org.truce.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.truce.fusion.Track;
import org.truce.rules.Incident;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.store.AssetRegistry;
import org.truce.store.IncidentQuery;
import org.truce.store.IncidentRepository;
import org.truce.store.MetaStore;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationLog.Arrival;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;
import org.truce.store.Store;
import org.truce.store.TrackRepository;

/**
 * A store that keeps everything in memory: for tests, the pipeline test driver and benchmarks.
 * Thread-safe (coarse locks); nothing survives {@link #close()}.
 */
public final class InMemoryStore implements Store {
    private final Observations observations = new Observations();
    private final Incidents incidents = new Incidents();
    private final Assets assets = new Assets();
    private final Tracks tracks = new Tracks();
    private final Meta meta = new Meta();

    @Override public ObservationLog observations() { return observations; }
    @Override public IncidentRepository incidents() { return incidents; }
    @Override public AssetRegistry assets() { return assets; }
    @Override public TrackRepository tracks() { return tracks; }
    @Override public MetaStore meta() { return meta; }
    @Override public void close() { }

    static <T> Page<T> page(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), all.size(), offset, limit);
    }

    private static final class Observations implements ObservationLog {
        private final List<AcceptedObservation> log = new ArrayList<>();
        /** The last entry per asset and kind, kept on append so {@link #latest} does not scan. */
        private final Map<AssetId, Map<String, AcceptedObservation>> latest = new java.util.HashMap<>();

        @Override
        public synchronized AcceptedObservation append(Instant received, String channel, Observation observation) {
            long seq = log.size() + 1L;
            var a = new AcceptedObservation(seq, AcceptedObservation.idFor(seq), received, channel, observation);
            log.add(a);
            index(a);
            return a;
        }

        @Override
        public synchronized List<AcceptedObservation> appendAll(List<Arrival> arrivals) {
            List<AcceptedObservation> out = new ArrayList<>(arrivals.size());
            long seq = log.size();
            for (Arrival r : arrivals) {
                seq++;
                out.add(new AcceptedObservation(seq, AcceptedObservation.idFor(seq), r.received(), r.channel(),
                        r.observation()));
            }
            log.addAll(out); // only once every entry was built, so a bad one leaves the log as it was
            out.forEach(this::index);
            return List.copyOf(out);
        }

        private void index(AcceptedObservation a) {
            latest.computeIfAbsent(a.observation().asset(), k -> new java.util.HashMap<>()).put(a.observation().kind(), a);
        }

        @Override public synchronized long size() { return log.size(); }

        @Override
        public synchronized Optional<AcceptedObservation> latest(AssetId asset, String kind) {
            return Optional.ofNullable(latest.getOrDefault(asset, Map.of()).get(kind));
        }

        @Override
        public synchronized List<AcceptedObservation> read(long fromSeq, int limit) {
            int from = (int) Math.max(0, Math.min(log.size(), fromSeq - 1));
            return List.copyOf(log.subList(from, Math.min(log.size(), from + limit)));
        }

        @Override
        public synchronized Optional<AcceptedObservation> find(String id) {
            if (!id.startsWith("OBS-")) return Optional.empty();
            try {
                long seq = Long.parseLong(id.substring(4));
                return seq >= 1 && seq <= log.size() ? Optional.of(log.get((int) seq - 1)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public synchronized Page<AcceptedObservation> query(ObservationQuery q) {
            List<AcceptedObservation> hits = log.stream()
                    .filter(a -> q.asset().map(x -> x.equals(a.observation().asset())).orElse(true))
                    .filter(a -> q.kind().map(x -> x.equals(a.observation().kind())).orElse(true))
                    .filter(a -> q.from().map(x -> !a.observation().time().isBefore(x)).orElse(true))
                    .filter(a -> q.to().map(x -> a.observation().time().isBefore(x)).orElse(true))
                    .toList();
            return page(hits, q.offset(), q.limit());
        }
    }

    private static final class Incidents implements IncidentRepository {
        private final Map<String, Incident> byId = new ConcurrentHashMap<>();
        private static final Comparator<Incident> ORDER =
                Comparator.comparing(Incident::start).thenComparing(Incident::id);

        @Override public void save(Incident incident) { byId.put(incident.id(), incident); }
        @Override public Optional<Incident> find(String id) { return Optional.ofNullable(byId.get(id)); }
        @Override public long count() { return byId.size(); }
        @Override public List<Incident> all() { return byId.values().stream().sorted(ORDER).toList(); }

        @Override
        public Page<Incident> query(IncidentQuery q) {
            List<Incident> hits = all().stream()
                    .filter(i -> q.from().map(f -> !i.end().isBefore(f)).orElse(true))
                    .filter(i -> q.to().map(t -> i.start().isBefore(t)).orElse(true))
                    .filter(i -> q.ruleType().map(i.ruleType()::equals).orElse(true))
                    .filter(i -> q.zone().map(i.zone()::equals).orElse(true))
                    .filter(i -> q.party().map(p -> i.party().map(p::equals).orElse(false)).orElse(true))
                    .filter(i -> q.provision().map(i.provision()::equals).orElse(true))
                    .filter(i -> q.state().map(i.state()::equals).orElse(true))
                    .toList();
            return page(hits, q.offset(), q.limit());
        }
    }

    private static final class Assets implements AssetRegistry {
        private final Map<AssetId, Asset> byId = new ConcurrentHashMap<>();

        @Override public void save(Asset asset) { byId.put(asset.id(), asset); }
        @Override public Optional<Asset> find(AssetId id) { return Optional.ofNullable(byId.get(id)); }

        @Override
        public Optional<Asset> bySystemId(int systemId) {
            return all().stream().filter(a -> a.systemId().isPresent() && a.systemId().getAsInt() == systemId).findFirst();
        }

        @Override
        public List<Asset> all() {
            return byId.values().stream().sorted(Comparator.comparing(Asset::id)).toList();
        }
    }

    private static final class Tracks implements TrackRepository {
        private final Map<String, Track> byId = new ConcurrentHashMap<>();

        @Override public void save(Track track) { byId.put(track.id(), track); }
        @Override public Optional<Track> find(String id) { return Optional.ofNullable(byId.get(id)); }

        @Override
        public List<Track> updatedSince(Instant since) {
            return byId.values().stream().filter(t -> !t.time().isBefore(since))
                    .sorted(Comparator.comparing(Track::id)).toList();
        }
    }

    private static final class Meta implements MetaStore {
        private final Map<String, String> values = new TreeMap<>();

        @Override public synchronized Optional<String> get(String key) { return Optional.ofNullable(values.get(key)); }
        @Override public synchronized void put(String key, String value) { values.put(key, value); }
    }
}

package org.truce.agreement.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The GeoJSON files a scenario's zones refer to, each read and parsed at most once per load, and the selection
 * of one feature from them. Errors in a file name that file; errors in the reference name the agreement file.
 * Not thread-safe: one load, one thread.
 */
final class ZoneFiles {
    private final Path dir;
    private final Problems problems;
    private final Map<String, Optional<JsonSource>> cache = new HashMap<>();

    ZoneFiles(Path dir, Problems problems) {
        this.dir = dir.toAbsolutePath().normalize();
        this.problems = problems;
    }

    /**
     * The geometry of the feature of {@code file} that {@code selector} picks: a string matches the feature's
     * {@code id}; an object matches features whose properties hold all its entries; absent means the file's only
     * feature (or the file is a bare geometry).
     */
    Optional<Geometry> feature(Fields zone, String file, Optional<JsonNode> selector) {
        Path p = dir.resolve(file).normalize();
        if (!p.startsWith(dir)) {
            zone.error("file", "zone file '" + file + "' lies outside the scenario folder");
            return Optional.empty();
        }
        String name = dir.relativize(p).toString().replace('\\', '/');
        Optional<JsonSource> src = cache.computeIfAbsent(name, n -> read(zone, file, p, n));
        if (src.isEmpty()) return Optional.empty();
        return select(zone, src.get(), name, selector);
    }

    private Optional<JsonSource> read(Fields zone, String file, Path p, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            zone.error("file", "cannot read zone file '" + file + "': no such file");
            return Optional.empty();
        } catch (IOException e) {
            zone.error("file", "cannot read zone file '" + file + "': " + e);
            return Optional.empty();
        }
        return JsonSource.parse(name, bytes, problems);
    }

    private Optional<Geometry> select(Fields zone, JsonSource src, String name, Optional<JsonNode> selector) {
        JsonNode root = src.root();
        String type = root.path("type").asText("");
        List<Integer> candidates = new ArrayList<>();
        List<JsonNode> features = new ArrayList<>();
        JsonPath base;
        switch (type) {
            case "FeatureCollection" -> {
                base = JsonPath.ROOT.child("features");
                root.path("features").forEach(features::add);
            }
            case "Feature" -> {
                base = JsonPath.ROOT;
                features.add(root);
            }
            default -> {
                if (selector.isPresent()) {
                    zone.error("feature", "'" + name + "' is not a FeatureCollection, so no feature can be selected");
                    return Optional.empty();
                }
                return GeoJsonGeometry.read(root, JsonPath.ROOT, GeoJsonGeometry.AREAS, src, problems);
            }
        }
        for (int i = 0; i < features.size(); i++) {
            if (selector.isEmpty() || matches(features.get(i), selector.get())) candidates.add(i);
        }
        if (candidates.size() != 1) {
            String what = selector.map(s -> "feature " + s).orElse("a single feature");
            zone.error(selector.isPresent() ? "feature" : "file", candidates.isEmpty()
                    ? "no feature in '" + name + "' matches " + what
                    : candidates.size() + " features in '" + name + "' match " + what + "; the selector must pick exactly one");
            return Optional.empty();
        }
        int k = candidates.get(0);
        JsonPath at = type.equals("Feature") ? base : base.index(k);
        JsonNode geometry = features.get(k).get("geometry");
        if (geometry == null || geometry.isNull()) {
            problems.add(src, at, "the selected feature has no geometry");
            return Optional.empty();
        }
        return GeoJsonGeometry.read(geometry, at.child("geometry"), GeoJsonGeometry.AREAS, src, problems);
    }

    private static boolean matches(JsonNode feature, JsonNode selector) {
        if (selector.isTextual()) {
            JsonNode id = feature.get("id");
            return id != null && (id.isTextual() || id.isNumber()) && id.asText().equals(selector.textValue());
        }
        JsonNode props = feature.path("properties");
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().equals(props.get(e.getKey()))) return false;
        }
        return true;
    }
}

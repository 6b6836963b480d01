package org.truce.agreement.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.ground.PartyId;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;

/**
 * Reads the {@code zones} array into {@link ZoneDef}s: checks every field, ids unique, {@code heldBy} a known
 * party, exactly one geometry definition per zone, and reads inline and file geometries. Zone references are
 * checked later by {@link ZoneResolver}, which knows them all. Not thread-safe: one load, one thread.
 */
final class ZoneReader {
    private static final List<String> BASES = List.of("geometry", "file", "line", "buffer");

    private final ZoneFiles files;
    private final Set<String> parties;

    ZoneReader(ZoneFiles files, Set<String> parties) {
        this.files = files;
        this.parties = parties;
    }

    List<ZoneDef> read(List<Fields.Item> items, Fields top) {
        List<ZoneDef> defs = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        for (Fields.Item item : items) {
            top.object(item).flatMap(f -> zone(f, seen)).ifPresent(defs::add);
        }
        return defs;
    }

    private Optional<ZoneDef> zone(Fields f, Map<String, JsonPath> seen) {
        Optional<String> id = f.text("id");
        id.ifPresent(v -> {
            JsonPath first = seen.putIfAbsent(v, f.at("id"));
            if (first != null) f.error("id", "duplicate zone id '" + v + "' (first at " + first + ")");
        });
        String name = f.text("name").orElse("");
        ZoneRole role = f.enumValue("role", ZoneRole.class).orElse(ZoneRole.REFERENCE);
        Optional<Fields.Ref> heldBy = f.optRef("heldBy");
        heldBy.filter(h -> !parties.contains(h.value()))
                .ifPresent(h -> f.error(h.path(), "unknown party '" + h.value() + "'"));
        if (role == ZoneRole.HELD_AREA && heldBy.isEmpty() && !f.has("heldBy")) {
            f.error("heldBy", "missing required field 'heldBy' (a HELD_AREA zone names the party holding it)");
        }
        String source = f.text("source").orElse("");
        String caveat = f.text("caveat").orElse("");
        List<Fields.Ref> union = f.optRefs("union");
        List<Fields.Ref> subtract = f.optRefs("subtract");
        ZoneDef.Base base = base(f, !union.isEmpty());
        f.finish();
        return id.map(v -> new ZoneDef(ZoneId.of(v), f.path(), name, role,
                heldBy.map(h -> PartyId.of(h.value())), source, caveat, base, union, subtract));
    }

    private ZoneDef.Base base(Fields f, boolean hasUnion) {
        f.allow("feature", "bufferM");
        List<String> given = BASES.stream().filter(f::has).toList();
        if (given.size() > 1) {
            f.error(f.path(), "a zone has one geometry definition, but this one has " + String.join(", ", given));
            return new ZoneDef.Base.Broken();
        }
        if (given.isEmpty()) {
            if (hasUnion) return new ZoneDef.Base.Nothing();
            f.error(f.path(), "a zone needs a geometry definition: one of geometry, file, line, buffer, or a union");
            return new ZoneDef.Base.Broken();
        }
        if (!given.get(0).equals("file") && f.has("feature")) f.error("feature", "'feature' belongs with 'file'");
        if (!given.get(0).equals("line") && f.has("bufferM")) f.error("bufferM", "'bufferM' belongs with 'line'");
        Optional<ZoneDef.Base> b = switch (given.get(0)) {
            case "geometry" -> f.raw("geometry").flatMap(g -> GeoJsonGeometry.read(g, f.at("geometry"),
                    GeoJsonGeometry.AREAS, f.source(), f.problems())).map(ZoneDef.Base.Given::new);
            case "file" -> fromFile(f);
            case "line" -> {
                Optional<Double> m = positive(f, "bufferM");
                var line = f.raw("line").flatMap(g -> GeoJsonGeometry.read(g, f.at("line"),
                        GeoJsonGeometry.LINES, f.source(), f.problems()));
                yield line.flatMap(l -> m.map(metres -> new ZoneDef.Base.LineBuffer(l, metres)));
            }
            default -> f.raw("buffer").flatMap(n -> Fields.of(n, f.at("buffer"), f.source(), f.problems()))
                    .flatMap(bf -> {
                        Optional<Fields.Ref> zone = bf.ref("zone");
                        Optional<Double> m = positive(bf, "metres");
                        bf.finish();
                        return zone.flatMap(z -> m.map(metres -> new ZoneDef.Base.ZoneBuffer(z, metres)));
                    });
        };
        return b.orElseGet(ZoneDef.Base.Broken::new);
    }

    private Optional<ZoneDef.Base> fromFile(Fields f) {
        Optional<String> file = f.text("file");
        Optional<JsonNode> selector = f.raw("feature");
        if (selector.isPresent()) {
            JsonNode s = selector.get();
            boolean ok = (s.isTextual() && !s.textValue().isBlank()) || (s.isObject() && !s.isEmpty());
            if (!ok) {
                f.error("feature", "expected a feature id (string) or a non-empty object of properties to match, got "
                        + Fields.kind(s));
                return Optional.empty();
            }
        }
        return file.flatMap(name -> files.feature(f, name, selector)).map(ZoneDef.Base.Given::new);
    }

    private static Optional<Double> positive(Fields f, String name) {
        return f.number(name).filter(m -> {
            if (m > 0) return true;
            f.error(name, "must be a distance in metres greater than 0, got " + m);
            return false;
        });
    }
}

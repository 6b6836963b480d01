package org.truce.agreement.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import java.util.stream.Collectors;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.agreement.ParityRule;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.agreement.PartyRole;
import org.truce.agreement.Provision;
import org.truce.agreement.Signatory;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;

/**
 * Loads an agreement from a scenario folder: {@code <dir>/agreement.json} plus the GeoJSON zone files it names
 * (format: {@code docs/agreement-format.md}). Everything is validated before anything is returned, and every
 * problem is reported at once, each with file, JSON path, line and reason. Stateless and thread-safe; each
 * call reads the files afresh.
 */
public final class AgreementLoader {
    /** The agreement file's name inside a scenario folder. */
    public static final String FILE = "agreement.json";

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private AgreementLoader() {}

    /**
     * @param scenarioDir folder holding {@code agreement.json} and the zone files it refers to (relative paths)
     * @return the validated agreement; zones in file order, geometries in WGS 84 (x = lon, y = lat)
     * @throws AgreementException listing every problem found, if there is any
     */
    public static Agreement load(Path scenarioDir) throws AgreementException {
        Problems problems = new Problems();
        Optional<Agreement> a = read(scenarioDir, problems);
        if (!problems.isEmpty() || a.isEmpty()) {
            throw new AgreementException("cannot load the agreement in " + scenarioDir, problems.all());
        }
        return a.get();
    }

    private static Optional<Agreement> read(Path dir, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(FILE));
        } catch (NoSuchFileException e) {
            problems.add(new AgreementError(FILE, "$", 0, "cannot read: no such file in " + dir));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new AgreementError(FILE, "$", 0, "cannot read: " + e));
            return Optional.empty();
        }
        Optional<JsonSource> src = JsonSource.parse(FILE, bytes, problems);
        return src.flatMap(s -> Fields.of(s.root(), JsonPath.ROOT, s, problems)).flatMap(f -> agreement(f, dir));
    }

    private static Optional<Agreement> agreement(Fields f, Path dir) {
        Optional<String> id = f.text("id");
        Optional<String> title = f.text("title");
        Optional<Instant> effective = f.instant("effective");
        Optional<String> proj4 = f.text("projection");
        Optional<LocalProjection> projection = proj4.flatMap(p -> projection(f, p));

        List<Party> parties = list(f, "parties", AgreementLoader::party);
        unique(f, "parties", "party");
        List<Signatory> signatories = list(f, "signatories", AgreementLoader::signatory);
        List<Contingent> contingents = list(f, "contingents", AgreementLoader::contingent);
        unique(f, "contingents", "contingent");
        Optional<ParityRule> parity = f.requiredRaw("parity")
                .flatMap(n -> Fields.of(n, f.at("parity"), f.source(), f.problems()))
                .flatMap(pf -> parity(pf, declaredIds(f, "contingents").size()));

        Set<String> partyIds = declaredIds(f, "parties");
        List<ZoneDef> zoneDefs = f.array("zones")
                .map(items -> new ZoneReader(new ZoneFiles(dir, f.problems()), partyIds).read(items, f))
                .orElse(List.of());
        projection = projection.filter(p -> metric(f, p, zoneDefs));
        Map<ZoneId, Zone> zones = new ZoneResolver(zoneDefs, projection, f.source(), f.problems()).resolve();

        Known known = new Known(zoneDefs.stream().map(z -> z.id().value()).collect(Collectors.toSet()), partyIds,
                declaredIds(f, "contingents"));
        List<Provision> provisions = f.array("provisions")
                .map(items -> new ProvisionReader(new RuleReader(known, effective)).read(items, f))
                .orElse(List.of());
        f.finish();
        if (!f.problems().isEmpty() || id.isEmpty() || title.isEmpty() || effective.isEmpty() || proj4.isEmpty()
                || parity.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Agreement(id.get(), title.get(), effective.get(), proj4.get(), parties, signatories,
                contingents, parity.get(), zones, provisions));
    }

    private static Optional<LocalProjection> projection(Fields f, String proj4) {
        try {
            LocalProjection p = new LocalProjection(proj4);
            p.toLocal(GeoPoint.of(0, 0));
            return Optional.of(p);
        } catch (RuntimeException e) {
            f.error("projection", "unusable projection: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Whether the projection measures in metres where the agreement's zones are: 0.01° of latitude (about 1.1 km)
     * must come out between 0.5 and 5 km. A geographic "projection" (degrees) would make every buffer absurd.
     */
    private static boolean metric(Fields f, LocalProjection p, List<ZoneDef> zones) {
        Optional<Coordinate> sample = zones.stream().map(ZoneDef::base)
                .flatMap(b -> b instanceof ZoneDef.Base.Given g ? java.util.stream.Stream.of(g.wgs84())
                        : b instanceof ZoneDef.Base.LineBuffer l ? java.util.stream.Stream.of(l.wgs84Line())
                        : java.util.stream.Stream.empty())
                .map(g -> g.getCentroid().getCoordinate()).findFirst();
        if (sample.isEmpty()) return true;
        double lat = Math.min(89.0, sample.get().y);
        double lon = sample.get().x;
        double d = p.distanceM(GeoPoint.of(lat, lon), GeoPoint.of(lat + 0.01, lon));
        if (d >= 500 && d <= 5000) return true;
        f.error("projection", String.format(java.util.Locale.ROOT, "unusable projection: 0.01° of latitude at [%.4f, %.4f] "
                + "measures %.4g units, not about 1,100 metres; the projection must be metric and local", lon, lat, d));
        return false;
    }

    private static Optional<Party> party(Fields f) {
        Optional<String> id = f.text("id");
        Optional<String> name = f.text("name");
        Optional<PartyRole> role = f.enumValue("role", PartyRole.class);
        f.finish();
        return id.flatMap(i -> name.flatMap(n -> role.map(r -> new Party(PartyId.of(i), n, r))));
    }

    private static Optional<Signatory> signatory(Fields f) {
        Optional<String> name = f.text("name");
        Optional<String> title = f.text("title");
        Optional<String> state = f.text("state");
        f.finish();
        return name.flatMap(n -> title.flatMap(t -> state.map(s -> new Signatory(n, t, s))));
    }

    private static Optional<Contingent> contingent(Fields f) {
        Optional<String> id = f.text("id");
        Optional<String> name = f.text("name");
        Optional<String> language = f.text("language").filter(l -> {
            if (LANGUAGE.matcher(l).matches()) return true;
            f.error("language", "not a BCP 47 language tag such as 'ru' or 'tr': '" + l + "'");
            return false;
        });
        f.finish();
        return id.flatMap(i -> name.flatMap(n -> language.map(l -> new Contingent(ContingentId.of(i), n, l))));
    }

    private static Optional<ParityRule> parity(Fields f, int contingents) {
        Optional<Integer> diff = f.integer("maxStaffDifference");
        Optional<Integer> cap = f.integer("maxStaffPerContingent");
        Optional<Boolean> assessments = f.bool("assessmentsRequired");
        Optional<Boolean> allHeads = f.bool("findingNeedsAllHeads");
        f.finish();
        boolean ok = true;
        if (diff.isPresent() && diff.get() < 0) {
            f.error("maxStaffDifference", "must be 0 or more, got " + diff.get());
            ok = false;
        }
        if (cap.isPresent() && cap.get() <= 0) {
            f.error("maxStaffPerContingent", "must be greater than 0, got " + cap.get());
            ok = false;
        }
        if (ok && diff.isPresent() && cap.isPresent() && diff.get() > cap.get()) {
            f.error("maxStaffDifference", "maxStaffDifference " + diff.get() + " exceeds maxStaffPerContingent "
                    + cap.get() + ", so it constrains nothing");
            ok = false;
        }
        if (contingents < 2) {
            f.error(f.path(), "parity needs at least two contingents, the agreement has " + contingents);
            ok = false;
        }
        if (!ok || diff.isEmpty() || cap.isEmpty() || assessments.isEmpty() || allHeads.isEmpty()) return Optional.empty();
        return Optional.of(new ParityRule(diff.get(), cap.get(), assessments.get(), allHeads.get()));
    }

    private static <T> List<T> list(Fields f, String name, Function<Fields, Optional<T>> reader) {
        List<T> out = new ArrayList<>();
        f.array(name).ifPresent(items -> {
            if (items.isEmpty() && !name.equals("signatories")) f.error(name, "must list at least one entry");
            for (Fields.Item item : items) f.object(item).flatMap(reader).ifPresent(out::add);
        });
        return out;
    }

    /**
     * Every id written in an array of objects, including those of entries that failed to read for another
     * reason, so one bad field does not make every reference to that entry an error too.
     */
    private static Set<String> declaredIds(Fields f, String array) {
        Set<String> ids = new java.util.HashSet<>();
        f.raw(array).filter(n -> n.isArray()).ifPresent(items -> items.forEach(item -> {
            var id = item.path("id");
            if (id.isTextual() && !id.textValue().isBlank()) ids.add(id.textValue());
        }));
        return ids;
    }

    /** Reports ids used twice in an array of objects, each at its own path with where it was first used. */
    private static void unique(Fields f, String array, String what) {
        f.raw(array).filter(n -> n.isArray()).ifPresent(items -> {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                var idNode = items.get(i).path("id");
                if (!idNode.isTextual()) continue;
                Integer j = first.putIfAbsent(idNode.textValue(), i);
                if (j != null) {
                    f.error(f.at(array).index(i).child("id"), "duplicate " + what + " id '" + idNode.textValue()
                            + "' (first at " + f.at(array).index(j).child("id") + ")");
                }
            }
        });
    }
}

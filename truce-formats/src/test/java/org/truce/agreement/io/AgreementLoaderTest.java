package org.truce.agreement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.agreement.Agreement;
import org.truce.ground.ProvisionId;
import org.truce.agreement.RuleSpec;
import org.truce.ground.ZoneId;
import org.truce.geo.LocalProjection;
import org.truce.testing.TestAgreements;

/** The format doc's example loads; every kind of bad input is reported with file, path, line and reason. */
class AgreementLoaderTest {
    static final String EXAMPLE = TestAgreements.exampleAgreementJson();
    static final String PREMISES_GEOMETRY = "\"geometry\": { \"type\": \"Polygon\", \"coordinates\": [[[46.95, 39.55], "
            + "[46.952, 39.55], [46.952, 39.552], [46.95, 39.552], [46.95, 39.55]]] }";

    @TempDir
    Path dir;

    // ---- helpers ----

    /** The example with the first occurrence of {@code from} replaced (which must occur). */
    static String broken(String json, String from, String to) {
        int i = json.indexOf(from);
        assertThat(i).as("fixture text '%s' occurs in the example", from).isGreaterThanOrEqualTo(0);
        return json.substring(0, i) + to + json.substring(i + from.length());
    }

    static String broken(String from, String to) {
        return broken(EXAMPLE, from, to);
    }

    /** 1-based line of the first occurrence of {@code snippet}. */
    static int line(String json, String snippet) {
        int i = json.indexOf(snippet);
        assertThat(i).isGreaterThanOrEqualTo(0);
        return (int) json.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
    }

    List<AgreementError> errors(String json) {
        TestAgreements.writeAgreement(dir, json);
        AgreementException e = catchThrowableOfType(AgreementException.class, () -> AgreementLoader.load(dir));
        assertThat(e).as("loading fails").isNotNull();
        return e.errors();
    }

    AgreementError only(String json) {
        List<AgreementError> errors = errors(json);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    AgreementError find(List<AgreementError> errors, String jsonPath) {
        return errors.stream().filter(e -> e.jsonPath().equals(jsonPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + jsonPath + " in " + errors));
    }

    void writeZoneFile(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), content);
    }

    static String premisesFromFile(String fileAndFeature) {
        return broken(PREMISES_GEOMETRY, fileAndFeature);
    }

    // ---- the example ----

    @Test
    void theFormatDocsExampleLoads() {
        Agreement a = AgreementLoader.load(TestAgreements.writeAgreement(dir, EXAMPLE));
        assertThat(a.id()).isEqualTo("example");
        assertThat(a.parties()).hasSize(3);
        assertThat(a.zones().keySet()).extracting(ZoneId::value)
                .containsExactly("theater", "north-held", "pk-zone", "corridor", "handover", "premises", "airspace");
        assertThat(a.provisions()).extracting(p -> p.id().value()).containsExactly("¶1", "¶2", "¶3", "¶4", "M-1");
        var handover = a.provision(ProvisionId.of("¶2")).orElseThrow();
        assertThat(deadline(handover.versionAt(Instant.parse("2020-11-12T00:00:00Z")).orElseThrow().rules().get(0)))
                .isEqualTo(Instant.parse("2020-11-14T21:00:00Z"));
        assertThat(deadline(handover.versionAt(Instant.parse("2020-11-20T00:00:00Z")).orElseThrow().rules().get(0)))
                .isEqualTo(Instant.parse("2020-11-24T21:00:00Z"));
        // from defaults to the version's validFrom
        var observers = (RuleSpec.RestrictedMovement) a.provision(ProvisionId.of("M-1")).orElseThrow().versions().get(0).rules().get(0);
        assertThat(observers.from()).isEqualTo(Instant.parse("2020-11-10T21:00:00Z"));
    }

    @Test
    void derivedZonesAreComputedInMetres() {
        Agreement a = AgreementLoader.load(TestAgreements.writeAgreement(dir, EXAMPLE));
        LocalProjection utm = LocalProjection.utm38n();
        var gf = new GeometryFactory();
        // corridor: a 0.4° (~44.4 km) centreline buffered 2.5 km each side with round ends
        double corridorArea = utm.toLocal(a.zone(ZoneId.of("corridor")).orElseThrow().geometry()).getArea();
        double length = utm.distanceM(org.truce.geo.GeoPoint.of(40.0, 46.5), org.truce.geo.GeoPoint.of(39.6, 46.5));
        assertThat(corridorArea).isBetween(0.99 * (length * 5000 + Math.PI * 2500 * 2500), 1.01 * (length * 5000 + Math.PI * 2500 * 2500));
        // handover minus corridor: the corridor's centre is not in it, a point 3 km east is
        var handover = a.zone(ZoneId.of("handover")).orElseThrow().geometry();
        assertThat(handover.covers(gf.createPoint(new Coordinate(46.5, 39.8)))).isFalse();
        assertThat(handover.covers(gf.createPoint(new Coordinate(46.5 + 3000 / 85500.0, 39.8)))).isTrue();
        // airspace: outside the held area, within 10 km of it, plus the premises
        var airspace = a.zone(ZoneId.of("airspace")).orElseThrow().geometry();
        assertThat(airspace.covers(gf.createPoint(new Coordinate(46.5, 40.15)))).isFalse();
        assertThat(airspace.covers(gf.createPoint(new Coordinate(46.5, 40.3 + 5000 / 111000.0)))).isTrue();
        assertThat(airspace.covers(gf.createPoint(new Coordinate(46.5, 40.3 + 12000 / 111000.0)))).isFalse();
        assertThat(airspace.covers(gf.createPoint(new Coordinate(46.951, 39.551)))).isTrue();
    }

    @Test
    void holdPositionsReadsItsExceptInZonesAndDefaultsToNone() {
        Agreement a = AgreementLoader.load(TestAgreements.writeAgreement(dir, EXAMPLE));
        var hold = (RuleSpec.HoldPositions) a.provision(ProvisionId.of("¶1")).orElseThrow().versions().get(0).rules().get(1);
        assertThat(hold.exceptIn()).extracting(ZoneId::value).containsExactly("handover", "corridor");
        assertThat(hold.zones()).extracting(ZoneId::value).containsExactly("north-held", "handover", "corridor");
        Agreement none = AgreementLoader.load(TestAgreements.writeAgreement(dir,
                broken(",\n              \"exceptIn\": [\"handover\", \"corridor\"]", "")));
        var plain = (RuleSpec.HoldPositions) none.provision(ProvisionId.of("¶1")).orElseThrow().versions().get(0).rules().get(1);
        assertThat(plain.exceptIn()).isEmpty();
    }

    @Test
    void unknownZoneInExceptIn() {
        String json = broken("\"exceptIn\": [\"handover\", \"corridor\"]", "\"exceptIn\": [\"handover\", \"coridor\"]");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json",
                "$.provisions[0].versions[0].rules[1].exceptIn[1]", line(json, "coridor"), "unknown zone 'coridor'"));
    }

    @Test
    void exceptInMustBeAListOfZoneIds() {
        AgreementError e = only(broken("\"exceptIn\": [\"handover\", \"corridor\"]", "\"exceptIn\": \"handover\""));
        assertThat(e.jsonPath()).isEqualTo("$.provisions[0].versions[0].rules[1].exceptIn");
    }

    private static Instant deadline(RuleSpec r) {
        return ((RuleSpec.WithdrawBy) r).deadline();
    }

    // ---- files ----

    @Test
    void missingAgreementFile() {
        AgreementError e = catchThrowableOfType(AgreementException.class, () -> AgreementLoader.load(dir)).errors().get(0);
        assertThat(e.file()).isEqualTo("agreement.json");
        assertThat(e.reason()).startsWith("cannot read: no such file");
    }

    @Test
    void malformedJsonNamesTheLine() {
        String json = broken("\"title\": \"A small example agreement\",", "\"title\": \"A small example agreement\"");
        AgreementError e = only(json);
        assertThat(e.file()).isEqualTo("agreement.json");
        assertThat(e.line()).isEqualTo(line(json, "\"effective\""));
        assertThat(e.reason()).startsWith("malformed JSON: Unexpected character");
    }

    @Test
    void duplicateKeyIsMalformed() {
        AgreementError e = only(broken("\"title\": \"A small", "\"id\": \"again\", \"title\": \"A small"));
        assertThat(e.reason()).contains("malformed JSON").contains("Duplicate field 'id'");
        assertThat(e.line()).isEqualTo(3);
    }

    // ---- fields ----

    @Test
    void missingRequiredField() {
        AgreementError e = only(broken("  \"title\": \"A small example agreement\",\n", ""));
        assertThat(e).isEqualTo(new AgreementError("agreement.json", "$.title", 1, "missing required field 'title'"));
    }

    @Test
    void blankField() {
        String json = broken("\"name\": \"Northern side\"", "\"name\": \" \"");
        AgreementError e = only(json);
        assertThat(e).isEqualTo(new AgreementError("agreement.json", "$.parties[0].name",
                line(json, "\"name\": \" \""), "must not be blank"));
    }

    @Test
    void wrongType() {
        String json = broken("\"maxStaffPerContingent\": 60", "\"maxStaffPerContingent\": \"60\"");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json", "$.parity.maxStaffPerContingent",
                line(json, "\"maxStaffPerContingent\""), "expected an integer, got a string"));
    }

    @Test
    void wrongTypeForAnArray() {
        AgreementError e = only(broken("\"signatories\": [", "\"signatories\": {\"x\": [").replace("\"state\": \"Southland\" }\n  ],", "\"state\": \"Southland\" }\n  ]},"));
        assertThat(e.jsonPath()).isEqualTo("$.signatories");
        assertThat(e.reason()).isEqualTo("expected an array, got an object");
    }

    @Test
    void unknownField() {
        List<AgreementError> errors = errors(broken("\"source\": \"the text, ¶1\"", "\"source\": \"the text, ¶1\", \"sorce\": \"typo\""));
        assertThat(find(errors, "$.provisions[0].versions[0].sorce").reason()).isEqualTo("unknown field 'sorce'");
    }

    @Test
    void unknownEnumValue() {
        String json = broken("\"role\": \"CORRIDOR\"", "\"role\": \"CORIDOR\"");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.zones[3].role");
        assertThat(e.line()).isEqualTo(line(json, "CORIDOR"));
        assertThat(e.reason()).startsWith("unknown ZoneRole 'CORIDOR' (expected one of THEATER, HELD_AREA");
    }

    @Test
    void badTimestampMustBeUtc() {
        String json = broken("\"effective\": \"2020-11-09T21:00:00Z\"", "\"effective\": \"2020-11-10T00:00:00+03:00\"");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json", "$.effective", 4,
                "bad timestamp '2020-11-10T00:00:00+03:00': expected ISO-8601 UTC such as 2020-11-09T21:00:00Z"));
    }

    @Test
    void badDate() {
        String json = broken("\"adopted\": \"2020-11-15\"", "\"adopted\": \"15/11/2020\"");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.provisions[1].versions[1].adopted");
        assertThat(e.line()).isEqualTo(line(json, "15/11/2020"));
        assertThat(e.reason()).startsWith("bad date '15/11/2020'");
    }

    @Test
    void badLanguageTag() {
        AgreementError e = only(broken("\"language\": \"tr\"", "\"language\": \"Turkish language\""));
        assertThat(e.jsonPath()).isEqualTo("$.contingents[1].language");
        assertThat(e.reason()).startsWith("not a BCP 47 language tag");
    }

    // ---- ids and references ----

    @Test
    void duplicatePartyId() {
        List<AgreementError> errors = errors(broken("{ \"id\": \"SOUTH\"", "{ \"id\": \"NORTH\""));
        assertThat(find(errors, "$.parties[1].id").reason()).isEqualTo("duplicate party id 'NORTH' (first at $.parties[0].id)");
    }

    @Test
    void duplicateContingentId() {
        List<AgreementError> errors = errors(broken("{ \"id\": \"TR\"", "{ \"id\": \"RU\""));
        assertThat(find(errors, "$.contingents[1].id").reason()).isEqualTo("duplicate contingent id 'RU' (first at $.contingents[0].id)");
    }

    @Test
    void duplicateZoneId() {
        String json = broken("\"id\": \"premises\"", "\"id\": \"theater\"");
        AgreementError e = find(errors(json), "$.zones[5].id");
        assertThat(e.reason()).isEqualTo("duplicate zone id 'theater' (first at $.zones[0].id)");
        assertThat(e.line()).isEqualTo(line(json, "\"id\": \"theater\", \"name\": \"Center premises\""));
    }

    @Test
    void duplicateProvisionId() {
        assertThat(only(broken("\"id\": \"¶4\"", "\"id\": \"¶3\"")).reason())
                .isEqualTo("duplicate provision id '¶3' (first at $.provisions[2].id)");
    }

    @Test
    void duplicateRuleIdInAVersion() {
        AgreementError e = only(broken("\"id\": \"p1-hold\"", "\"id\": \"p1-ceasefire\""));
        assertThat(e.jsonPath()).isEqualTo("$.provisions[0].versions[0].rules[1].id");
        assertThat(e.reason()).isEqualTo("duplicate rule id 'p1-ceasefire' (first at $.provisions[0].versions[0].rules[0].id)");
    }

    @Test
    void ruleIdSharedBetweenProvisions() {
        AgreementError e = only(broken("\"id\": \"p3-corridor\"", "\"id\": \"p2-handover\""));
        assertThat(e.jsonPath()).isEqualTo("$.provisions[2].versions[0].rules[1].id");
        assertThat(e.reason()).isEqualTo("duplicate rule id 'p2-handover' (already used by provision '¶2')");
    }

    @Test
    void unknownZoneInARule() {
        String json = broken("\"zone\": \"theater\" }", "\"zone\": \"theatre\" }");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json", "$.provisions[0].versions[0].rules[0].zone",
                line(json, "theatre"), "unknown zone 'theatre'"));
        assertThat(only(json).toString()).isEqualTo("agreement.json:" + line(json, "theatre")
                + " $.provisions[0].versions[0].rules[0].zone : unknown zone 'theatre'");
    }

    @Test
    void unknownZoneInAZoneOperation() {
        String json = broken("\"subtract\": [\"corridor\"]", "\"subtract\": [\"coridor\"]");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json", "$.zones[4].subtract[0]",
                line(json, "coridor"), "unknown zone 'coridor'"));
    }

    @Test
    void unknownZoneInABuffer() {
        AgreementError e = only(broken("\"zone\": \"north-held\", \"metres\": 2000", "\"zone\": \"south-held\", \"metres\": 2000"));
        assertThat(e.jsonPath()).isEqualTo("$.zones[2].buffer.zone");
        assertThat(e.reason()).isEqualTo("unknown zone 'south-held'");
    }

    @Test
    void unknownParty() {
        String json = broken("\"parties\": [\"NORTH\"]", "\"parties\": [\"NORTH\", \"EAST\"]");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.provisions[1].versions[0].rules[0].parties[1]");
        assertThat(e.line()).isEqualTo(line(json, "EAST"));
        assertThat(e.reason()).isEqualTo("unknown party 'EAST'");
    }

    @Test
    void unknownHolder() {
        AgreementError e = only(broken("\"heldBy\": \"NORTH\"", "\"heldBy\": \"WEST\""));
        assertThat(e.jsonPath()).isEqualTo("$.zones[1].heldBy");
        assertThat(e.reason()).isEqualTo("unknown party 'WEST'");
    }

    @Test
    void heldAreaNeedsAHolder() {
        AgreementError e = only(broken("\"heldBy\": \"NORTH\",", ""));
        assertThat(e.jsonPath()).isEqualTo("$.zones[1].heldBy");
        assertThat(e.reason()).startsWith("missing required field 'heldBy'");
    }

    @Test
    void unknownContingent() {
        AgreementError e = only(broken("\"contingent\": \"TR\"", "\"contingent\": \"UK\""));
        assertThat(e.jsonPath()).isEqualTo("$.provisions[4].versions[0].rules[0].contingent");
        assertThat(e.reason()).isEqualTo("unknown contingent 'UK'");
    }

    // ---- rules ----

    @Test
    void unknownRuleType() {
        String json = broken("\"type\": \"cease-fire\"", "\"type\": \"curfew\"");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.provisions[0].versions[0].rules[0].type");
        assertThat(e.line()).isEqualTo(line(json, "curfew"));
        assertThat(e.reason()).startsWith("unknown rule type 'curfew' (expected one of cease-fire, hold-positions");
    }

    @Test
    void ruleWithoutAZone() {
        String json = broken(", \"zone\": \"theater\" }", " }");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json", "$.provisions[0].versions[0].rules[0].zone",
                line(json, "\"id\": \"p1-ceasefire\""), "missing required field 'zone'"));
    }

    @Test
    void ruleWithAnEmptyZoneList() {
        AgreementError e = only(broken("\"zones\": [\"premises\"]", "\"zones\": []"));
        assertThat(e.jsonPath()).isEqualTo("$.provisions[4].versions[0].rules[0].zones");
        assertThat(e.reason()).isEqualTo("must list at least one entry");
    }

    @Test
    void badCaps() {
        List<AgreementError> errors = errors(broken("\"PERSONNEL\": 1960, \"APC\": 90", "\"PERSONNEL\": -1, \"TANKS\": 90"));
        String caps = "$.provisions[2].versions[0].rules[0].caps";
        assertThat(find(errors, caps + ".PERSONNEL").reason()).isEqualTo("a cap is a whole number of 0 or more, got -1");
        assertThat(find(errors, caps + ".TANKS").reason()).startsWith("unknown cap 'TANKS' (expected VEHICLES or one of TANK");
        assertThat(errors).hasSize(2);
    }

    @Test
    void nonPositiveWindow() {
        AgreementError e = only(broken("\"windowSeconds\": 3600", "\"windowSeconds\": 0"));
        assertThat(e.reason()).isEqualTo("must be greater than 0, got 0");
    }

    @Test
    void deadlineBeforeTheCeasefire() {
        String json = broken("\"deadline\": \"2020-11-14T21:00:00Z\"", "\"deadline\": \"2020-11-01T00:00:00Z\"");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.provisions[1].versions[0].rules[0].deadline");
        assertThat(e.line()).isEqualTo(line(json, "2020-11-01T00:00:00Z"));
        assertThat(e.reason()).isEqualTo("deadline 2020-11-01T00:00:00Z is before the ceasefire took effect (2020-11-09T21:00:00Z)");
    }

    @Test
    void trackedProvisionWithRules() {
        AgreementError e = only(broken("\"id\": \"¶1\", \"title\": \"Ceasefire\"", "\"id\": \"¶1\", \"tracked\": true, \"title\": \"Ceasefire\""));
        assertThat(e.jsonPath()).isEqualTo("$.provisions[0].versions[0].rules");
        assertThat(e.reason()).startsWith("a tracked provision is an implementation item without rules");
    }

    // ---- versions ----

    @Test
    void versionNumbersMustRunOneToN() {
        String json = broken("\"version\": 2,", "\"version\": 3,");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json", "$.provisions[1].versions[1].version",
                line(json, "\"version\": 3,"), "versions are numbered 1..n in file order: expected 2, got 3"));
    }

    @Test
    void validToMustFollowValidFrom() {
        String json = broken("\"validTo\": \"2020-11-14T21:00:00Z\"", "\"validTo\": \"2020-11-09T21:00:00Z\"");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.provisions[1].versions[0].validTo");
        assertThat(e.reason()).isEqualTo("validTo 2020-11-09T21:00:00Z is not after validFrom 2020-11-09T21:00:00Z");
    }

    @Test
    void overlappingVersions() {
        String json = broken("\"validTo\": \"2020-11-14T21:00:00Z\"", "\"validTo\": \"2020-11-16T21:00:00Z\"");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.provisions[1].versions[1].validFrom");
        assertThat(e.line()).isEqualTo(line(json, "\"version\": 2,") + 0);
        assertThat(e.reason()).isEqualTo("validity overlaps version 1 (in force until 2020-11-16T21:00:00Z); versions must not overlap");
    }

    @Test
    void openEndedVersionBeforeAnother() {
        AgreementError e = only(broken("\"validTo\": \"2020-11-14T21:00:00Z\",", ""));
        assertThat(e.jsonPath()).isEqualTo("$.provisions[1].versions[1].validFrom");
        assertThat(e.reason()).isEqualTo("validity overlaps version 1, which is open-ended (give it a validTo)");
    }

    // ---- parity and projection ----

    @Test
    void negativeStaffDifference() {
        AgreementError e = only(broken("\"maxStaffDifference\": 0", "\"maxStaffDifference\": -1"));
        assertThat(e.jsonPath()).isEqualTo("$.parity.maxStaffDifference");
        assertThat(e.reason()).isEqualTo("must be 0 or more, got -1");
    }

    @Test
    void staffDifferenceAboveTheCap() {
        AgreementError e = only(broken("\"maxStaffDifference\": 0", "\"maxStaffDifference\": 70"));
        assertThat(e.reason()).isEqualTo("maxStaffDifference 70 exceeds maxStaffPerContingent 60, so it constrains nothing");
    }

    @Test
    void parityNeedsTwoContingents() {
        String json = broken(",\n    { \"id\": \"TR\", \"name\": \"Turkish contingent\", \"language\": \"tr\" }", "");
        List<AgreementError> errors = errors(json);
        assertThat(find(errors, "$.parity").reason()).isEqualTo("parity needs at least two contingents, the agreement has 1");
        assertThat(find(errors, "$.parity").line()).isEqualTo(line(json, "\"parity\""));
    }

    @Test
    void unusableProjection() {
        String json = broken("\"+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs\"", "\"+proj=nonsense +datum=WGS84\"");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.projection");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).startsWith("unusable projection:");
    }

    @Test
    void geographicProjectionIsNotMetric() {
        AgreementError e = only(broken("\"+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs\"", "\"+proj=longlat +datum=WGS84 +no_defs\""));
        assertThat(e.jsonPath()).isEqualTo("$.projection");
        assertThat(e.reason()).startsWith("unusable projection: 0.01° of latitude at [46.5000, 40.0000] measures 0.01")
                .endsWith("the projection must be metric and local");
    }

    // ---- geometry ----

    @Test
    void selfIntersectingGeometrySaysWhere() {
        String json = broken("[[[46.2, 40.0], [46.8, 40.0], [46.8, 40.3], [46.2, 40.3], [46.2, 40.0]]]",
                "[[[46.2, 40.0], [46.8, 40.3], [46.8, 40.0], [46.2, 40.3], [46.2, 40.0]]]");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.zones[1].geometry");
        assertThat(e.line()).isEqualTo(line(json, "[[[46.2, 40.0], [46.8, 40.3]"));
        assertThat(e.reason()).isEqualTo("invalid geometry: Self-intersection at [46.500000, 40.150000]");
    }

    @Test
    void zoneGeometryMustBeAnArea() {
        AgreementError e = only(broken("\"type\": \"Polygon\", \"coordinates\": [[[46.0, 39.5]", "\"type\": \"Point\", \"coordinates\": [46.0, 39.5], \"x\": [[[46.0, 39.5]"));
        assertThat(e.jsonPath()).isEqualTo("$.zones[0].geometry.type");
        assertThat(e.reason()).isEqualTo("expected a GeoJSON geometry of type MultiPolygon or Polygon, got 'Point'");
    }

    @Test
    void coordinateOutOfRange() {
        AgreementError e = only(broken("[[[46.0, 39.5], [47.0, 39.5], [47.0, 40.5], [46.0, 40.5], [46.0, 39.5]]]",
                "[[[146.0, 95.0], [47.0, 39.5], [47.0, 40.5], [146.0, 95.0]]]"));
        assertThat(e.jsonPath()).isEqualTo("$.zones[0].geometry.coordinates");
        assertThat(e.reason()).contains("out of range (GeoJSON order is [longitude, latitude])");
    }

    @Test
    void unclosedRing() {
        AgreementError e = only(broken("[46.0, 40.5], [46.0, 39.5]]]", "[46.0, 40.5], [46.1, 39.5]]]"));
        assertThat(e.jsonPath()).isEqualTo("$.zones[0].geometry.coordinates");
        assertThat(e.reason()).startsWith("bad GeoJSON Polygon:");
    }

    @Test
    void zoneNeedsAGeometryDefinition() {
        List<AgreementError> errors = errors(broken("\"role\": \"THEATER\",", "\"role\": \"THEATER\", \"shape\": 1,")
                .replaceFirst("\"geometry\"", "\"outline\""));
        assertThat(find(errors, "$.zones[0]").reason()).startsWith("a zone needs a geometry definition");
        assertThat(find(errors, "$.zones[0].outline").reason()).isEqualTo("unknown field 'outline'");
    }

    @Test
    void zoneHasOnlyOneGeometryDefinition() {
        AgreementError e = only(broken("\"role\": \"THEATER\",", "\"role\": \"THEATER\", \"file\": \"zones/theater.geojson\","));
        assertThat(e.jsonPath()).isEqualTo("$.zones[0]");
        assertThat(e.reason()).isEqualTo("a zone has one geometry definition, but this one has geometry, file");
    }

    @Test
    void nonPositiveBuffer() {
        AgreementError e = only(broken("\"bufferM\": 2500", "\"bufferM\": -5"));
        assertThat(e.jsonPath()).isEqualTo("$.zones[3].bufferM");
        assertThat(e.reason()).isEqualTo("must be a distance in metres greater than 0, got -5.0");
    }

    @Test
    void zoneDependencyCycle() {
        String json = broken(broken("\"union\": [\"premises\"]", "\"union\": [\"premises\", \"pk-zone\"]"),
                "\"zone\": \"north-held\", \"metres\": 2000", "\"zone\": \"airspace\", \"metres\": 2000");
        AgreementError e = only(json);
        assertThat(e.jsonPath()).isEqualTo("$.zones[2]");
        assertThat(e.line()).isEqualTo(line(json, "\"id\": \"pk-zone\"") - 1);
        assertThat(e.reason()).isEqualTo("zone dependency cycle: pk-zone -> airspace -> pk-zone");
    }

    @Test
    void zoneDependingOnItself() {
        AgreementError e = only(broken("\"subtract\": [\"corridor\"]", "\"subtract\": [\"handover\"]"));
        assertThat(e.reason()).isEqualTo("zone dependency cycle: handover -> handover");
    }

    @Test
    void emptyComputedZone() {
        AgreementError e = only(broken("\"subtract\": [\"corridor\"]", "\"subtract\": [\"theater\"]"));
        assertThat(e.jsonPath()).isEqualTo("$.zones[4]");
        assertThat(e.reason()).isEqualTo("the computed geometry of zone 'handover' is empty");
    }

    // ---- zone files ----

    @Test
    void zoneFromAFileByFeatureIdOrProperties() throws IOException {
        writeZoneFile("zones/sites.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "premises", "properties": {"code": "P-1"},
                   "geometry": {"type": "Polygon", "coordinates": [[[46.95, 39.55], [46.952, 39.55], [46.952, 39.552], [46.95, 39.552], [46.95, 39.55]]]}},
                  {"type": "Feature", "id": "other", "properties": {"code": "P-2"},
                   "geometry": {"type": "Polygon", "coordinates": [[[46.0, 39.0], [46.1, 39.0], [46.1, 39.1], [46.0, 39.0]]]}}
                ]}
                """);
        var inline = AgreementLoader.load(TestAgreements.writeAgreement(dir, EXAMPLE)).zone(ZoneId.of("premises")).orElseThrow();
        var byId = AgreementLoader.load(TestAgreements.writeAgreement(dir,
                premisesFromFile("\"file\": \"zones/sites.geojson\", \"feature\": \"premises\""))).zone(ZoneId.of("premises")).orElseThrow();
        var byProps = AgreementLoader.load(TestAgreements.writeAgreement(dir,
                premisesFromFile("\"file\": \"zones/sites.geojson\", \"feature\": {\"code\": \"P-1\"}"))).zone(ZoneId.of("premises")).orElseThrow();
        assertThat(byId.geometry().equalsExact(inline.geometry())).isTrue();
        assertThat(byProps.geometry().equalsExact(inline.geometry())).isTrue();
    }

    @Test
    void missingZoneFileIsNamed() {
        String json = premisesFromFile("\"file\": \"zones/premises.geojson\", \"feature\": \"premises\"");
        assertThat(only(json)).isEqualTo(new AgreementError("agreement.json", "$.zones[5].file",
                line(json, "zones/premises.geojson"), "cannot read zone file 'zones/premises.geojson': no such file"));
    }

    @Test
    void zoneFileOutsideTheFolder() {
        AgreementError e = only(premisesFromFile("\"file\": \"../premises.geojson\""));
        assertThat(e.jsonPath()).isEqualTo("$.zones[5].file");
        assertThat(e.reason()).isEqualTo("zone file '../premises.geojson' lies outside the scenario folder");
    }

    @Test
    void malformedZoneFileIsNamedWithItsLine() throws IOException {
        writeZoneFile("zones/premises.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\" \"id\": \"x\"}\n]}\n");
        AgreementError e = only(premisesFromFile("\"file\": \"zones/premises.geojson\""));
        assertThat(e.file()).isEqualTo("zones/premises.geojson");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("malformed JSON:");
    }

    @Test
    void invalidGeometryInAZoneFileNamesTheFileAndFeature() throws IOException {
        writeZoneFile("zones/premises.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "premises", "properties": {},
                   "geometry": {"type": "Polygon",
                     "coordinates": [[[46.95, 39.55], [46.952, 39.552], [46.952, 39.55], [46.95, 39.552], [46.95, 39.55]]]}}
                ]}
                """);
        AgreementError e = only(premisesFromFile("\"file\": \"zones/premises.geojson\", \"feature\": \"premises\""));
        assertThat(e.file()).isEqualTo("zones/premises.geojson");
        assertThat(e.jsonPath()).isEqualTo("$.features[0].geometry");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("invalid geometry: Self-intersection at [46.951000, 39.551000]");
    }

    @Test
    void featureSelectorMustPickExactlyOne() throws IOException {
        writeZoneFile("zones/sites.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "a", "properties": {"kind": "site"}, "geometry": {"type": "Polygon", "coordinates": [[[46.0, 39.0], [46.1, 39.0], [46.1, 39.1], [46.0, 39.0]]]}},
                  {"type": "Feature", "id": "b", "properties": {"kind": "site"}, "geometry": {"type": "Polygon", "coordinates": [[[46.0, 39.0], [46.1, 39.0], [46.1, 39.1], [46.0, 39.0]]]}}
                ]}
                """);
        AgreementError none = only(premisesFromFile("\"file\": \"zones/sites.geojson\", \"feature\": \"c\""));
        assertThat(none.jsonPath()).isEqualTo("$.zones[5].feature");
        assertThat(none.reason()).isEqualTo("no feature in 'zones/sites.geojson' matches feature \"c\"");
        AgreementError several = only(premisesFromFile("\"file\": \"zones/sites.geojson\", \"feature\": {\"kind\": \"site\"}"));
        assertThat(several.reason()).isEqualTo("2 features in 'zones/sites.geojson' match feature {\"kind\":\"site\"}; the selector must pick exactly one");
    }

    // ---- all at once ----

    @Test
    void reportsEveryErrorAtOnce() throws IOException {
        writeZoneFile("zones/premises.geojson", "{ not json");
        String json = EXAMPLE;
        json = broken(json, "\"zone\": \"theater\" }", "\"zone\": \"theatre\" }");
        json = broken(json, "\"effective\": \"2020-11-09T21:00:00Z\"", "\"effective\": \"yesterday\"");
        json = broken(json, "\"version\": 2,", "\"version\": 3,");
        json = broken(json, "\"maxStaffDifference\": 0", "\"maxStaffDifference\": -1");
        json = broken(json, "\"contingent\": \"TR\"", "\"contingent\": \"UK\"");
        json = broken(json, PREMISES_GEOMETRY, "\"file\": \"zones/premises.geojson\"");
        List<AgreementError> errors = errors(json);
        assertThat(errors).extracting(AgreementError::jsonPath).contains(
                "$.effective", "$.parity.maxStaffDifference", "$.provisions[0].versions[0].rules[0].zone",
                "$.provisions[1].versions[1].version", "$.provisions[4].versions[0].rules[0].contingent");
        assertThat(errors).anyMatch(e -> e.file().equals("zones/premises.geojson") && e.reason().startsWith("malformed JSON"));
        assertThat(errors).hasSize(6);
        // agreement.json's errors first, by line; then the zone file's
        assertThat(errors.subList(0, 5)).isSortedAccordingTo(java.util.Comparator.comparingInt(AgreementError::line));
        String message = catchThrowableOfType(AgreementException.class, () -> AgreementLoader.load(dir)).getMessage();
        assertThat(message).contains("6 errors").contains("unknown zone 'theatre'").contains("unknown contingent 'UK'");
    }

    @Test
    void errorPrintsFileLinePathAndReason() {
        assertThat(new AgreementError("agreement.json", "$.provisions[3].versions[0].rules[1].zone", 57, "unknown zone 'foo'"))
                .hasToString("agreement.json:57 $.provisions[3].versions[0].rules[1].zone : unknown zone 'foo'");
        assertThat(new AgreementError("zones/x.geojson", "$", 0, "cannot read")).hasToString("zones/x.geojson $ : cannot read");
        assertThatThrownBy(() -> new AgreementException("x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.truce.sim.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.codec.TruceJson;

/**
 * A simulation setup (the {@code simulation.json} of a scenario): what the simulated theater holds and how its
 * sensors err. Immutable and thread-safe. Positions are {@code [lat, lon]} in WGS 84 degrees; distances metres;
 * speeds m/s; angles degrees. Zone, party and contingent names refer to the agreement and are checked against it
 * when a {@code Simulation} is built. Field meanings are documented in docs/simulation.md.
 *
 * @param note            free text; states that the file is a simulation setup
 * @param start           default start instant of a run (UTC)
 * @param durationHours   default run length
 * @param stepSeconds     simulation step; every report time is a multiple of it
 * @param standoffM       how far legitimate units stay from any line they must not cross
 * @param base            zone the drones take off from and the staff work in (the premises)
 * @param truthSampleSeconds interval of the ground-truth position log
 * <p>The file's {@code assessors} object configures {@code truce simulate}'s automatic case assessors (truce-app);
 * the theater ignores it.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"assessors"})
public record SimulationSetup(String note, Instant start, double durationHours, double stepSeconds, double standoffM,
                              String base, double truthSampleSeconds, List<Forces> forces, Peacekeepers peacekeepers,
                              List<Drone> drones, List<Camera> cameras, List<AcousticArray> acousticArrays,
                              List<Beacon> beacons, SensorModel sensors, Violations violations) {
    public SimulationSetup {
        Require.present(note, "note");
        Require.present(start, "start");
        Require.positive(durationHours, "durationHours");
        Require.positive(stepSeconds, "stepSeconds");
        Require.nonNegative(standoffM, "standoffM");
        Require.present(base, "base");
        Require.positive(truthSampleSeconds, "truthSampleSeconds");
        forces = List.copyOf(Require.present(forces, "forces"));
        Require.present(peacekeepers, "peacekeepers");
        drones = List.copyOf(Require.present(drones, "drones"));
        cameras = List.copyOf(Require.present(cameras, "cameras"));
        acousticArrays = List.copyOf(Require.present(acousticArrays, "acousticArrays"));
        beacons = List.copyOf(Require.present(beacons, "beacons"));
        Require.present(sensors, "sensors");
        Require.present(violations, "violations");
    }

    public Duration duration() {
        return Duration.ofMillis(Math.round(durationHours * 3_600_000));
    }

    /**
     * Reads and checks a setup file.
     *
     * @throws SetupException naming the file, the JSON path, the line and the reason
     */
    public static SimulationSetup load(Path file) {
        ObjectMapper mapper = TruceJson.create()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return mapper.readValue(Files.readString(file), SimulationSetup.class);
        } catch (JsonMappingException e) {
            String where = e.getPath().isEmpty() ? "$" : "$" + pathOf(e);
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String reason = cause == e ? e.getOriginalMessage() : cause.getMessage();
            if (reason != null && reason.startsWith("Cannot map `null` into type")) {
                reason = "missing or null number (every numeric field is required)";
            }
            throw new SetupException(file + ": " + where + (line > 0 ? " (line " + line + ")" : "") + ": " + reason, e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new SetupException(file + ": line " + line + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SetupException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) b.append('[').append(r.getIndex()).append(']');
            else b.append('.').append(r.getFieldName());
        }
        return b.toString();
    }

    /** Where units are: a zone of the agreement, or a ring of [lat, lon] points. Exactly one is given. */
    public record Area(String zone, List<List<Double>> ring) {
        public Area {
            if ((zone == null) == (ring == null)) {
                throw new IllegalArgumentException("an area needs exactly one of 'zone' or 'ring'");
            }
            if (ring != null) ring = Require.latLons(ring, "ring", 3);
        }
    }

    /**
     * A party's ground forces in one area.
     *
     * @param units        object class name (TANK, APC, ARTILLERY, TRUCK, INFANTRY) to number of units
     * @param movingShare  share of units that move about their area instead of holding
     */
    public record Forces(String party, Area area, Map<String, Integer> units, double movingShare, double speedMps) {
        public Forces {
            Require.present(party, "party");
            Require.present(area, "area");
            units = Map.copyOf(Require.present(units, "units"));
            Require.probability(movingShare, "movingShare");
            Require.positive(speedMps, "speedMps");
        }
    }

    /** The peacekeeping force: posts in sectors along the line of contact, and patrols along each sector's route. */
    public record Peacekeepers(String party, List<Sector> sectors, Map<String, Integer> unitsPerPost,
                               int patrolsPerSector, double patrolSpeedMps, String patrolClass) {
        public Peacekeepers {
            Require.present(party, "party");
            sectors = List.copyOf(Require.present(sectors, "sectors"));
            unitsPerPost = Map.copyOf(Require.present(unitsPerPost, "unitsPerPost"));
            Require.nonNegative(patrolsPerSector, "patrolsPerSector");
            Require.positive(patrolSpeedMps, "patrolSpeedMps");
            Require.present(patrolClass, "patrolClass");
        }
    }

    /** @param route the polyline the sector's patrols drive along, back and forth */
    public record Sector(String name, List<List<Double>> posts, List<List<Double>> route) {
        public Sector {
            Require.present(name, "name");
            posts = Require.latLons(posts, "posts", 1);
            route = Require.latLons(route, "route", 2);
        }
    }

    /**
     * A drone flying sorties from the base over its contingent's airspace along the line of contact.
     *
     * @param standoffM        distance from the line of contact of the patrol track (on the side the airspace covers)
     * @param lookOffsetsM     the camera scans: each detection cycle it looks at the next of these ground offsets from
     *                         the track towards the line (0 = straight down, negative = away from the line)
     * @param firstLaunchHours first take-off after the run's start
     */
    public record Drone(String id, String contingent, String model, int systemId, double altitudeM, double speedMps,
                        double hfovDeg, double vfovDeg, double rangeM, double enduranceHours, double groundHours,
                        double firstLaunchHours, double standoffM, List<Double> lookOffsetsM) {
        public Drone {
            Require.present(id, "id");
            Require.present(contingent, "contingent");
            Require.present(model, "model");
            Require.positive(altitudeM, "altitudeM");
            Require.positive(speedMps, "speedMps");
            Require.positive(hfovDeg, "hfovDeg");
            Require.positive(vfovDeg, "vfovDeg");
            Require.positive(rangeM, "rangeM");
            Require.positive(enduranceHours, "enduranceHours");
            Require.nonNegative(groundHours, "groundHours");
            Require.nonNegative(firstLaunchHours, "firstLaunchHours");
            Require.positive(standoffM, "standoffM");
            Require.present(lookOffsetsM, "lookOffsetsM");
            if (lookOffsetsM.isEmpty() || lookOffsetsM.stream().anyMatch(o -> o == null || !Double.isFinite(o))) {
                throw new IllegalArgumentException("'lookOffsetsM' needs at least one finite offset");
            }
            lookOffsetsM = List.copyOf(lookOffsetsM);
        }
    }

    /** A fixed day/thermal camera watching a sector: centre bearing {@code azimuthDeg}, width {@code hfovDeg}. */
    public record Camera(String id, String contingent, String model, List<Double> site, double azimuthDeg,
                         double hfovDeg, double rangeM) {
        public Camera {
            Require.present(id, "id");
            Require.present(contingent, "contingent");
            Require.present(model, "model");
            site = Require.latLon(site, "site");
            Require.positive(hfovDeg, "hfovDeg");
            Require.positive(rangeM, "rangeM");
        }
    }

    /** A fixed acoustic array: hears fire within {@code rangeM}; {@code locates} = reports a position, else a bearing. */
    public record AcousticArray(String id, String contingent, String model, List<Double> site, double rangeM,
                                boolean locates) {
        public AcousticArray {
            Require.present(id, "id");
            Require.present(contingent, "contingent");
            Require.present(model, "model");
            site = Require.latLon(site, "site");
            Require.positive(rangeM, "rangeM");
        }
    }

    /** A staff team's position beacon; the team works inside {@code zone}. */
    public record Beacon(String id, String contingent, String zone) {
        public Beacon {
            Require.present(id, "id");
            Require.present(contingent, "contingent");
            Require.present(zone, "zone");
        }
    }

    /**
     * How the sensors report and err.
     *
     * @param detectionP0          probability of detecting an object at zero range
     * @param detectionPAtRange    probability at the sensor's nominal range (it falls quadratically in between; 0 beyond)
     * @param cepBaseM             detection position error (CEP) at zero range; grows by {@code cepPerKmM} per km
     * @param classAccuracy        probability that the reported class is right
     * @param sideAccuracy         probability that the reported side is right; {@code sideUnknownShare} reports none
     * @param falseDetectionsPerHour rate of false detections per imaging asset while it reports
     * @param falseFireCuesPerHour rate of false fire cues per acoustic array
     * @param outagesPerAssetDay   rate of outages (asset silent) per asset and day
     * @param reidentification     whether and how well imaging sensors' analytics describe what they detect
     *                             (absent: no descriptors)
     */
    public record SensorModel(double detectionP0, double detectionPAtRange, double cepBaseM, double cepPerKmM,
                              double classAccuracy, double sideAccuracy, double sideUnknownShare,
                              double falseDetectionsPerHour, double falseFireCuesPerHour,
                              double outagesPerAssetDay, double outageMinMinutes, double outageMaxMinutes,
                              double fixSeconds, double fixCepM, double droneDetectionSeconds,
                              double cameraDetectionSeconds, double footprintSeconds, double heartbeatSeconds,
                              double beaconFixSeconds, double fireDetectionP, double bearingSigmaDeg,
                              double acousticCepM, double rangeBandFraction,
                              Optional<Reidentification> reidentification) {
        public SensorModel {
            Objects.requireNonNull(reidentification, "reidentification");
            Require.probability(detectionP0, "detectionP0");
            Require.probability(detectionPAtRange, "detectionPAtRange");
            Require.nonNegative(cepBaseM, "cepBaseM");
            Require.nonNegative(cepPerKmM, "cepPerKmM");
            Require.probability(classAccuracy, "classAccuracy");
            Require.probability(sideAccuracy, "sideAccuracy");
            Require.probability(sideUnknownShare, "sideUnknownShare");
            if (sideAccuracy + sideUnknownShare > 1) {
                throw new IllegalArgumentException("'sideAccuracy' + 'sideUnknownShare' must be <= 1");
            }
            Require.nonNegative(falseDetectionsPerHour, "falseDetectionsPerHour");
            Require.nonNegative(falseFireCuesPerHour, "falseFireCuesPerHour");
            Require.nonNegative(outagesPerAssetDay, "outagesPerAssetDay");
            Require.positive(outageMinMinutes, "outageMinMinutes");
            if (outageMaxMinutes < outageMinMinutes) throw new IllegalArgumentException("'outageMaxMinutes' < 'outageMinMinutes'");
            Require.positive(fixSeconds, "fixSeconds");
            Require.nonNegative(fixCepM, "fixCepM");
            Require.positive(droneDetectionSeconds, "droneDetectionSeconds");
            Require.positive(cameraDetectionSeconds, "cameraDetectionSeconds");
            Require.positive(footprintSeconds, "footprintSeconds");
            Require.positive(heartbeatSeconds, "heartbeatSeconds");
            Require.positive(beaconFixSeconds, "beaconFixSeconds");
            Require.probability(fireDetectionP, "fireDetectionP");
            Require.nonNegative(bearingSigmaDeg, "bearingSigmaDeg");
            Require.nonNegative(acousticCepM, "acousticCepM");
            Require.probability(rangeBandFraction, "rangeBandFraction");
        }
    }

    /**
     * The re-identification descriptors ({@link org.truce.sensing.Appearance}) that drones' and cameras' image
     * analytics attach to detections: each unit has a fixed whitened descriptor drawn at the start, and a detection
     * that carries one reports it with independent normal noise per component.
     *
     * @param dimensions  descriptor length, 1 to 64
     * @param share       probability that a detection carries a descriptor (the picture was good enough)
     * @param sigmaBase   noise (1 sigma per component) at zero range; grows by {@code sigmaPerKm} per km of slant range
     */
    public record Reidentification(int dimensions, double share, double sigmaBase, double sigmaPerKm) {
        public Reidentification {
            if (dimensions < 1 || dimensions > org.truce.sensing.Appearance.MAX_DIMENSIONS) {
                throw new IllegalArgumentException("'dimensions' must be 1 to "
                        + org.truce.sensing.Appearance.MAX_DIMENSIONS + ", was " + dimensions);
            }
            Require.probability(share, "share");
            Require.positive(sigmaBase, "sigmaBase");
            Require.nonNegative(sigmaPerKm, "sigmaPerKm");
        }
    }

    /**
     * Injected violations.
     *
     * @param perRuleType          rule type ({@code cease-fire}, …) to number of violations per rule of that type
     * @param minDwellMinutes      shortest time a violator stays across the line (or outside its zone)
     * @param depthM               how far beyond the line a violator goes (at least; up to twice this)
     * @param minShots             fewest shots of a fire violation (up to 3 times as many)
     * @param observableMinReports true reports of the violator during the violation that make it observable
     */
    public record Violations(Map<String, Integer> perRuleType, double minDwellMinutes, double maxDwellMinutes,
                             double depthM, int minShots, int observableMinReports) {
        public Violations {
            perRuleType = Map.copyOf(Require.present(perRuleType, "perRuleType"));
            perRuleType.forEach((k, v) -> {
                if (v == null || v < 0) throw new IllegalArgumentException("'perRuleType." + k + "' must be >= 0");
            });
            Require.positive(minDwellMinutes, "minDwellMinutes");
            if (maxDwellMinutes < minDwellMinutes) throw new IllegalArgumentException("'maxDwellMinutes' < 'minDwellMinutes'");
            Require.positive(depthM, "depthM");
            Require.positive(minShots, "minShots");
            Require.positive(observableMinReports, "observableMinReports");
        }

        public int countFor(String ruleType) {
            return perRuleType.getOrDefault(ruleType, 0);
        }
    }

    /** Bad setup input: the message names the file, the JSON path or field, and the reason. */
    public static final class SetupException extends RuntimeException {
        public SetupException(String message, Throwable cause) {
            super(message, cause);
        }

        public SetupException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "SimulationSetup[start=" + start + ", forces=" + forces.size() + ", drones=" + drones.size() + "]";
    }

    /** For tests and tools that change one field. */
    public SimulationSetup withViolations(Violations v) {
        return new SimulationSetup(note, start, durationHours, stepSeconds, standoffM, base, truthSampleSeconds, forces,
                peacekeepers, drones, cameras, acousticArrays, beacons, sensors, Objects.requireNonNull(v));
    }

    public SimulationSetup withSensors(SensorModel s) {
        return new SimulationSetup(note, start, durationHours, stepSeconds, standoffM, base, truthSampleSeconds, forces,
                peacekeepers, drones, cameras, acousticArrays, beacons, Objects.requireNonNull(s), violations);
    }
}

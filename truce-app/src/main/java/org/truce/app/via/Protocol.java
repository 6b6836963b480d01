package org.truce.app.via;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.truce.sensing.Asset;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;

/**
 * A protocol {@code truce simulate --via} can send observations by, named as the center's ingest channel, and the
 * fixed routing of each (asset kind, observation kind) to the first chosen protocol able to carry it without loss
 * of what the pipeline needs (docs/simulation.md has the table). Immutable.
 */
public enum Protocol {
    MAVLINK, KLV, COT, MQTT, HTTP;

    /** The ingest channel name, as in {@code --via} and in the center's metrics. */
    public String channel() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code mavlink,klv,cot,mqtt,http}; throws {@link IllegalArgumentException} naming a bad entry. */
    public static Set<Protocol> parse(String list) {
        Set<Protocol> out = EnumSet.noneOf(Protocol.class);
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            try {
                out.add(valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--via '" + part.trim()
                        + "' is not one of mavlink, klv, cot, mqtt, http");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--via names no protocol (mavlink, klv, cot, mqtt, http)");
        return out;
    }

    /**
     * The protocols that can carry {@code o} from {@code asset}, best first: drones' fixes by MAVLink (with the
     * drone's time base from SYSTEM_TIME), their footprints (the four image corners) as MISB ST 0601 KLV, their
     * detections as CoT sensor reports; posts' and beacons' fixes and detections by CoT; cameras and acoustic
     * arrays, the fleets, by MQTT; other footprints and fire cues, which neither MAVLink telemetry nor CoT atoms
     * carry whole, by MQTT or HTTP in the Truce JSON form. KLV carries nothing else: the center's adapter gives a
     * KLV fix a fixed CEP and no speed, and a VMTI target no class, side or count ({@link KlvSender}).
     */
    public static List<Protocol> candidates(Asset asset, Observation o) {
        AssetKind k = asset.kind();
        boolean tak = k == AssetKind.OBSERVATION_POST || k == AssetKind.STAFF_BEACON;
        List<Protocol> out = new ArrayList<>(5);
        switch (o) {
            case Observation.PlatformFix f -> {
                if (k == AssetKind.DRONE) out.addAll(List.of(MAVLINK, MQTT, HTTP, COT));
                else if (tak) out.addAll(List.of(COT, MQTT, HTTP));
                else out.addAll(List.of(MQTT, HTTP, COT));
            }
            case Observation.Detection d -> {
                if (k == AssetKind.DRONE || tak) out.addAll(List.of(COT, MQTT, HTTP));
                else out.addAll(List.of(MQTT, HTTP, COT));
            }
            case Observation.Footprint f -> {
                if (k == AssetKind.DRONE && KlvSender.carries(f)) out.add(KLV);
                out.addAll(List.of(MQTT, HTTP));
            }
            case Observation.FireCue c -> out.addAll(List.of(MQTT, HTTP));
        }
        if (o instanceof Observation.PlatformFix && asset.systemId().isEmpty()) out.remove(MAVLINK);
        return out;
    }

    /** The first of {@link #candidates} in {@code chosen}; throws {@link IllegalArgumentException} when none is. */
    public static Protocol route(Asset asset, Observation o, Set<Protocol> chosen) {
        List<Protocol> c = candidates(asset, o);
        for (Protocol p : c) if (chosen.contains(p)) return p;
        throw new IllegalArgumentException("no protocol in --via carries a " + o.kind() + " of " + asset.kind()
                + " " + asset.id() + "; add one of " + c.stream().map(Protocol::channel).toList());
    }
}

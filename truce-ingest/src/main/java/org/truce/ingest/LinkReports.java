package org.truce.ingest;

import java.time.Instant;
import org.truce.ground.AssetId;

/** Where adapters report link-level health that is not an observation (a MAVLink heartbeat). Thread-safe. */
@FunctionalInterface
public interface LinkReports {
    /** A sink that ignores reports, for adapters run without health tracking. */
    LinkReports NONE = (asset, received, impaired, detail) -> { };

    /**
     * @param received when the center heard it (center clock)
     * @param impaired whether the platform reports itself impaired
     * @param detail   the platform's own state, e.g. {@code MAV_STATE_CRITICAL}
     */
    void link(AssetId asset, Instant received, boolean impaired, String detail);
}

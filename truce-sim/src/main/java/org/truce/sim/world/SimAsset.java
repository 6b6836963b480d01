package org.truce.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.truce.ground.ContingentId;
import org.truce.sensing.Asset;

/**
 * A sensor platform or staff beacon as the simulator moves it. Its registry record is {@link #asset()}.
 * Mutable, owned by one simulation thread.
 */
public final class SimAsset extends Mover {
    private final Asset asset;
    private final List<double[]> outages = new ArrayList<>();
    private double altitudeM;
    /** Next report times, seconds since the run's start. */
    public double nextFixS;
    public double nextDetectionS;
    public double nextFootprintS;

    public SimAsset(Asset asset, double x, double y, double altitudeM) {
        super(x, y);
        this.asset = Objects.requireNonNull(asset);
        this.altitudeM = altitudeM;
    }

    public Asset asset() { return asset; }

    public String id() { return asset.id().value(); }

    public ContingentId owner() { return asset.owner(); }

    public double altitudeM() { return altitudeM; }

    public void altitudeM(double a) { altitudeM = a; }

    /** Adds a silent window [fromS, toS) in seconds since the run's start. */
    public void addOutage(double fromS, double toS) {
        outages.add(new double[]{fromS, toS});
    }

    public List<double[]> outages() {
        return outages.stream().map(double[]::clone).toList();
    }

    /** Whether the asset is in an outage at {@code tS}. */
    public boolean silent(double tS) {
        for (double[] o : outages) if (tS >= o[0] && tS < o[1]) return true;
        return false;
    }

    /** Places the asset (for fixed sensors and detours planned from elsewhere). */
    public void place(double nx, double ny) {
        x = nx;
        y = ny;
    }
}

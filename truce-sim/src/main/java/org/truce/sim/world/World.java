package org.truce.sim.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.truce.sim.setup.SimulationSetup;

/**
 * The simulated theater's state: units, assets and what each will do. Mutable; built by {@link WorldBuilder} and
 * {@link ViolationPlanner}, stepped by the simulation on one thread.
 */
public final class World {
    public final TheaterMap map;
    public final SimulationSetup setup;
    public final List<Unit> units = new ArrayList<>();
    public final List<SimAsset> assets = new ArrayList<>();
    public final List<DroneFlight> flights = new ArrayList<>();
    public final List<FixedCamera> cameras = new ArrayList<>();
    public final List<Array> arrays = new ArrayList<>();
    public final List<Roamer> roamers = new ArrayList<>();
    public final List<Patrol> patrols = new ArrayList<>();
    public final List<Shot> shots = new ArrayList<>();
    public final List<Burst> bursts = new ArrayList<>();
    public final List<Order> orders = new ArrayList<>();
    public final Map<String, Unit> unitsById = new HashMap<>();

    World(TheaterMap map, SimulationSetup setup) {
        this.map = map;
        this.setup = setup;
    }

    void add(Unit u) {
        units.add(u);
        unitsById.put(u.id(), u);
    }

    /** A fixed camera and the sector it watches. */
    public record FixedCamera(SimAsset asset, View.Sector view, double rangeM) { }

    /** A fixed acoustic array. */
    public record Array(SimAsset asset, double rangeM, boolean locates) { }

    /**
     * A mover that wanders inside an area when it has nothing else to do (moving units, staff at the premises).
     *
     * @param waitMinS shortest wait between moves; the longest is three times as long
     */
    public record Roamer(Mover mover, PreparedGeometry area, double speedMps, double hopM, double waitMinS) { }

    /** A peacekeepers' patrol driving a route back and forth, waiting at the ends. */
    public record Patrol(Unit unit, List<Coordinate> route, double speedMps) { }

    /** A fire violation: its shots are in {@link World#shots}. */
    public record Burst(int index, org.truce.ground.RuleId rule, org.truce.ground.PartyId party,
                        double fromS, double toS, Coordinate launch, Coordinate impact) { }

    /**
     * Something to start at {@code atS} (a drone's or a beacon's planned violation). {@link Action#run} returns false
     * to be tried again one step later (the drone was not on patrol yet).
     */
    public record Order(double atS, Action action) { }

    /** The body of an order. */
    @FunctionalInterface
    public interface Action {
        boolean run(double nowS);
    }
}

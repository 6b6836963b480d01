package org.truce.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.airspace.FlightPath;
import org.truce.airspace.FlightPlan;
import org.truce.airspace.FlightPlans;
import org.truce.airspace.memory.InMemoryFlightPlanRepository;
import org.truce.sensing.Asset;
import org.truce.ground.AssetKind;

/** The simulated contingents file one plan per drone per day, from its patrol track, ahead of the day and once. */
class PatrolFlightPlansTest {
    @Test
    void eachDroneGetsOnePlanPerDayFiledAheadAndOnlyOnce() {
        Instant start = Instant.parse("2020-11-20T04:00:00Z");
        Simulation sim = new Simulation(KarabakhFixtureAccess.agreement(), KarabakhFixtureAccess.setup(), 1, start,
                Duration.ofHours(36));
        List<Asset> drones = sim.assets().stream().filter(a -> a.kind() == AssetKind.DRONE).toList();
        assertThat(drones).isNotEmpty();
        PatrolFlightPlans plans = sim.flightPlans();
        FlightPlans desk = new FlightPlans(new InMemoryFlightPlanRepository(),
                id -> sim.assets().stream().filter(a -> a.id().equals(id)).findFirst(), () -> start);

        assertThat(plans.fileDue(desk, start)).isEqualTo(drones.size());
        assertThat(plans.fileDue(desk, start)).as("filed once").isZero();
        assertThat(plans.fileDue(desk, Instant.parse("2020-11-20T17:59:00Z"))).as("too early for the next day").isZero();
        assertThat(plans.fileDue(desk, Instant.parse("2020-11-20T18:00:00Z"))).isEqualTo(drones.size());

        List<FlightPlan> all = desk.query(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(all).hasSize(2 * drones.size());
        for (FlightPlan p : all) {
            Asset a = drones.stream().filter(d -> d.id().equals(p.asset())).findFirst().orElseThrow();
            assertThat(p.contingent()).isEqualTo(a.owner());
            assertThat(p.path().shape()).isEqualTo(FlightPath.Shape.ROUTE);
            assertThat(p.path().points().size()).isBetween(3, 200);
        }
        assertThat(all).extracting(FlightPlan::from).contains(start, Instant.parse("2020-11-21T00:00:00Z"));
        assertThat(all).extracting(FlightPlan::to).contains(Instant.parse("2020-11-21T00:00:00Z"),
                Instant.parse("2020-11-21T16:00:00Z"));
    }
}

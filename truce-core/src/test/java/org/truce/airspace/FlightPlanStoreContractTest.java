package org.truce.airspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.airspace.FlightPlanFixtures.*;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.ground.AssetId;

/**
 * The contract of {@link FlightPlanRepository}, run against every implementation: in memory, H2, PostgreSQL.
 * Subclass it and return a fresh, empty repository; override {@link #reopen()} when the implementation outlives its
 * process (the tests then check that plans and id counters survive a restart).
 */
public abstract class FlightPlanStoreContractTest {
    protected FlightPlanRepository plans;

    protected abstract FlightPlanRepository newRepository();

    protected Optional<FlightPlanRepository> reopen() {
        return Optional.empty();
    }

    protected void closeRepository() { }

    @BeforeEach
    void open() {
        plans = newRepository();
    }

    @AfterEach
    void close() {
        closeRepository();
    }

    @Test
    void aSavedPlanReadsBackEqualWithBothShapesOfPath() {
        FlightPlan route = plan("FP-2020-11-20-0001", "RU-UAV-01", T0, 6);
        FlightPlan area = new FlightPlan(FlightPlanId.of("FP-2020-11-20-0002"), AssetId.of("RU-UAV-02"), RU, AREA,
                T0, T0.plusSeconds(7200), 0, 800.5, "survey of the corridor", "mind the power line", "ru-analyst",
                T0.minusSeconds(60), FlightPlanStatus.FILED, Optional.empty(), Optional.empty(), Optional.empty());
        plans.save(route);
        plans.save(area);
        assertThat(plans.find(route.id())).contains(route);
        assertThat(plans.find(area.id())).contains(area);
        assertThat(plans.find(FlightPlanId.of("FP-none"))).isEmpty();
        assertThat(plans.all()).containsExactly(route, area);
    }

    @Test
    void aCancellationReplacesThePlan() {
        FlightPlan p = plan("FP-2020-11-20-0001", "RU-UAV-01", T0, 6);
        plans.save(p);
        FlightPlan c = p.cancel("ru-head", T0.plusSeconds(60), "weather");
        plans.save(c);
        assertThat(plans.all()).containsExactly(c);
        assertThat(plans.find(p.id()).orElseThrow().status()).isEqualTo(FlightPlanStatus.CANCELLED);
    }

    @Test
    void queryKeepsPlansWhoseWindowMeetsTheIntervalAndOfTheAsset() {
        FlightPlan a = plan("FP-2020-11-20-0001", "RU-UAV-01", T0, 2);                 // 06:00–08:00
        FlightPlan b = plan("FP-2020-11-20-0002", "RU-UAV-02", T0.plusSeconds(3 * 3600), 2); // 09:00–11:00
        FlightPlan c = plan("FP-2020-11-21-0001", "RU-UAV-01", T0.plusSeconds(24 * 3600), 2);
        List.of(c, a, b).forEach(plans::save);
        assertThat(plans.query(Optional.empty(), Optional.empty(), Optional.empty())).containsExactly(a, b, c);
        // A window ending exactly at 'from' is over; one starting exactly at 'to' meets it.
        assertThat(plans.query(Optional.of(T0.plusSeconds(2 * 3600)), Optional.of(T0.plusSeconds(3 * 3600)),
                Optional.empty())).containsExactly(b);
        assertThat(plans.query(Optional.of(T0.plusSeconds(3600)), Optional.empty(), Optional.of(AssetId.of("RU-UAV-01"))))
                .containsExactly(a, c);
        assertThat(plans.query(Optional.empty(), Optional.of(T0.plusSeconds(3600)), Optional.empty())).containsExactly(a);
        assertThat(plans.query(Optional.empty(), Optional.empty(), Optional.of(AssetId.of("TR-UAV-01")))).isEmpty();
    }

    @Test
    void idsAreNumberedPerDayAndNeverReused() {
        LocalDate d1 = LocalDate.of(2020, 11, 20);
        LocalDate d2 = LocalDate.of(2020, 11, 21);
        assertThat(plans.nextId(d1)).isEqualTo(FlightPlanId.of("FP-2020-11-20-0001"));
        assertThat(plans.nextId(d1)).isEqualTo(FlightPlanId.of("FP-2020-11-20-0002"));
        assertThat(plans.nextId(d2)).isEqualTo(FlightPlanId.of("FP-2020-11-21-0001"));
        Set<FlightPlanId> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) assertThat(seen.add(plans.nextId(d1))).isTrue();
        assertThat(seen).doesNotContain(FlightPlanId.of("FP-2020-11-20-0001"), FlightPlanId.of("FP-2020-11-20-0002"));
    }

    @Test
    void plansAndCountersSurviveAReopen() {
        FlightPlan p = plan("FP-2020-11-20-0001", "RU-UAV-01", T0, 6);
        plans.save(p.cancel("ru-head", T0, "weather"));
        plans.nextId(LocalDate.of(2020, 11, 20));
        Optional<FlightPlanRepository> again = reopen();
        if (again.isEmpty()) return;
        plans = again.get();
        assertThat(plans.all()).containsExactly(p.cancel("ru-head", T0, "weather"));
        assertThat(plans.nextId(LocalDate.of(2020, 11, 20))).isEqualTo(FlightPlanId.of("FP-2020-11-20-0002"));
    }
}

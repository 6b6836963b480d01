package org.truce.server.provisions;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ProvisionId;
import org.truce.implementation.ImplementationTracker;
import org.truce.implementation.IncidentSource;
import org.truce.implementation.ZoneCoverage;
import org.truce.pipeline.Center;
import org.truce.rules.Incident;
import org.truce.store.IncidentQuery;
import org.truce.store.IncidentRepository;
import org.truce.store.Page;
import org.truce.implementation.ProvisionState;
import org.truce.server.ServerModule;
import org.truce.server.api.ProblemException;
import org.truce.server.api.QueryParams;

/**
 * The implementation tracker over HTTP: {@code GET /api/provisions} (every provision's status) and
 * {@code GET /api/provisions/{id}} (one provision's timeline, versions and evidence), both as of the center's
 * clock or of {@code ?at=} (an earlier instant). An unknown provision id is a 404 problem; an {@code at} after the
 * center's clock a 400 (what comes later is not known yet). Thread-safe when the tracker is.
 */
public final class ProvisionsModule implements ServerModule {
    private static final int PAGE = 10_000;
    private final ImplementationTracker tracker;
    private final InstantSource clock;

    /** @param clock the center's clock: the default instant, and the latest {@code at} accepted */
    public ProvisionsModule(ImplementationTracker tracker, InstantSource clock) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The module over a center: its agreement, its store's incidents and its clock, with {@code coverage} for the
     * zones (e.g. {@link org.truce.implementation.RecordedZoneCoverage} over the center's coverage recorder, or
     * {@link ZoneCoverage#none()} when none is recorded: withdrawals past their deadline then stay UNVERIFIED).
     */
    public static ProvisionsModule of(Center center, ZoneCoverage coverage, ImplementationTracker.Config config) {
        IncidentRepository incidents = center.store().incidents();
        IncidentSource source = provision -> {
            List<Incident> out = new ArrayList<>();
            for (int offset = 0; ; ) {
                Page<Incident> page = incidents.query(new IncidentQuery(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(provision), Optional.empty(),
                        offset, PAGE));
                out.addAll(page.items());
                offset += page.items().size();
                if (page.items().isEmpty() || offset >= page.total()) return out;
            }
        };
        return new ProvisionsModule(new ImplementationTracker(center.agreement(), source, coverage, center.clock(),
                config), center.clock());
    }

    /** The list answer: the instant and every provision's status then, in agreement order. */
    public record ProvisionList(Instant asOf, List<ProvisionState> provisions) {
        public ProvisionList {
            Objects.requireNonNull(asOf);
            provisions = List.copyOf(provisions);
        }
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/provisions", this::list);
        app.get("/api/provisions/{id}", this::one);
    }

    private void list(Context ctx) {
        Instant at = at(ctx);
        ctx.json(new ProvisionList(at, tracker.statusAll(at)));
    }

    private void one(Context ctx) {
        Instant at = at(ctx);
        String id = ctx.pathParam("id");
        if (id.isBlank()) throw ProblemException.badParameter("id", "the provision id is empty");
        ctx.json(tracker.timeline(ProvisionId.of(id), at).orElseThrow(() -> ProblemException.notFound("id",
                "no provision with id '" + id + "'; known: " + String.join(", ",
                        tracker.agreement().provisions().stream().map(p -> p.id().value()).toList()))));
    }

    private Instant at(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap(), List.of("at"));
        Instant now = clock.instant();
        Instant at = q.instant("at").orElse(now);
        if (at.isAfter(now)) {
            throw ProblemException.badParameter("at", "parameter 'at' (" + at + ") is after the center's clock ("
                    + now + "): what happens later is not known yet");
        }
        return at;
    }
}

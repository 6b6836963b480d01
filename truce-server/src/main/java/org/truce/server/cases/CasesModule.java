package org.truce.server.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.agreement.Provision;
import org.truce.ground.ProvisionId;
import org.truce.cases.Action;
import org.truce.cases.Allegation;
import org.truce.cases.AllegationId;
import org.truce.cases.Area;
import org.truce.cases.AssessmentDraft;
import org.truce.cases.Authorization;
import org.truce.cases.CaseId;
import org.truce.cases.CaseServices;
import org.truce.cases.CaseState;
import org.truce.cases.CaseView;
import org.truce.cases.Finding;
import org.truce.cases.Happened;
import org.truce.cases.Principal;
import org.truce.cases.Refusal;
import org.truce.cases.Resource;
import org.truce.cases.Roster;
import org.truce.cases.Verdict;
import org.truce.cases.Visibility;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.server.ServerModule;
import org.truce.server.api.ProblemException;
import org.truce.server.api.QueryParams;
import org.truce.server.auth.RequestPrincipal;
import org.truce.server.live.LiveFeed;
import org.truce.store.IncidentRepository;

/**
 * The joint-verification endpoints under {@code /api}: cases (blind assessment, reconciliation, publication,
 * locks, deadlines, search), the desk, the shift roster, allegations (file, list, CSV import, review),
 * notifications to the parties and the audit trail. Each endpoint calls the one core method the
 * {@code org.truce.cases} package table names; the core decides access ({@code Authorization}) and what each
 * caller sees ({@code Visibility}), and its {@link Refusal}s become problems: FORBIDDEN → 403, NOT_FOUND → 404,
 * CONFLICT → 409, INVALID → 422. Every case that leaves here, in a response or on the live feed, is a
 * {@link CaseView} made for the caller. Thread-safe: handlers keep no state of their own.
 */
public final class CasesModule implements ServerModule {
    private static final Set<String> SEARCH_PARAMS = Set.of("q", "state", "provision");

    private final CaseServices services;
    private final Agreement agreement;
    private final IncidentRepository incidents;
    private final LiveFeed feed;
    private final ObjectMapper mapper;
    private final Supplier<Instant> now;

    /**
     * @param incidents where case incidents are looked up (opening a case, reviewing allegations)
     * @param feed      the live feed that receives a {@code case} event, projected per client, after every change
 *                  to a case, whoever made it (the pipeline and the deadline timer included)
     * @param now       the center's clock, for projecting cases onto the live feed
     */
    public CasesModule(CaseServices services, Agreement agreement, IncidentRepository incidents, LiveFeed feed,
                       ObjectMapper mapper, Supplier<Instant> now) {
        this.services = Objects.requireNonNull(services);
        this.agreement = Objects.requireNonNull(agreement);
        this.incidents = Objects.requireNonNull(incidents);
        this.feed = Objects.requireNonNull(feed);
        this.mapper = Objects.requireNonNull(mapper);
        this.now = Objects.requireNonNull(now);
        // Every change reaches the live feed, whoever made it: the pipeline opening a case, the deadline timer, a
        // person through this API.
        services.casework().onChange(this::announce);
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/cases", guarded(this::list));
        app.post("/api/cases", guarded(this::open));
        app.post("/api/cases/deadlines", guarded(this::deadlines));
        app.get("/api/cases/{id}", guarded(this::view));
        app.post("/api/cases/{id}/assessment", guarded(this::assess));
        app.post("/api/cases/{id}/comments", guarded(this::comment));
        app.post("/api/cases/{id}/proposal", guarded(this::propose));
        app.post("/api/cases/{id}/proposal/accept", guarded(ctx -> step(ctx, services.casework()::accept)));
        app.post("/api/cases/{id}/dissent", guarded(this::dissent));
        app.post("/api/cases/{id}/approval", guarded(ctx -> step(ctx, services.casework()::approve)));
        app.post("/api/cases/{id}/publish", guarded(ctx -> step(ctx, services.casework()::publish)));
        app.put("/api/cases/{id}/lock", guarded(this::lock));
        app.delete("/api/cases/{id}/lock", guarded(this::unlock));
        app.get("/api/desk/{contingent}", guarded(this::desk));
        app.get("/api/roster", guarded(this::roster));
        app.put("/api/roster/{contingent}", guarded(this::setRoster));
        app.get("/api/allegations", guarded(this::allegations));
        app.post("/api/allegations", guarded(this::file));
        app.post("/api/allegations/import", guarded(this::importCsv));
        app.post("/api/allegations/review", guarded(this::review));
        app.get("/api/allegations/{id}", guarded(this::allegation));
        app.get("/api/parties/{party}/notifications", guarded(this::notifications));
        app.get("/api/audit", guarded(this::audit));
    }

    /** Turns the core's refusals into problems; everything else is the server's error handling. */
    private static Handler guarded(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (Refusal r) {
                throw problem(r);
            }
        };
    }

    static ProblemException problem(Refusal r) {
        return org.truce.server.api.RefusalProblems.of(r);
    }


    // ---- cases

    private void list(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap(), SEARCH_PARAMS);
        Optional<String> text = q.string("q");
        Optional<CaseState> state = q.enumeration("state", CaseState.class);
        Optional<ProvisionId> provision = q.oneOf("provision", provisionIds(), ProvisionId::of);
        List<CaseView> views = services.casework().list(RequestPrincipal.of(ctx));
        ctx.json(CaseSearch.filter(views, text, state, provision, mapper));
    }

    private void open(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(), Set.of("incidentId"));
        String incidentId = b.text("incidentId");
        Incident incident = incidents.find(incidentId).orElseThrow(() -> ProblemException.unprocessable(
                Optional.of("incidentId"), "no incident " + incidentId));
        ctx.status(201).json(services.casework().open(RequestPrincipal.of(ctx), incident));
    }

    private void deadlines(Context ctx) {
        Principal who = RequestPrincipal.of(ctx);
        List<CaseView> moved = new ArrayList<>();
        for (var c : services.casework().settleDeadlines(who)) {
            Visibility.redact(c, who, now.get()).ifPresent(moved::add);
        }
        ctx.json(moved);
    }

    private void view(Context ctx) {
        CaseId id = caseId(ctx);
        ctx.json(services.casework().view(RequestPrincipal.of(ctx), id)
                .orElseThrow(() -> ProblemException.notFound("id", "no case " + id)));
    }

    private void assess(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(),
                Set.of("happened", "provision", "attribution", "confidence", "evidence", "text"));
        AssessmentDraft d = new AssessmentDraft(b.enumeration("happened", Happened.class),
                b.oneOf("provision", provisionIds(), ProvisionId::of),
                b.optOneOf("attribution", partyIds(), PartyId::of), b.number("confidence", 0),
                b.strings("evidence"), b.optText("text").orElse(""));
        CaseId id = caseId(ctx);
        ctx.json(services.casework().submit(RequestPrincipal.of(ctx), id, d));
    }

    private void comment(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(), Set.of("text"));
        CaseId id = caseId(ctx);
        ctx.json(services.casework().comment(RequestPrincipal.of(ctx), id, b.text("text")));
    }

    private void propose(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(),
                Set.of("verdict", "attribution", "confidence", "provisions", "evidence"));
        Verdict verdict = b.enumeration("verdict", Verdict.class);
        Optional<PartyId> attribution = b.optOneOf("attribution", partyIds(), PartyId::of);
        double confidence = b.number("confidence", 0);
        List<ProvisionId> provisions = new ArrayList<>();
        List<String> given = b.strings("provisions");
        for (int i = 0; i < given.size(); i++) {
            if (!provisionIds().contains(given.get(i))) {
                throw ProblemException.unprocessable(Optional.of("provisions[" + i + "]"), "'provisions[" + i
                        + "]' names no provision of the agreement: '" + given.get(i) + "'");
            }
            provisions.add(ProvisionId.of(given.get(i)));
        }
        Finding f;
        try {
            f = new Finding(verdict, attribution, confidence, provisions, b.strings("evidence"), Finding.Basis.RECONCILED);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
        }
        CaseId id = caseId(ctx);
        ctx.json(services.casework().propose(RequestPrincipal.of(ctx), id, f));
    }

    private void dissent(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(), Set.of("statement"));
        CaseId id = caseId(ctx);
        ctx.json(services.casework().dissent(RequestPrincipal.of(ctx), id, b.optText("statement").orElse("")));
    }

    private interface Step {
        CaseView apply(Principal who, CaseId id);
    }

    private void step(Context ctx, Step step) {
        JsonBody.parse(mapper, ctx.body(), Set.of());
        CaseId id = caseId(ctx);
        ctx.json(step.apply(RequestPrincipal.of(ctx), id));
    }

    private void lock(Context ctx) {
        ctx.json(services.casework().lock(RequestPrincipal.of(ctx), caseId(ctx)));
    }

    private void unlock(Context ctx) {
        services.casework().unlock(RequestPrincipal.of(ctx), caseId(ctx));
        ctx.status(204);
    }

    /** Tells every live client about the case, each as their principal may see it (often not at all). */
    private void announce(CaseId id) {
        feed.publishProjected("case", viewer -> services.cases().find(id)
                .flatMap(c -> Visibility.redact(c, viewer, now.get())));
    }

    // ---- desk and roster

    private void desk(Context ctx) {
        ContingentId c = known(ctx.pathParam("contingent"), contingentIds(), "contingent", ContingentId::of);
        ctx.json(services.casework().queue(RequestPrincipal.of(ctx), c));
    }

    private void roster(Context ctx) {
        Optional<Roster> active = services.rosters().active(RequestPrincipal.of(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", active);
        ctx.json(out);
    }

    private void setRoster(Context ctx) {
        ContingentId c = known(ctx.pathParam("contingent"), contingentIds(), "contingent", ContingentId::of);
        JsonBody b = JsonBody.parse(mapper, ctx.body(), Set.of("staff"));
        Principal who = RequestPrincipal.of(ctx);
        Roster draft = services.rosters().setPart(who, c, b.strings("staff"));
        Optional<String> violation = draft.parityViolation(agreement);
        // The draft goes live as soon as both parts keep parity; until then it waits for the other contingent.
        Optional<Roster> active = violation.isEmpty() ? Optional.of(services.rosters().activate(who)) : Optional.empty();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("draft", draft);
        out.put("activated", active.isPresent());
        out.put("parity", violation);
        ctx.json(out);
    }

    // ---- allegations

    private void allegations(Context ctx) {
        new QueryParams(ctx.queryParamMap(), Set.of());
        Principal who = RequestPrincipal.of(ctx);
        List<Allegation> visible = services.allegationStore().all().stream()
                .filter(a -> services.allegations().view(who, a.id()).isPresent()).toList();
        ctx.json(visible);
    }

    private void file(Context ctx) {
        JsonBody b = JsonBody.parse(mapper, ctx.body(),
                Set.of("from", "to", "area", "description", "provision", "sources"));
        Instant from = b.instant("from");
        Instant to = b.optText("to").isPresent() ? b.instant("to") : from;
        Area area = area(b);
        String description = b.text("description");
        ProvisionId provision = b.oneOf("provision", provisionIds(), ProvisionId::of);
        Allegation a = services.allegations().file(RequestPrincipal.of(ctx), from, to, area, description, provision,
                b.strings("sources"));
        ctx.status(201).json(a);
    }

    private Area area(JsonBody b) {
        JsonBody area = b.object("area", Set.of("kind", "center", "radiusM", "points"));
        String kind = area.text("kind");
        try {
            return switch (kind) {
                case "circle" -> new Area.Circle(point(area.object("center", Set.of("lat", "lon"))), area.number("radiusM"));
                case "ring" -> new Area.Ring(area.objects("points", Set.of("lat", "lon")).stream().map(CasesModule::point).toList());
                default -> throw ProblemException.badBody(area.path("kind"), "'" + area.path("kind")
                        + "' must be circle or ring; got '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(Optional.of(b.path("area")), "'" + b.path("area") + "': " + e.getMessage());
        }
    }

    private static GeoPoint point(JsonBody p) {
        try {
            return GeoPoint.of(p.number("lat"), p.number("lon"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(Optional.of(p.path("lat")), p.path("lat") + "/lon: " + e.getMessage());
        }
    }

    private void importCsv(Context ctx) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw ProblemException.badParameter("Content-Type", "the import reads text/csv (one allegation per row, "
                    + "header " + String.join(",", AllegationCsv.COLUMNS) + "); got '" + type + "'");
        }
        Principal who = RequestPrincipal.of(ctx);
        AllegationCsv.Result parsed = AllegationCsv.parse(ctx.body(), provisionIds());
        List<Map<String, Object>> accepted = new ArrayList<>();
        List<AllegationCsv.RowError> rejected = new ArrayList<>(parsed.errors());
        for (AllegationCsv.Row r : parsed.rows()) {
            try {
                Allegation a = services.allegations().file(who, r.from(), r.to(), r.area(), r.description(),
                        r.provision(), r.sources());
                Map<String, Object> ok = new LinkedHashMap<>();
                ok.put("line", r.line());
                ok.put("id", a.id());
                accepted.add(ok);
            } catch (Refusal e) {
                if (e.kind() != Refusal.Kind.INVALID) throw e;
                rejected.add(new AllegationCsv.RowError(r.line(), org.truce.server.api.RefusalProblems.field(e.reason()).orElse("-"), e.reason()));
            }
        }
        rejected.sort(java.util.Comparator.comparingLong(AllegationCsv.RowError::line));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", accepted);
        out.put("rejected", rejected);
        ctx.status(accepted.isEmpty() && !rejected.isEmpty() ? 422 : 200).json(out);
    }

    private void review(Context ctx) {
        JsonBody.parse(mapper, ctx.body(), Set.of());
        List<Allegation> changed = services.allegations().review(RequestPrincipal.of(ctx), incidents.all(),
                incidentId -> services.cases().find(CaseId.forIncident(incidentId)));
        ctx.json(changed);
    }

    private void allegation(Context ctx) {
        AllegationId id = AllegationId.of(ctx.pathParam("id"));
        ctx.json(services.allegations().view(RequestPrincipal.of(ctx), id)
                .orElseThrow(() -> ProblemException.notFound("id", "no allegation " + id + " visible to you")));
    }

    private void notifications(Context ctx) {
        PartyId p = known(ctx.pathParam("party"), partyIds(), "party", PartyId::of);
        ctx.json(services.allegations().notifications(RequestPrincipal.of(ctx), p));
    }

    private void audit(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap(), Set.of("subject"));
        Optional<String> subject = q.string("subject");
        Authorization.decide(RequestPrincipal.of(ctx), Action.VIEW_AUDIT, new Resource.Center()).orThrow();
        ctx.json(subject.map(services.audit()::about).orElseGet(services.audit()::entries));
    }

    // ---- helpers

    private static CaseId caseId(Context ctx) {
        return CaseId.of(ctx.pathParam("id"));
    }

    private static <T> T known(String value, Set<String> known, String parameter, java.util.function.Function<String, T> as) {
        if (!known.contains(value)) {
            throw ProblemException.notFound(parameter, "no " + parameter + " '" + value + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(known)));
        }
        return as.apply(value);
    }

    private Set<String> provisionIds() {
        Set<String> out = new java.util.TreeSet<>();
        for (Provision p : agreement.provisions()) out.add(p.id().value());
        return out;
    }

    private Set<String> partyIds() {
        Set<String> out = new java.util.TreeSet<>();
        for (Party p : agreement.parties()) out.add(p.id().value());
        return out;
    }

    private Set<String> contingentIds() {
        Set<String> out = new java.util.TreeSet<>();
        for (Contingent c : agreement.contingents()) out.add(c.id().value());
        return out;
    }
}

package org.truce.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.truce.airspace.FlightPlans;
import org.truce.app.ledger.LedgerServices;
import org.truce.ledger.FlightPlanLedgerRecorder;
import org.truce.reports.daily.DailyReportBuilder;
import org.truce.server.airspace.FlightPlansModule;
import org.truce.sim.PatrolFlightPlans;
import org.truce.app.via.SimulatedAssets;
import org.truce.ingest.AssetHealthListener;
import org.truce.ingest.Ingest;
import org.truce.ingest.IngestGate;
import org.truce.server.coverage.CoverageView;
import org.truce.server.health.AssetHealthView;
import org.truce.pipeline.CoverageRecorder;
import org.truce.sensing.health.AssetHealthMonitor;
import org.truce.pipeline.CoverageStage;
import org.truce.pipeline.HealthStage;
import org.truce.server.log.LogApi;
import org.truce.agreement.Agreement;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.server.ServerOptions;
import org.truce.server.TruceServer;
import org.truce.sim.Simulation;
import org.truce.sim.StepListener;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.Store;
import org.truce.store.jdbc.JdbcStore;
import org.truce.time.SensorClock;
import org.truce.time.SimulatedClock;

/**
 * The one place that wires a running center: agreement → store → pipeline → server, and, in a simulated center,
 * the simulated theater feeding the pipeline at a chosen speed on the simulated clock.
 *
 * <p>A restart on the same data directory keeps everything: the pipeline's state is rebuilt by replaying the
 * accepted-input log, and a simulated theater resumes where it stopped (it is deterministic, so it is re-run
 * silently up to the stored position).
 */
final class CenterRuntime implements AutoCloseable {
    static final String META_SIM_SEED = "sim.seed";
    static final String META_SIM_START = "sim.start";
    static final String META_SIM_POSITION = "sim.position";
    /** Longest stretch of scenario time the simulation driver runs between two looks at the stop flag. */
    private static final Duration CHUNK = Duration.ofSeconds(30);

    /** What to run. {@code simulation} is empty for a center fed by real sensors only. */
    record Options(Path scenario, Path data, String host, int port, Settings settings,
                   Optional<SimulationOptions> simulation, Map<String, Path> keys) { }

    record SimulationOptions(long seed, double speed, Optional<Instant> start) { }

    private final Store store;
    private final Center center;
    private final TruceServer server;
    private final LedgerServices ledger;
    private final Optional<Ingest> ingest;
    private final ScheduledExecutorService scheduler;
    private Thread driver;
    private CaseRuntime cases;
    private FlightPlanLedgerRecorder planLog;
    private AutoCloseable dayFacts;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private CenterRuntime(Store store, Center center, TruceServer server, LedgerServices ledger,
                          Optional<Ingest> ingest, ScheduledExecutorService scheduler) {
        this.store = store;
        this.center = center;
        this.server = server;
        this.ledger = ledger;
        this.ingest = ingest;
        this.scheduler = scheduler;
    }

    static CenterRuntime start(Options o, PrintWriter out) {
        Agreement agreement = Scenarios.load(o.scenario());
        SimulationSetup setup = o.simulation().isPresent() ? loadSetup(o.scenario()) : null;
        JdbcStore store = openStore(o.data());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            InstantSource clock;
            Simulation sim = null;
            SimulatedClock simClock = null;
            if (o.simulation().isPresent()) {
                SimulationOptions so = o.simulation().get();
                Instant start = so.start().orElse(setup.start());
                checkSameSimulation(store, o.data(), so.seed(), start);
                sim = new Simulation(agreement, setup, so.seed(), start);
                simClock = new SimulatedClock(start);
                clock = simClock;
            } else {
                if (store.meta().get(META_SIM_SEED).isPresent()) {
                    throw new UserError(o.data() + " holds a simulated center (seed " + store.meta().get(META_SIM_SEED).get()
                            + "); serve it with --simulate, or use another --data directory for real sensors");
                }
                clock = o.settings().sensorClock()
                        ? new SensorClock(lastReceived(store),
                        o.settings().duration("center.sensor-clock-max-jump"), Clock.systemUTC()) : Clock.systemUTC();
            }
            // Coverage, and a simulated center's asset health, are stages of the center's topology: the replay below
            // rebuilds them with tracks and incidents. A center fed by real sensors keeps health in its adapters,
            // which also hear link reports that are not in the log.
            CoverageRecorder coverage = new CoverageRecorder(agreement, store.assets()::find,
                    CoverageRecorder.Config.defaults());
            Center.Builder centerBuilder = Center.builder(agreement).store(store).clock(clock)
                    .config(o.settings().centerConfig()).stage(new CoverageStage(coverage));
            AssetHealthListener simHealth = sim == null ? null : new AssetHealthListener(store.assets());
            HealthStage healthStage = sim == null ? null : new HealthStage(AssetHealthMonitor.withDefaults(
                    id -> store.assets().find(id).map(org.truce.sensing.Asset::sensor)));
            if (sim != null) centerBuilder.stage(healthStage, simHealth::changed);
            Center center = centerBuilder.build();
            if (sim != null) {
                sim.assets().forEach(store.assets()::save);
                resume(store, sim, simClock, out);
            } else if (o.settings().flag("ingest.simulated-assets")) {
                SimulatedAssets.register(agreement, loadSetup(o.scenario()), store.assets(), o.data(), out);
            }
            center.replay();
            // The API's read models follow the center from before any input, seeded from the store's indexes.
            org.truce.readmodel.ReadModels read = org.truce.readmodel.ReadModels.follow(center);
            started.add(read);
            Map<String, Path> keys = !o.keys().isEmpty() || sim == null ? o.keys()
                    : TransparencyLog.simulatedKeys(agreement, o.data(), clock.instant());
            TransparencyLog.Wired log = TransparencyLog.open(center, store, keys, o.settings(), out);
            LedgerServices ledger = log.services();
            // Real sensors only feed a center on the real clock: a simulated clock would refuse their times.
            Optional<Ingest> ingest = sim == null ? Optional.of(startIngest(center, o.settings())) : Optional.empty();
            ingest.ifPresent(started::add);
            // Asset health: the adapters keep it for real sensors; a simulated center's is its health stage.
            AssetHealthListener health = ingest.map(Ingest::health).orElse(simHealth);
            java.util.function.Function<org.truce.ground.AssetId, org.truce.sensing.health.AssetStatus> healthStatus =
                    ingest.isPresent() ? health::status : healthStage::status;
            org.truce.accounts.Accounts accounts = AccountsSetup.accounts(agreement, store, o.settings());
            if (sim != null) AccountsSetup.printDemoFile(AccountsSetup.demoAccounts(accounts, agreement, o.data()), out);
            org.truce.server.auth.AccountsHttp signIn = AccountsSetup.http(accounts, o.settings());
            CaseRuntime cases = CaseRuntime.start(center, store, ledger.ledger(), coverage, o.settings(), out);
            // Flight plans: every filing and cancellation goes to the transparency log.
            FlightPlanLedgerRecorder planLog = new FlightPlanLedgerRecorder(ledger.ledger());
            FlightPlans flights = new FlightPlans(planLog.recording(store.flightPlanRepository()), store.assets()::find,
                    center.clock());
            Optional<PatrolFlightPlans> patrolPlans = Optional.ofNullable(sim).map(Simulation::flightPlans);
            patrolPlans.ifPresent(p -> p.fileDue(flights, center.clock().instant()));
            // The daily report reads per-day aggregates kept in the store's meta; the keeper fills them as days end.
            var dayFacts = org.truce.reports.daily.DayFactsStore.of(store.meta());
            DailyReportBuilder.Sources reportSources = new DailyReportBuilder.Sources(agreement, store.incidents(),
                    store.observations(), store.assets(), DataDirectoryCases.of(store), log.tables()).withDays(dayFacts);
            ServerOptions serverOptions = ServerOptions.defaults().withHost(o.host())
                    .withAuthenticator(signIn).withModule(signIn)
                    .withCases(cases.services())
                    .withHealth(AssetHealthView.of(healthStatus, health::timeline, health::subscribe))
                    .withCoverage(CoverageView.of(coverage))
                    .withModule(new FlightPlansModule(flights, org.truce.server.api.ApiJson.mapper()))
                    .withModule(org.truce.server.provisions.ProvisionsModule.of(center,
                            new org.truce.implementation.RecordedZoneCoverage(coverage),
                            org.truce.implementation.ImplementationTracker.Config.defaults()))
                    .withModule(new org.truce.server.reports.DailyReportModule(reportSources, clock))
                    .withOperationalData(o.settings().operationalData(sim != null));
            // HTTP ingest goes through the adapters' gate (one validator, one set of counters at /metrics); a
            // simulated center, which runs no adapters, gets a gate of its own with the same limits.
            IngestGate gate = ingest.map(Ingest::gate).orElseGet(() ->
                    IngestGate.forCenter(center, Sensors.config(o.settings()).limits()));
            TruceServer server = new TruceServer(center, serverOptions, gate, read);
            started.add(server);
            server.serveLog(new LogApi.Source(ledger.ledger(), log.tables()));
            server.start(o.port());
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "truce-ledger");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(() -> ledger.tick(center.clock().instant()), 1, 1, TimeUnit.SECONDS);
            long auditSeconds = o.settings().duration("ledger.audit-interval").toSeconds();
            scheduler.scheduleWithFixedDelay(ledger::audit, auditSeconds, auditSeconds, TimeUnit.SECONDS);
            cases.schedule(scheduler, o.settings());
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    planLog.flush();
                    patrolPlans.ifPresent(p -> p.fileDue(flights, center.clock().instant()));
                } catch (RuntimeException e) {
                    // the next run retries: plans already filed are not filed again
                    synchronized (out) {
                        out.println("WARNING: filing the simulated flight plans failed, will retry: " + e.getMessage());
                        out.flush();
                    }
                }
            }, 5, 5, TimeUnit.SECONDS);
            CenterRuntime runtime = new CenterRuntime(store, center, server, ledger, ingest, scheduler);
            runtime.dayFacts = org.truce.reports.daily.DayFactsKeeper.schedule(
                    new org.truce.reports.daily.DayFactsKeeper(reportSources, dayFacts), center.clock(),
                    Duration.ofMinutes(1), m -> {
                        synchronized (out) {
                            out.println("WARNING: " + m);
                            out.flush();
                        }
                    });
            runtime.cases = cases;
            runtime.planLog = planLog;
            if (sim != null) {
                runtime.driver = simulationDriver(sim, simClock, center, store, o.simulation().get().speed(), out,
                        runtime.running::get);
                runtime.driver.start();
            }
            return runtime;
        } catch (RuntimeException e) {
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            store.close();
            throw e;
        }
    }

    private static Ingest startIngest(Center center, Settings settings) {
        try {
            return Ingest.start(center, Sensors.config(settings));
        } catch (RuntimeException e) {
            throw new UserError("cannot start the sensor adapters: " + e.getMessage()
                    + " (ports and brokers: ingest.* in docs/configuration.md; 0 switches a listener off)", e);
        }
    }

    Optional<Ingest> ingest() {
        return ingest;
    }

    java.net.URI uri() {
        return server.uri();
    }

    Center center() {
        return center;
    }

    /** The transparency log's services. */
    LedgerServices ledger() {
        return ledger;
    }

    /** The joint-verification services the server was given. */
    org.truce.cases.CaseServices cases() {
        return cases.services();
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C), then closes everything. */
    void awaitShutdown() throws InterruptedException {
        Thread hook = new Thread(this::close, "truce-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        if (!running.getAndSet(false)) return;
        // Never interrupt a thread that may be writing: H2 closes its file when a thread doing I/O is interrupted.
        // The driver and the scheduler see the flag and finish their step.
        scheduler.shutdown();
        try {
            if (driver != null) driver.join(30_000);
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ingest.ifPresent(Ingest::stop);
        server.stop();
        ledger.recorder().flush();
        if (cases != null) cases.flush();
        if (planLog != null) planLog.flush();
        if (dayFacts != null) {
            try {
                dayFacts.close();
            } catch (Exception e) {
                // Only an interrupt while waiting: the store closes anyway, and a replay cut short keeps nothing.
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        }
        store.close();
    }

    /** The acceptance time of the log's last observation: where a center on its sensors' time resumes. */
    private static Optional<Instant> lastReceived(Store store) {
        long n = store.observations().size();
        return n == 0 ? Optional.empty()
                : store.observations().read(n, 1).stream().findFirst().map(a -> a.received());
    }

    static SimulationSetup loadSetup(Path scenario) {
        Path file = scenario.resolve("simulation.json");
        if (!Files.isRegularFile(file)) {
            throw new UserError(scenario + " has no simulation.json: this scenario cannot be simulated");
        }
        try {
            return SimulationSetup.load(file);
        } catch (RuntimeException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    static JdbcStore openStore(Path data) {
        try {
            Files.createDirectories(data);
            return JdbcStore.h2(data);
        } catch (java.io.IOException e) {
            throw new UserError("cannot create the data directory " + data + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserError("cannot open the store in " + data + ": " + e.getMessage(), e);
        }
    }

    private static void checkSameSimulation(Store store, Path data, long seed, Instant start) {
        Optional<String> storedSeed = store.meta().get(META_SIM_SEED);
        Optional<String> storedStart = store.meta().get(META_SIM_START);
        if (storedSeed.isEmpty()) {
            if (store.observations().size() > 0) {
                throw new UserError(data + " holds a center fed by real sensors; simulate into another --data directory");
            }
            store.meta().put(META_SIM_SEED, Long.toString(seed));
            store.meta().put(META_SIM_START, start.toString());
            return;
        }
        if (!storedSeed.get().equals(Long.toString(seed)) || !storedStart.orElse("").equals(start.toString())) {
            throw new UserError(data + " holds a simulation with seed " + storedSeed.get() + " starting "
                    + storedStart.orElse("?") + "; use the same --seed/--start or another --data directory");
        }
    }

    /** Re-runs the deterministic theater silently up to where the stored center stopped. */
    private static void resume(Store store, Simulation sim, SimulatedClock clock, PrintWriter out) {
        Optional<Instant> position = store.meta().get(META_SIM_POSITION).map(Instant::parse);
        if (position.isEmpty() || !position.get().isAfter(sim.start())) return;
        out.printf("Resuming the simulated theater at %s (%d observations kept) ...%n", position.get(),
                store.observations().size());
        out.flush();
        sim.runUntil(position.get(), (channel, obs) -> new Acceptance.Rejected("replayed", "already in the log"),
                clock, StepListener.none());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Thread simulationDriver(Simulation sim, SimulatedClock clock, Center center, Store store,
                                           double speed, PrintWriter out, java.util.function.BooleanSupplier alive) {
        Thread t = new Thread(() -> {
            long wall0 = System.nanoTime();
            Instant sim0 = sim.now();
            try {
                boolean slowNoted = false;
                while (alive.getAsBoolean() && sim.now().isBefore(sim.end())) {
                    long elapsedNs = System.nanoTime() - wall0;
                    Instant wanted = sim0.plusNanos((long) (elapsedNs * speed));
                    // Short chunks: the position is saved and the stop flag seen at least every CHUNK of scenario time.
                    Instant target = min(min(wanted, sim.now().plus(CHUNK)), sim.end());
                    if (target.isAfter(sim.now())) {
                        sim.runUntil(target, center, clock, step -> center.tick());
                        // Every observation up to sim.now() is in the log: a restart resumes exactly here.
                        store.meta().put(META_SIM_POSITION, sim.now().toString());
                    }
                    if (!slowNoted && Duration.between(sim.now(), wanted).compareTo(Duration.ofMinutes(10)) > 0) {
                        slowNoted = true;
                        out.printf("Note: the theater runs slower than %sx real time here (the store commits every "
                                + "observation); it keeps going as fast as it can.%n", speed);
                        out.flush();
                    }
                    if (!wanted.isAfter(sim.now())) Thread.sleep(100);
                }
                store.meta().put(META_SIM_POSITION, sim.now().toString());
                if (!sim.now().isBefore(sim.end())) {
                    out.printf("The simulated theater reached its end (%s); the center keeps serving.%n", sim.end());
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "truce-simulation");
        t.setDaemon(true);
        return t;
    }
}

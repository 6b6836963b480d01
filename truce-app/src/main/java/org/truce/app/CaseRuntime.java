package org.truce.app;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.truce.agreement.Agreement;
import org.truce.cases.CaseId;
import org.truce.cases.CasePolicy;
import org.truce.cases.CaseServices;
import org.truce.cases.CoverageOracle;
import org.truce.cases.Refusal;
import org.truce.ledger.CaseLedgerRecorder;
import org.truce.ledger.Ledger;
import org.truce.pipeline.Center;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.rules.Incident;
import org.truce.store.jdbc.JdbcStore;

/**
 * Joint verification in a running center: the case services on the store's tables, every accepted record of them
 * in the transparency log (commit-reveal for assessments), a case opened for every new incident (and, at start,
 * for every stored incident that has none), and assessment deadlines applied on the runtime's scheduler.
 * Thread-safe as its parts are.
 */
final class CaseRuntime implements CenterListener {
    /** Meta key of the secret the commitment salts derive from; it never leaves the store. */
    static final String META_COMMIT_SECRET = "cases.commit-secret";

    private final CaseServices services;
    private final CaseLedgerRecorder recorder;
    private final PrintWriter out;

    private CaseRuntime(CaseServices services, CaseLedgerRecorder recorder, PrintWriter out) {
        this.services = services;
        this.recorder = recorder;
        this.out = out;
    }

    /** Builds the services over {@code store}'s case tables and opens the cases stored incidents lack. */
    static CaseRuntime start(Center center, JdbcStore store, Ledger ledger, CoverageOracle coverage, Settings settings,
                             PrintWriter out) {
        Agreement agreement = center.agreement();
        CaseLedgerRecorder recorder = new CaseLedgerRecorder(ledger, commitSecret(store));
        CaseServices services = CaseServices.over(agreement, policy(settings, agreement),
                recorder.recording(store.caseRepository()), recorder.recording(store.allegationRepository()),
                store.outbox(), store.auditLog(), store.rosterRepository(), coverage, center.clock());
        CaseRuntime runtime = new CaseRuntime(services, recorder, out);
        // Listen first, then catch up: an incident raised meanwhile (real sensors are already running) is opened by
        // one of the two, and opening is idempotent.
        center.addListener(runtime);
        int opened = runtime.openMissing(store.incidents().all());
        if (opened > 0) {
            out.printf("Opened %d case(s) for stored incidents that had none.%n", opened);
            out.flush();
        }
        return runtime;
    }

    static CasePolicy policy(Settings s, Agreement agreement) {
        try {
            return new CasePolicy(s.duration("cases.assessment-window"), s.decimal("cases.attribution-threshold", 0.01, 1.0),
                    agreement.parity().findingNeedsAllHeads(), s.duration("cases.lock-ttl"),
                    s.decimal("cases.coverage-threshold", 0.01, 1.0), s.duration("cases.due-soon"));
        } catch (IllegalArgumentException e) {
            throw new UserError("configuration cases.*: " + e.getMessage(), e);
        }
    }

    CaseServices services() {
        return services;
    }

    /** Applies passed deadlines every {@code cases.deadline-check-interval} and retries unlogged entries. */
    void schedule(ScheduledExecutorService scheduler, Settings settings) {
        long ms = settings.duration("cases.deadline-check-interval").toMillis();
        scheduler.scheduleWithFixedDelay(this::settle, ms, ms, TimeUnit.MILLISECONDS);
    }

    void settle() {
        try {
            services.casework().settleDeadlines();
            recorder.flush();
        } catch (RuntimeException e) {
            // a refused save (another desk moved the case meanwhile) is retried at the next run
            warn("applying assessment deadlines failed, will retry: " + e.getMessage());
        }
    }

    /** Opens the case of every new incident; idempotent, so a replayed incident is harmless. */
    @Override
    public void on(CenterEvent event) {
        if (event instanceof CenterEvent.IncidentChanged changed && changed.opened()) {
            try {
                services.casework().open(changed.incident());
            } catch (RuntimeException e) {
                // the pipeline must go on; the case is opened at the next start (openMissing)
                warn("cannot open the case of incident " + changed.incident().id() + ": " + e.getMessage());
            }
        }
    }

    int openMissing(List<Incident> incidents) {
        int opened = 0;
        for (Incident i : incidents) {
            if (services.cases().find(CaseId.forIncident(i.id())).isEmpty()) {
                try {
                    services.casework().open(i);
                    opened++;
                } catch (Refusal r) {
                    // the pipeline's listener opened it at the same moment: the case exists, as wanted
                }
            }
        }
        return opened;
    }

    void flush() {
        recorder.flush();
    }

    private void warn(String message) {
        synchronized (out) {
            out.println("WARNING: " + message);
            out.flush();
        }
    }

    private static byte[] commitSecret(JdbcStore store) {
        String hex = store.meta().get(META_COMMIT_SECRET).orElseGet(() -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String h = HexFormat.of().formatHex(fresh);
            store.meta().put(META_COMMIT_SECRET, h);
            return h;
        });
        return HexFormat.of().parseHex(hex);
    }
}

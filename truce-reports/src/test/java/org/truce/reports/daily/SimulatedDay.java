package org.truce.reports.daily;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.Allegation;
import org.truce.cases.AllegationId;
import org.truce.cases.AllegationStatus;
import org.truce.cases.Area;
import org.truce.cases.Assessment;
import org.truce.cases.AutoAssessor;
import org.truce.cases.Case;
import org.truce.cases.CaseLifecycle;
import org.truce.cases.CasePolicy;
import org.truce.cases.CaseSimulation;
import org.truce.cases.CaseState;
import org.truce.cases.Happened;
import org.truce.cases.Role;
import org.truce.cases.memory.InMemoryAllegationRepository;
import org.truce.cases.memory.InMemoryCaseRepository;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.Hash;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.NoteSigner;
import org.truce.ledger.SignedNote;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.pipeline.Center;
import org.truce.rules.Incident;
import org.truce.sim.Simulation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/**
 * A seeded 9-hour simulated stretch of the Karabakh scenario (2020-11-19 12:00–21:00 UTC) through the real pipeline,
 * its incidents assessed by two automatic assessors through the real case lifecycle (every other decided case
 * published), two allegations, one case still blind, and a transparency log with joint and non-joint checkpoints.
 * Built once per test JVM.
 */
final class SimulatedDay {
    static final long SEED = 7;
    /** Kept short: the machine runs many builds at once, and the period needs only a few hours of data. */
    static final int RUN_HOURS = 9;
    static final Instant START = Instant.parse("2020-11-19T12:00:00Z");
    /** The day reported: [2020-11-19 16:00, 2020-11-20 16:00), whose previous 24 h hold 12:00–16:00. */
    static final ReportPeriod PERIOD = ReportPeriod.of(LocalDate.parse("2020-11-20"), Optional.of(LocalTime.of(16, 0)));
    static final Instant AS_OF = Instant.parse("2020-11-21T09:00:00Z");
    static final String BLIND_TEXT = "SEALED-ASSESSMENT-TEXT-must-never-appear";
    static final String ALLEGATION_CLAIM = "Mortar fire on the village school reported by residents";
    static final long JOINT_TREE_SIZE = 4242;

    private static SimulatedDay instance;

    final Agreement agreement;
    final InMemoryStore store = new InMemoryStore();
    final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    final InMemoryAllegationRepository allegations = new InMemoryAllegationRepository();
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final List<Case> published = new ArrayList<>();
    final List<Case> unpublished = new ArrayList<>();
    String blindCaseId;
    Hash jointRoot;

    static synchronized SimulatedDay get() {
        if (instance == null) instance = new SimulatedDay();
        return instance;
    }

    private SimulatedDay() {
        agreement = TestAgreements.karabakh();
        SimulationSetup setup = SimulationSetup.load(TestAgreements.scenarioDir("karabakh-2020").resolve("simulation.json"));
        Simulation sim = new Simulation(agreement, setup, SEED, START, Duration.ofHours(RUN_HOURS));
        SimulatedClock clock = new SimulatedClock(START);
        Center center = Center.builder(agreement).store(store).clock(clock).build();
        sim.assets().forEach(store.assets()::save);
        sim.run(Duration.ofHours(RUN_HOURS), center, clock, step -> center.tick());
        center.tick();
        makeCases();
        makeAllegations();
        makeLog();
    }

    DailyReportBuilder.Sources sources() {
        return new DailyReportBuilder.Sources(agreement, store.incidents(), store.observations(), store.assets(),
                Optional.of(new DailyReportBuilder.JointVerification(cases, allegations)), ledger);
    }

    private DailyReportBuilder.SensorFacts facts;

    /** The period's sensor facts, replayed once: the slow part of a report. */
    synchronized DailyReportBuilder.SensorFacts facts() {
        if (facts == null) facts = DailyReportBuilder.sensors(sources(), PERIOD);
        return facts;
    }

    DailyReport report(Edition edition) {
        return DailyReportBuilder.build(sources(), edition, AS_OF, facts());
    }

    private void makeCases() {
        CasePolicy policy = CasePolicy.defaults(agreement.parity());
        List<ContingentId> contingents = agreement.contingents().stream().map(Contingent::id).toList();
        List<AutoAssessor> assessors = List.of(
                new AutoAssessor(contingents.get(0), new AutoAssessor.Config(11, 0.15, Map.of(), Duration.ofMinutes(10), Duration.ofHours(2))),
                new AutoAssessor(contingents.get(1), new AutoAssessor.Config(12, 0.15, Map.of(), Duration.ofMinutes(10), Duration.ofHours(2))));
        List<Incident> incidents = store.incidents().all();
        // The last incident stays blind: only one contingent has assessed it.
        List<Incident> decided = incidents.subList(0, incidents.size() - 1);
        CaseLifecycle lifecycle = new CaseLifecycle(policy);
        int k = 0;
        for (Case c : new CaseSimulation(policy).run(decided, assessors).cases()) {
            if (k++ % 2 == 0) {
                Instant at = c.deadline().plus(Duration.ofHours(1));
                for (ContingentId ct : c.contingents()) {
                    c = lifecycle.approve(c, new Case.Approval(ct, "head-" + ct.value(), Role.HEAD_OF_CONTINGENT, at), at);
                }
                c = lifecycle.publish(c, at);
                published.add(c);
            } else {
                unpublished.add(c);
            }
            cases.save(c, 0);
        }
        Incident last = incidents.getLast();
        // Opened shortly before AS_OF, so at AS_OF the deadline has not passed and the blind still holds.
        Instant opened = AS_OF.minus(Duration.ofHours(1));
        Case blind = lifecycle.open(last, contingents, opened);
        blind = lifecycle.submit(blind, new Assessment(contingents.get(0), "analyst-1", Happened.YES, last.provision(),
                Optional.of(new PartyId("AZ")), 0.97, last.evidence(), BLIND_TEXT, opened.plusSeconds(60)),
                opened.plusSeconds(60));
        if (blind.state() != CaseState.ASSESSING) throw new IllegalStateException("the blind case must stay ASSESSING");
        blindCaseId = blind.id().value();
        cases.save(blind, 0);
    }

    private void makeAllegations() {
        Incident first = published.stream().filter(c -> c.finding().isPresent())
                .map(c -> store.incidents().find(c.incidentId()).orElseThrow())
                .filter(i -> PERIOD.contains(i.start())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the seeded day has no published finding in the period"));
        allegations.save(new Allegation(new AllegationId("ALG-AM-0001"), new PartyId("AM"), "liaison-am",
                first.start().plusSeconds(600), first.start(), first.end(), new Area.Circle(first.place(), 2000),
                ALLEGATION_CLAIM, first.provision(), List.of("residents"), AllegationStatus.CORROBORATED,
                List.of(first.id()), "matches a published finding"));
        allegations.save(new Allegation(new AllegationId("ALG-AZ-0001"), new PartyId("AZ"), "liaison-az",
                PERIOD.from().plusSeconds(7200), PERIOD.from().plusSeconds(3600), PERIOD.from().plusSeconds(5400),
                new Area.Circle(first.place(), 1000), "Movement of armour at the corridor", first.provision(),
                List.of(), AllegationStatus.UNVERIFIABLE, List.of(), "the area was not sufficiently observed"));
    }

    private void makeLog() {
        List<String> roster = agreement.contingents().stream().map(c -> c.id().value()).toList();
        ledger.setRoster(roster);
        List<NoteSigner> signers = new ArrayList<>();
        SecureRandom random = new SecureRandom(new byte[] {1});
        for (String c : roster) {
            NoteSigner s = NoteSigner.generate("truce-test-" + c.toLowerCase(java.util.Locale.ROOT), random);
            signers.add(s);
            ledger.addKey(new KeyRecord(c, s.verifier().text(), START));
        }
        checkpoint(1000, PERIOD.from().minusSeconds(3600), signers);
        jointRoot = checkpoint(JOINT_TREE_SIZE, PERIOD.to().minusSeconds(1800), signers);
        checkpoint(4300, PERIOD.to().minusSeconds(600), signers.subList(0, 1));   // one contingent refused: not joint
        checkpoint(5000, PERIOD.to().plusSeconds(600), signers);                   // after the cut-off
    }

    private Hash checkpoint(long size, Instant at, List<NoteSigner> by) {
        byte[] root = new byte[32];
        for (int i = 0; i < 32; i++) root[i] = (byte) (size * 31 + i);
        Hash h = Hash.of(root);
        String body = new Checkpoint("truce/karabakh-2020", size, h, List.of()).body();
        SignedNote note = new SignedNote(body, by.stream().map(s -> s.sign(body)).toList());
        ledger.addCheckpoint(new CheckpointRecord(size, at, note.text()));
        return h;
    }
}

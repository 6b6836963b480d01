package org.truce.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code truce serve}: the center, fed by real sensors, or by the simulated theater with {@code --simulate}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the monitoring center: the pipeline, the embedded store, the HTTP API and the live map.",
                "With --simulate, the scenario's simulated theater feeds it at --speed times real time,",
                "on the simulated clock (every time in its data is a scenario time)."})
class ServeCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "DIR", description = "the scenario folder (agreement.json, zones, simulation.json)")
    Path scenario;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory of the embedded store (default: data; data/demo for demo)")
    Path data = Path.of("data");

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: http.port, 8080; 0 = any free port)")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "address to bind (default: http.host, 127.0.0.1)")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (see docs/configuration.md)")
    Path config;

    @Option(names = "--simulate", description = "feed the center with the scenario's simulated theater")
    boolean simulate;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the simulated theater (default: sim.seed, 1)")
    Long seed;

    @Option(names = "--speed", paramLabel = "X", description = "times faster than real time (default: sim.speed, 60)")
    Double speed;

    @Option(names = "--start", paramLabel = "TIME", description = "scenario time the simulation starts, ISO-8601 UTC (default: from simulation.json)")
    String start;

    @Option(names = "--clock", paramLabel = "MODE",
            description = {"system: the center runs on the system clock (default: center.clock);",
                    "sensors: it runs on its sensors' time, the latest accepted observation time (replays, exercises,",
                    "truce simulate --via); see docs/sensors.md"})
    String clock;

    @Option(names = "--simulated-assets",
            description = {"register the scenario's simulated assets (simulation.json), with HTTP tokens in",
                    "DATA/simulated-asset-tokens.properties, so truce simulate --via can drive this center"})
    boolean simulatedAssets;

    @Option(names = "--key", paramLabel = "CONTINGENT=FILE",
            description = {"a contingent's private checkpoint key (truce log keygen); repeat once per contingent.",
                    "A contingent without a key is recorded as refusing each checkpoint. With --simulate and no",
                    "--key, keys for every contingent are made under DATA/keys."})
    Map<String, Path> keys = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    Path defaultScenario() {
        throw new UserError("--scenario DIR is required");
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(Optional.ofNullable(config), System.getenv());
        if (clock != null) settings = settings.with("center.clock", clock, "--clock");
        if (simulatedAssets) settings = settings.with("ingest.simulated-assets", "true", "--simulated-assets");
        boolean sensorTime = settings.sensorClock();
        Path dir = scenario != null ? scenario : defaultScenario();
        Optional<CenterRuntime.SimulationOptions> sim = Optional.empty();
        if (simulate) {
            double x = speed != null ? speed : settings.decimal("sim.speed", 0.001, 1_000_000);
            if (!(x > 0)) throw new UserError("--speed must be > 0");
            sim = Optional.of(new CenterRuntime.SimulationOptions(
                    seed != null ? seed : settings.integer("sim.seed", 0, Integer.MAX_VALUE), x, parseStart()));
            if (sensorTime || settings.flag("ingest.simulated-assets")) {
                throw new UserError("--simulate runs on the simulated clock with its own assets; --clock sensors and "
                        + "--simulated-assets are for a center fed through its adapters (truce simulate --via)");
            }
        } else if (seed != null || speed != null || start != null) {
            throw new UserError("--seed, --speed and --start apply only with --simulate");
        }
        int p = port != null ? port : settings.integer("http.port", 0, 65535);
        String h = host != null ? host : settings.string("http.host");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Truce: loading %s ...%n", dir);
        out.flush();
        CenterRuntime runtime = CenterRuntime.start(
                new CenterRuntime.Options(dir, data, h, p, settings, sim, keys), out);
        out.printf("Truce is serving %s%s on the store in %s%n", dir,
                sim.map(s -> " (simulated theater, seed " + s.seed() + ", " + s.speed() + "x real time)")
                        .orElse(sensorTime ? " (on its sensors' time)" : ""), data);
        out.printf("Live map: %s%n", runtime.uri());
        out.printf("Sign in:  %slogin.html   (accounts: truce users, docs/accounts.md)%n", runtime.uri());
        out.printf("API:      %sapi/incidents   OpenAPI: %sopenapi.json   OGC API Features: %sogc%n",
                runtime.uri(), runtime.uri(), runtime.uri());
        runtime.ingest().ifPresent(i -> out.printf("Sensors:  %s%n", describe(i)));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        runtime.awaitShutdown();
        return ExitCodes.OK;
    }

    private static String describe(org.truce.ingest.Ingest i) {
        List<String> parts = new java.util.ArrayList<>();
        i.mavlink().ifPresent(m -> parts.add("MAVLink udp/" + m.boundPort()));
        i.cotTcp().ifPresent(c -> parts.add("CoT/TAK tcp/" + c.boundPort()));
        i.cotUdp().ifPresent(c -> parts.add("CoT udp/" + c.boundPort()));
        i.klv().forEach(k -> parts.add("KLV udp/" + k.boundPort()));
        i.mqtt().ifPresent(m -> parts.add("MQTT subscriber"));
        return parts.isEmpty() ? "no adapters (all switched off)" : String.join(", ", parts);
    }

    private Optional<Instant> parseStart() {
        if (start == null) return Optional.empty();
        try {
            return Optional.of(Instant.parse(start));
        } catch (DateTimeParseException e) {
            throw new UserError("--start '" + start + "' is not an ISO-8601 UTC time such as 2020-11-19T12:00:00Z");
        }
    }
}

package org.truce.app.via;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.truce.agreement.Agreement;
import org.truce.sensing.Asset;
import org.truce.sim.Simulation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.AssetRegistry;

/**
 * The scenario's simulated assets (drones, cameras, arrays, posts, beacons of {@code simulation.json}) registered
 * with a center fed through its adapters, so {@code truce simulate --via} can drive it. Each asset gets a random
 * HTTP ingest token, kept in {@value #TOKENS_FILE} in the data directory (created once, reused on restarts); the
 * sender reads that file for the assets it sends over HTTP. The assets do not depend on the seed. Stateless.
 */
public final class SimulatedAssets {
    /** The file, in the data directory, that holds each simulated asset's HTTP token ({@code asset id = token}). */
    public static final String TOKENS_FILE = "simulated-asset-tokens.properties";

    private SimulatedAssets() {}

    /** The assets the setup defines (the same for every seed and start). */
    public static List<Asset> of(Agreement agreement, SimulationSetup setup) {
        return new Simulation(agreement, setup, 0, setup.start()).assets();
    }

    /** Registers every simulated asset with its token, creating the tokens file if it is missing. */
    public static void register(Agreement agreement, SimulationSetup setup, AssetRegistry registry, Path data,
                                PrintWriter out) {
        List<Asset> assets = of(agreement, setup);
        Path file = data.resolve(TOKENS_FILE);
        Map<String, String> tokens = Files.isRegularFile(file) ? readTokens(file) : new TreeMap<>();
        SecureRandom random = new SecureRandom();
        boolean added = false;
        for (Asset a : assets) {
            String token = tokens.get(a.id().value());
            if (token == null) {
                byte[] b = new byte[32];
                random.nextBytes(b);
                token = HexFormat.of().formatHex(b);
                tokens.put(a.id().value(), token);
                added = true;
            }
            registry.save(new Asset(a.id(), a.owner(), a.kind(), a.model(), a.sensor(), a.systemId(), a.site(),
                    Optional.of(token)));
        }
        if (added) writeTokens(file, tokens);
        out.printf("Registered the scenario's %d simulated assets; their HTTP tokens are in %s%n", assets.size(), file);
        out.flush();
    }

    /** Reads a tokens file written by {@link #register}. */
    public static Map<String, String> readTokens(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    private static void writeTokens(Path file, Map<String, String> tokens) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# HTTP ingest tokens of the simulated assets (truce serve --simulated-assets); keep private\n");
                for (var e : tokens.entrySet()) w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

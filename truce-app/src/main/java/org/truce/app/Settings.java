package org.truce.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.truce.pipeline.CenterConfig;

/**
 * Truce's configuration: one properties file ({@code --config FILE}) plus environment overrides
 * ({@code TRUCE_HTTP_PORT} overrides {@code http.port}), then command-line options over both.
 * Every key and default is listed in {@link #DEFAULTS} and in docs/configuration.md. Immutable.
 */
final class Settings {
    /** Every known key with its default; a key not listed here is refused, so typos do not pass silently. */
    static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private Settings(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("http.host", "127.0.0.1");
        d.put("http.port", "8080");
        d.put("http.operational-data", "auto");
        d.put("center.attribution-confidence", "0.8");
        d.put("center.incident-idle-close", "PT15M");
        d.put("center.clock", "system");
        d.put("center.sensor-clock-max-jump", "PT1H");
        d.put("ingest.max-past-skew", "PT24H");
        d.put("ingest.max-future-skew", "PT30S");
        d.put("ledger.checkpoint-interval", "PT1M");
        d.put("ledger.audit-interval", "PT5M");
        d.put("ingest.mavlink.port", "14550");
        d.put("ingest.cot.tcp-port", "8087");
        d.put("ingest.cot.udp-port", "8087");
        d.put("ingest.mqtt.host", "");
        d.put("ingest.mqtt.port", "1883");
        d.put("ingest.mqtt.topic-prefix", "truce");
        d.put("ingest.mqtt.client-id", "truce-center");
        d.put("ingest.simulated-assets", "false");
        d.put("ingest.klv.port", "0");
        d.put("accounts.session-idle-timeout", "PT30M");
        d.put("accounts.session-absolute-timeout", "PT12H");
        d.put("accounts.secure-cookies", "false");
        d.put("accounts.login-free-failures", "5");
        d.put("accounts.login-base-delay", "PT1S");
        d.put("accounts.login-max-delay", "PT15M");
        d.put("accounts.argon2-memory-kib", "19456");
        d.put("accounts.argon2-iterations", "2");
        d.put("accounts.argon2-parallelism", "1");
        d.put("cases.assessment-window", "PT6H");
        d.put("cases.attribution-threshold", "0.8");
        d.put("cases.lock-ttl", "PT15M");
        d.put("cases.coverage-threshold", "0.5");
        d.put("cases.due-soon", "PT1H");
        d.put("cases.deadline-check-interval", "PT30S");
        d.put("sim.seed", "1");
        d.put("sim.speed", "60");
        return Map.copyOf(d);
    }

    static Settings load(Optional<Path> file, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Map<String, String> sources = new LinkedHashMap<>();
        DEFAULTS.keySet().forEach(k -> sources.put(k, "default"));
        if (file.isPresent()) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UserError("cannot read configuration file " + file.get() + ": " + e.getMessage(), e);
            }
            for (String key : p.stringPropertyNames()) {
                if (!DEFAULTS.containsKey(key)) {
                    throw new UserError(file.get() + ": unknown configuration key '" + key + "' (known: "
                            + String.join(", ", DEFAULTS.keySet().stream().sorted().toList()) + ")");
                }
                values.put(key, p.getProperty(key).trim());
                sources.put(key, file.get().toString());
            }
        }
        for (String key : DEFAULTS.keySet()) {
            String var = envName(key);
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                values.put(key, v.trim());
                sources.put(key, "environment " + var);
            }
        }
        return new Settings(Map.copyOf(values), Map.copyOf(sources));
    }

    /** These settings with {@code key} set to {@code value} from {@code source} (a command-line option). */
    Settings with(String key, String value, String source) {
        if (!DEFAULTS.containsKey(key)) throw new IllegalArgumentException("unknown key " + key);
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> s = new LinkedHashMap<>(sources);
        v.put(key, value.trim());
        s.put(key, source);
        return new Settings(Map.copyOf(v), Map.copyOf(s));
    }

    /** {@code true} or {@code false}. */
    boolean flag(String key) {
        String v = string(key).toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true")) return true;
        if (v.equals("false")) return false;
        throw bad(key, "true or false");
    }

    /** Whether the center's clock follows its sensors ({@code center.clock = sensors}) rather than the system clock. */
    boolean sensorClock() {
        return switch (string("center.clock").toLowerCase(java.util.Locale.ROOT)) {
            case "system" -> false;
            case "sensors" -> true;
            default -> throw bad("center.clock", "system or sensors");
        };
    }

    static String envName(String key) {
        return "TRUCE_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    String string(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("unknown key " + key);
        return v;
    }

    int integer(String key, int min, int max) {
        try {
            int v = Integer.parseInt(string(key));
            if (v < min || v > max) throw new NumberFormatException("out of range " + min + ".." + max);
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, "an integer in " + min + ".." + max);
        }
    }

    double decimal(String key, double min, double max) {
        try {
            double v = Double.parseDouble(string(key));
            if (!(v >= min && v <= max)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, "a number in " + min + ".." + max);
        }
    }

    boolean bool(String key) {
        String v = string(key);
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw bad(key, "true or false");
    }

    /** A port number, where 0 switches the listener off. */
    java.util.OptionalInt port(String key) {
        int p = integer(key, 0, 65535);
        return p == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(p);
    }

    Duration duration(String key) {
        try {
            Duration d = Duration.parse(string(key));
            if (d.isNegative() || d.isZero()) throw bad(key, "a positive ISO-8601 duration such as PT15M");
            return d;
        } catch (DateTimeParseException e) {
            throw bad(key, "an ISO-8601 duration such as PT15M");
        }
    }

    /**
     * Who may read operational data over HTTP: {@code public}, {@code staff} (staff and auditors), or {@code auto}
     * (public for a simulated center, staff for real sensors).
     */
    org.truce.server.auth.OperationalData operationalData(boolean simulated) {
        return switch (string("http.operational-data").toLowerCase(java.util.Locale.ROOT)) {
            case "public" -> org.truce.server.auth.OperationalData.PUBLIC;
            case "staff" -> org.truce.server.auth.OperationalData.STAFF_AND_AUDITORS;
            case "auto" -> simulated ? org.truce.server.auth.OperationalData.PUBLIC
                    : org.truce.server.auth.OperationalData.STAFF_AND_AUDITORS;
            default -> throw bad("http.operational-data", "one of auto, public, staff");
        };
    }

    CenterConfig centerConfig() {
        return new CenterConfig(decimal("center.attribution-confidence", 0.5, 1.0),
                duration("center.incident-idle-close"), duration("ingest.max-past-skew"),
                duration("ingest.max-future-skew"));
    }

    private UserError bad(String key, String expected) {
        return new UserError("configuration " + key + " = '" + values.get(key) + "' (from " + sources.get(key)
                + ") is not " + expected);
    }
}

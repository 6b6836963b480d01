package org.truce.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.cases.AutoAssessor;
import org.truce.codec.TruceJson;

/**
 * The automatic assessors of a simulation run, one per contingent of the agreement: settings for all contingents,
 * then per-contingent overrides, from the {@code assessors} object of {@code simulation.json} and then from
 * {@code --assessors} options (docs/simulation.md). Each contingent draws from its own seed (the run's seed mixed
 * with the contingent's id, or {@code seed} when given, which all contingents then share), so errors fall on
 * different incidents unless a shared seed is asked for. Immutable.
 */
final class AssessorSetup {
    /** One layer of settings; absent fields keep what the layer below said. */
    private record Layer(Optional<Double> errorRate, Map<PartyId, Double> bias, Optional<Duration> minDelay,
                         Optional<Duration> maxDelay, OptionalLong seed) {
        static Layer empty() {
            return new Layer(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), OptionalLong.empty());
        }

        Layer over(Layer below) {
            Map<PartyId, Double> b = new TreeMap<>(below.bias);
            b.putAll(bias);
            return new Layer(errorRate.or(below::errorRate), b, minDelay.or(below::minDelay), maxDelay.or(below::maxDelay),
                    seed.isPresent() ? seed : below.seed);
        }
    }

    private static final Layer DEFAULTS = new Layer(Optional.of(0.05), Map.of(), Optional.of(Duration.ofMinutes(10)),
            Optional.of(Duration.ofHours(2)), OptionalLong.empty());

    private final Layer all;
    private final Map<ContingentId, Layer> per;

    private AssessorSetup(Layer all, Map<ContingentId, Layer> per) {
        this.all = all;
        this.per = per;
    }

    /**
     * The assessors the scenario's {@code simulation.json} and the {@code --assessors} specs ask for, or empty when
     * neither mentions assessors (or a spec says {@code off}).
     */
    static Optional<AssessorSetup> of(Path simulationJson, List<String> specs) {
        if (specs.contains("off")) return Optional.empty();
        Optional<JsonNode> file = fileNode(simulationJson);
        if (file.isEmpty() && specs.isEmpty()) return Optional.empty();
        Layer all = Layer.empty();
        Map<ContingentId, Layer> per = new TreeMap<>();
        if (file.isPresent()) {
            JsonNode node = file.get();
            String where = simulationJson + ": assessors";
            all = layer(node, where, true);
            JsonNode contingents = node.path("contingents");
            for (Iterator<Map.Entry<String, JsonNode>> it = contingents.fields(); it.hasNext(); ) {
                var e = it.next();
                per.put(ContingentId.of(e.getKey()), layer(e.getValue(), where + ".contingents." + e.getKey(), false));
            }
        }
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            int eq = spec.indexOf('=');
            if (colon > 0 && (eq < 0 || colon < eq)) {
                ContingentId c = ContingentId.of(spec.substring(0, colon));
                per.put(c, spec(spec.substring(colon + 1), spec).over(per.getOrDefault(c, Layer.empty())));
            } else {
                all = spec(spec, spec).over(all);
            }
        }
        return Optional.of(new AssessorSetup(all, per));
    }

    /** One assessor per contingent of {@code agreement}, in the agreement's order. */
    List<AutoAssessor> assessors(Agreement agreement, long runSeed) {
        for (ContingentId c : per.keySet()) {
            if (agreement.contingent(c).isEmpty()) {
                throw new UserError("assessors: contingent " + c + " is not one of the agreement's "
                        + agreement.contingents().stream().map(k -> k.id().value()).toList());
            }
        }
        List<AutoAssessor> out = new ArrayList<>();
        for (Contingent c : agreement.contingents()) {
            Layer l = per.getOrDefault(c.id(), Layer.empty()).over(all).over(DEFAULTS);
            long seed = l.seed().orElse(runSeed * 0x9E3779B97F4A7C15L ^ c.id().value().hashCode());
            try {
                out.add(new AutoAssessor(c.id(), new AutoAssessor.Config(seed, l.errorRate().orElseThrow(), l.bias(),
                        l.minDelay().orElseThrow(), l.maxDelay().orElseThrow())));
            } catch (IllegalArgumentException e) {
                throw new UserError("assessors of " + c.id() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** What the assessors were, for the report: per contingent its error rate, bias and delays. */
    Map<String, Object> describe(Agreement agreement, long runSeed) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (AutoAssessor a : assessors(agreement, runSeed)) {
            Layer l = per.getOrDefault(a.contingent(), Layer.empty()).over(all).over(DEFAULTS);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("errorRate", l.errorRate().orElseThrow());
            Map<String, Double> bias = new TreeMap<>();
            l.bias().forEach((p, b) -> bias.put(p.value(), b));
            one.put("bias", bias);
            one.put("minDelay", l.minDelay().orElseThrow().toString());
            one.put("maxDelay", l.maxDelay().orElseThrow().toString());
            d.put(a.contingent().value(), one);
        }
        return d;
    }

    private static Optional<JsonNode> fileNode(Path file) {
        try {
            JsonNode root = TruceJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode a = root.get("assessors");
            if (a == null || a.isNull()) return Optional.empty();
            if (!a.isObject()) throw new UserError(file + ": assessors must be an object");
            return Optional.of(a);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Layer layer(JsonNode n, String where, boolean top) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("errorRate", "bias", "minDelay", "maxDelay", "seed").contains(f) && !(top && f.equals("contingents"))) {
                throw new UserError(where + ": unknown field '" + f + "' (known: errorRate, bias, minDelay, maxDelay, seed"
                        + (top ? ", contingents" : "") + ")");
            }
        }
        Map<PartyId, Double> bias = new TreeMap<>();
        n.path("bias").fields().forEachRemaining(e -> bias.put(PartyId.of(e.getKey()), number(e.getValue(), where + ".bias." + e.getKey())));
        return new Layer(n.has("errorRate") ? Optional.of(number(n.get("errorRate"), where + ".errorRate")) : Optional.empty(),
                bias, n.has("minDelay") ? Optional.of(duration(n.get("minDelay").asText(), where + ".minDelay")) : Optional.empty(),
                n.has("maxDelay") ? Optional.of(duration(n.get("maxDelay").asText(), where + ".maxDelay")) : Optional.empty(),
                n.has("seed") ? OptionalLong.of(n.get("seed").asLong()) : OptionalLong.empty());
    }

    /** {@code error=0.1,bias.AZ=0.2,min-delay=PT5M,max-delay=PT1H,seed=7}. */
    private static Layer spec(String text, String whole) {
        Optional<Double> error = Optional.empty();
        Map<PartyId, Double> bias = new TreeMap<>();
        Optional<Duration> min = Optional.empty(), max = Optional.empty();
        OptionalLong seed = OptionalLong.empty();
        String where = "--assessors '" + whole + "'";
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0) throw new UserError(where + ": '" + p + "' is not key=value (keys: error, bias.PARTY, min-delay, max-delay, seed)");
            String k = p.substring(0, eq).trim(), v = p.substring(eq + 1).trim();
            try {
                switch (k) {
                    case "error" -> error = Optional.of(Double.parseDouble(v));
                    case "min-delay" -> min = Optional.of(duration(v, where + " min-delay"));
                    case "max-delay" -> max = Optional.of(duration(v, where + " max-delay"));
                    case "seed" -> seed = OptionalLong.of(Long.parseLong(v));
                    default -> {
                        if (!k.startsWith("bias.") || k.length() == 5) {
                            throw new UserError(where + ": unknown key '" + k + "' (keys: error, bias.PARTY, min-delay, max-delay, seed)");
                        }
                        bias.put(PartyId.of(k.substring(5)), Double.parseDouble(v));
                    }
                }
            } catch (NumberFormatException e) {
                throw new UserError(where + ": " + k + " = '" + v + "' is not a number");
            }
        }
        return new Layer(error, bias, min, max, seed);
    }

    private static double number(JsonNode n, String where) {
        if (!n.isNumber()) throw new UserError(where + " must be a number, was " + n);
        return n.asDouble();
    }

    private static Duration duration(String text, String where) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError(where + " = '" + text + "' is not an ISO-8601 duration such as PT10M");
        }
    }
}

package org.truce.sim.setup;

import java.util.List;

/** Checks shared by the setup records; each message names the JSON field so the loader can say where. */
final class Require {
    private Require() {}

    static <T> T present(T value, String field) {
        if (value == null) throw new IllegalArgumentException("missing field '" + field + "'");
        return value;
    }

    static double positive(double v, String field) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("'" + field + "' must be > 0, was " + v);
        return v;
    }

    static double nonNegative(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("'" + field + "' must be >= 0, was " + v);
        return v;
    }

    static double probability(double v, String field) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("'" + field + "' must be in [0, 1], was " + v);
        return v;
    }

    /** A [lat, lon] pair. */
    static List<Double> latLon(List<Double> p, String field) {
        present(p, field);
        if (p.size() != 2 || p.get(0) == null || p.get(1) == null
                || !(Math.abs(p.get(0)) <= 90) || !(Math.abs(p.get(1)) <= 180)) {
            throw new IllegalArgumentException("'" + field + "' must be [lat, lon] in degrees, was " + p);
        }
        return List.copyOf(p);
    }

    static List<List<Double>> latLons(List<List<Double>> ps, String field, int min) {
        present(ps, field);
        if (ps.size() < min) throw new IllegalArgumentException("'" + field + "' needs at least " + min + " points");
        for (int i = 0; i < ps.size(); i++) latLon(ps.get(i), field + "[" + i + "]");
        return ps.stream().map(List::copyOf).toList();
    }
}

package org.truce.sensing;

import java.util.List;

/**
 * What an object looks like to a sensor's image analytics: a re-identification descriptor computed from the object's
 * picture (shape, load, markings, wear), so that a vehicle seen hours later kilometres away can be told from others of
 * its class. Immutable.
 *
 * <p>Contract with the analytics that produce it: descriptors are <em>whitened</em>, so that across objects each
 * component is standard normal and independent of the others; two looks at one object differ only by the measurement
 * noise, each component independently normal with standard deviation {@code sigma}. Descriptors are comparable only
 * when they come from one model, which the center assumes for all the sensors that feed it; the tracker ignores a
 * descriptor whose length differs from the one it holds for a track.
 *
 * @param descriptor the whitened descriptor, 1 to {@link #MAX_DIMENSIONS} finite components
 * @param sigma      1-sigma noise of each component, > 0 (grows with range and blur)
 */
public record Appearance(List<Double> descriptor, double sigma) {
    /** Longest descriptor accepted: re-identification embeddings are reduced to a few dozen components for transfer. */
    public static final int MAX_DIMENSIONS = 64;

    public Appearance {
        if (descriptor == null || descriptor.isEmpty() || descriptor.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("appearance.descriptor must have 1 to " + MAX_DIMENSIONS
                    + " components, had " + (descriptor == null ? 0 : descriptor.size()));
        }
        for (int i = 0; i < descriptor.size(); i++) {
            Double v = descriptor.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("appearance.descriptor[" + i + "] must be a finite number, was " + v);
            }
        }
        descriptor = List.copyOf(descriptor);
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("appearance.sigma must be > 0, was " + sigma);
        }
    }

    /** The descriptor's length. */
    public int dimensions() {
        return descriptor.size();
    }
}

/**
 * The ground vocabulary every part of the domain speaks: the ids of parties, contingents, zones, provisions, rules
 * and assets, and the kinds of assets and objects, with the uncertainty types in {@code org.truce.ground.uncertainty}.
 * These depend on nothing else of Truce's, so {@code agreement}, {@code geo}, {@code sensing} and {@code fusion} all
 * import them without a package loop (the core's architecture test checks it). Ids are non-blank strings, written
 * in JSON as plain strings by {@code org.truce.codec.TruceJson}. All immutable.
 */
package org.truce.ground;

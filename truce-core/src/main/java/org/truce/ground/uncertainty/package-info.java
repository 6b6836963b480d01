/**
 * Gaussian position uncertainty in a local metric frame: 2x2 covariances, error ellipses, and the probability that
 * an uncertain position lies inside a zone or on one side of a line, for the rules.
 */
package org.truce.ground.uncertainty;

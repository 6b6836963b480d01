/**
 * Coverage: which places were observed, when, by which assets, with what detection probability.
 *
 * <p>{@link org.truce.fusion.coverage.CoverageMap} answers for any place and interval;
 * {@link org.truce.fusion.coverage.CoverageGrid} tabulates line segments and zones per time bin. Both answer
 * {@link org.truce.fusion.coverage.Coverage.NotCovered} when nothing looked: "not seen" is not "not there".
 */
package org.truce.fusion.coverage;

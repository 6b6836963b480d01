package org.truce.fusion;

/** Track lifecycle: tentative until confirmed by enough hits, deleted after coasting too long. */
public enum TrackStatus { TENTATIVE, CONFIRMED, DELETED }

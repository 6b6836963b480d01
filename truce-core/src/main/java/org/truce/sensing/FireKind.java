package org.truce.sensing;

/** What a fire cue reports, as the OSCE's categories did. */
public enum FireKind { LAUNCH, IMPACT, EXPLOSION, SMALL_ARMS, UNDETERMINED }

package org.truce.cases;

/** An assessor's answer to "did the violation happen?". */
public enum Happened { YES, NO, UNDETERMINED }

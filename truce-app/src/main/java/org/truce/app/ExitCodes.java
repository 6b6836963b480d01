package org.truce.app;

/** The command line's exit codes. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {}
}

package ecstop.cli;

/** What the process tells its caller. */
final class ExitCode {
    static final int OK = 0;
    /** A bug: logged with its stack trace, one line on stderr. */
    static final int INTERNAL = 1;
    /** A usage or configuration error: the user can fix the command line or the config. */
    static final int USAGE = 2;
    /** AWS said no, or could not be reached. */
    static final int AWS = 3;
    /** --once --fail-on: a service shows one of the signals asked about. */
    static final int SIGNALLED = 4;

    private ExitCode() {}
}

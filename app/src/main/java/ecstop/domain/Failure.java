package ecstop.domain;

/**
 * Everything that can go wrong talking to AWS, reduced to what a person can act on.
 * {@link #line()} is the one line the CLI prints and the status bar shows.
 */
public record Failure(Kind kind, String action, String detail) {
    public enum Kind {
        NO_CREDENTIALS,
        SSO_EXPIRED,
        ACCESS_DENIED,
        THROTTLED,
        NETWORK,
        NOT_FOUND,
        BAD_REQUEST,
        /** The reader does not read this (a test fake, or a reader built without it). */
        UNSUPPORTED,
        UNKNOWN
    }

    /** One line: what happened, and what to do about it. */
    public String line() {
        String what = detail == null || detail.isBlank() ? "" : ": " + detail;
        return switch (kind) {
            case NO_CREDENTIALS -> "no AWS credentials found" + what
                    + " (set AWS_PROFILE or --profile, or run aws configure)";
            case SSO_EXPIRED -> "the SSO session has expired" + what;
            case ACCESS_DENIED -> "access denied to " + action + what + " (the IAM policy needs " + action + ")";
            case THROTTLED -> "AWS is throttling " + action + "; backing off";
            case NETWORK -> "cannot reach AWS for " + action + what + " (check the network, region and endpoint)";
            case NOT_FOUND -> "not found" + what;
            case BAD_REQUEST -> action + " was rejected" + what;
            case UNSUPPORTED -> action + " is not read here" + what;
            case UNKNOWN -> action + " failed" + what;
        };
    }

    /** Worth retrying by itself later: the same request may well work next time. */
    public boolean transientFault() {
        return kind == Kind.THROTTLED || kind == Kind.NETWORK || kind == Kind.UNKNOWN;
    }
}

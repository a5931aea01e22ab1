package ecstop.aws;

import ecstop.domain.Failure;

/** Carries a failure out of a worker thread, together with the AWS operation that met it. */
final class FailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient Failure failure;
    final String operation;

    /** A failure we recognised ourselves (a Forbidden metric result, say). */
    FailureException(Failure failure) {
        super(failure.line(), null, false, false);
        this.failure = failure;
        this.operation = failure.action();
    }

    /** Whatever the SDK threw while calling {@code operation}; mapped later by {@link Failures}. */
    FailureException(String operation, RuntimeException cause) {
        super(operation, cause, false, false);
        this.failure = null;
        this.operation = operation;
    }
}

package ecstop.emulator;

/** An error answer, thrown by an operation and written in the caller's protocol. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient AwsError error;

    ApiException(AwsError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }
}

package ecstop.config;

/**
 * The SDK retry mode: STANDARD (3 attempts, exponential backoff) or ADAPTIVE, which also
 * slows the client down after throttling. A plain enum so config stays free of the SDK.
 */
public enum RetryPolicy {
    STANDARD, ADAPTIVE
}

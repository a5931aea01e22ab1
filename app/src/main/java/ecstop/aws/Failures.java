package ecstop.aws;

import ecstop.domain.Failure;
import ecstop.domain.Failure.Kind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Reduces whatever the SDK throws to a {@link Failure} a person can act on. Error codes
 * are matched by name (the same code arrives as different exception classes depending on
 * the service model), messages only where the SDK gives nothing better: credential
 * providers report through SdkClientException text.
 */
final class Failures {
    private static final Set<String> DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException");
    private static final Set<String> EXPIRED = Set.of(
            "ExpiredToken", "ExpiredTokenException", "RequestExpired");
    private static final Set<String> REJECTED_CREDENTIALS = Set.of(
            "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken");
    private static final Set<String> THROTTLING = Set.of(
            "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
            "LimitExceededException", "RequestThrottled", "RequestThrottledException");
    private static final Set<String> BAD_REQUEST = Set.of(
            "InvalidParameterException", "InvalidParameterValue", "InvalidParameterCombination",
            "ValidationError", "ValidationException", "ClientException", "InvalidNextToken",
            "MissingRequiredParameter");

    /**
     * "SSO" as a word or an SSO class name; "session" or "process" must not match, and nor
     * may "sso-session": since SDK 2.2x every credential-chain message lists the profile
     * file's section kinds, "sections=[profiles, sso-session, services]", which made every
     * missing-credentials error read as an expired SSO session.
     */
    private static final Pattern SSO = Pattern.compile("\\bsso\\b(?!-session)|sso[_ ]session|ssocredentials|ssooidc|ssoprofile",
            Pattern.CASE_INSENSITIVE);

    private final Optional<String> profile;

    Failures(Optional<String> profile) {
        this.profile = profile;
    }

    /**
     * @param operation the AWS operation that failed, e.g. "ecs:ListServices"
     * @param cluster   the cluster it was about, for NOT_FOUND, or null
     */
    Failure of(Throwable thrown, String operation, String cluster) {
        Throwable t = unwrap(thrown);
        if (t instanceof AwsServiceException) {
            return service((AwsServiceException) t, operation, cluster);
        }
        String message = messages(t);
        String lower = message.toLowerCase(Locale.ROOT);
        boolean sso = SSO.matcher(message).find() || (!isNetwork(t) && thrownBySso(t));
        if (sso && (lower.contains("expired") || lower.contains("token") || lower.contains("refresh"))) {
            return new Failure(Kind.SSO_EXPIRED, operation, "run " + ssoLogin());
        }
        if (lower.contains("unable to load credentials") || lower.contains("no credentials")
                || lower.contains("profile file contained no credentials")) {
            return new Failure(Kind.NO_CREDENTIALS, operation, profile.map(p -> "profile '" + p + "' gives none").orElse(""));
        }
        if (isNetwork(t)) {
            return new Failure(Kind.NETWORK, operation, rootMessage(t));
        }
        if (t instanceof SdkClientException && lower.contains("unable to load region")) {
            return new Failure(Kind.BAD_REQUEST, operation, "no region; pass --region or set AWS_REGION");
        }
        return new Failure(Kind.UNKNOWN, operation, oneLine(t.getClass().getSimpleName() + ": " + t.getMessage()));
    }

    private Failure service(AwsServiceException e, String operation, String cluster) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String code0 = code == null ? "" : code;
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if ("ClusterNotFoundException".equals(code0)) {
            return new Failure(Kind.NOT_FOUND, operation, "cluster '" + cluster + "' does not exist in this account and region");
        }
        if ("ServiceNotFoundException".equals(code0) || "ResourceNotFoundException".equals(code0)) {
            return new Failure(Kind.NOT_FOUND, operation, oneLine(message));
        }
        if (DENIED.contains(code0)) {
            return new Failure(Kind.ACCESS_DENIED, operation, "");
        }
        if (EXPIRED.contains(code0)) {
            return new Failure(Kind.SSO_EXPIRED, operation,
                    "the session credentials expired (" + code0 + "); run " + ssoLogin() + " or refresh them");
        }
        if (REJECTED_CREDENTIALS.contains(code0)) {
            // An opt-in region the account has not enabled answers the same way.
            return new Failure(Kind.NO_CREDENTIALS, operation, "AWS rejected the credentials (" + code0
                    + "), or this region is not enabled for the account (enable it, or leave it out of --region)");
        }
        if (THROTTLING.contains(code0) || e.isThrottlingException()) {
            return new Failure(Kind.THROTTLED, operation, "");
        }
        if (BAD_REQUEST.contains(code0)) {
            return new Failure(Kind.BAD_REQUEST, operation, oneLine(message));
        }
        String status = e.statusCode() >= 500 ? "HTTP " + e.statusCode() + " " : "";
        return new Failure(Kind.UNKNOWN, operation, oneLine(status + code0 + (message == null ? "" : " " + message)).trim());
    }

    private String ssoLogin() {
        return "aws sso login" + profile.map(p -> " --profile " + p).orElse("");
    }

    private static Throwable unwrap(Throwable t) {
        Throwable out = t;
        while ((out instanceof CompletionException || out instanceof ExecutionException) && out.getCause() != null) {
            out = out.getCause();
        }
        return out;
    }

    /**
     * The SSO token provider's own words are bare ("Token is expired", after a refresh that
     * SSO-OIDC turned down); where it was thrown says what it was about.
     */
    private static boolean thrownBySso(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            for (StackTraceElement frame : c.getStackTrace()) {
                if (frame.getClassName().startsWith("software.amazon.awssdk.services.sso")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNetwork(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof SocketTimeoutException
                    || c instanceof UnknownHostException || c instanceof NoRouteToHostException
                    || c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException
                    || c instanceof java.net.http.HttpTimeoutException || c instanceof java.io.InterruptedIOException
                    || c instanceof javax.net.ssl.SSLException || c instanceof java.net.SocketException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c.getMessage() != null) {
                sb.append(c.getMessage()).append(' ');
            }
        }
        return sb.toString();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return oneLine(m);
    }

    /** Messages from AWS can span lines or carry control characters; a status line cannot. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String out = sb.toString().replaceAll(" +", " ").trim();
        return out.length() > 200 ? out.substring(0, 199) + "…" : out;
    }
}

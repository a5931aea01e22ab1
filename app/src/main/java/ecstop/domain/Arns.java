package ecstop.domain;

/** Names from ECS ARNs. Both ARN formats (with and without the cluster) end in the name. */
public final class Arns {
    private Arns() {}

    public static String lastSegment(String arn) {
        if (arn == null) {
            return "";
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : arn;
    }
}

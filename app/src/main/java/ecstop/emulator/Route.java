package ecstop.emulator;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.Locale;

/**
 * Which protocol, API and operation a request speaks, read from the path and headers (and,
 * for awsQuery, the form's Action); the rest of the body is read after the knobs have had
 * their say. {@code api} is null when the request names no service the emulator knows;
 * {@code operation} is null when it names none at all.
 */
record Route(Protocol protocol, Api api, String operation) {
    static final String ECS_PREFIX = "AmazonEC2ContainerServiceV20141113";
    static final String CLOUDWATCH_SERVICE = "GraniteServiceVersion20100801";
    static final String CLOUDWATCH_NAMESPACE = "com.amazonaws.cloudwatch";
    static final String AUTOSCALING_PREFIX = "AnyScaleFrontendService";
    static final String PRICING_PREFIX = "AWSPriceListService";

    /** The services the emulator answers, by the prefix IAM gives their actions. */
    enum Api {
        ECS("ecs"), CLOUDWATCH("cloudwatch"), AUTOSCALING("application-autoscaling"), PRICING("pricing");

        final String iamPrefix;

        Api(String iamPrefix) {
            this.iamPrefix = iamPrefix;
        }
    }

    boolean knownOperation() {
        if (api == null || operation == null) {
            return false;
        }
        return switch (api) {
            case ECS -> EcsApi.OPERATIONS.contains(operation);
            case CLOUDWATCH -> CloudWatchApi.OPERATIONS.contains(operation);
            case AUTOSCALING -> ScalingApi.OPERATIONS.contains(operation);
            case PRICING -> PricingApi.OPERATIONS.contains(operation);
        };
    }

    /**
     * awsQuery: a form post, or a GET with a query string, that is neither rpcv2 (by path) nor
     * JSON (by X-Amz-Target). Its operation is the form's Action, which the caller reads.
     */
    static boolean isQuery(String method, URI uri, Headers headers) {
        if (isRpcV2(uri) || headers.getFirst("X-Amz-Target") != null) {
            return false;
        }
        String contentType = headers.getFirst("Content-Type");
        boolean form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        return form || ("GET".equals(method) && uri.getRawQuery() != null);
    }

    /** {@code queryAction} is the Action of an awsQuery request, null for the others. */
    static Route of(String method, URI uri, Headers headers, String queryAction) {
        if (isQuery(method, uri, headers)) {
            return new Route(Protocol.AWS_QUERY, Api.CLOUDWATCH, queryAction);
        }
        String[] segments = path(uri).split("/");
        int n = segments.length;
        if (isRpcV2(uri)) {
            String service = segments[n - 3];
            boolean cloudWatch = service.equals(CLOUDWATCH_SERVICE)
                    || service.equals(CLOUDWATCH_NAMESPACE + "." + CLOUDWATCH_SERVICE);
            return new Route(Protocol.RPC_V2_CBOR, cloudWatch ? Api.CLOUDWATCH : null, segments[n - 1]);
        }
        String target = headers.getFirst("X-Amz-Target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            String prefix = dot >= 0 ? target.substring(0, dot) : "";
            String operation = dot >= 0 ? target.substring(dot + 1) : target;
            if (prefix.equals(ECS_PREFIX)) {
                return new Route(Protocol.AWS_JSON_1_1, Api.ECS, operation);
            }
            if (prefix.equals(CLOUDWATCH_SERVICE)) {
                return new Route(Protocol.AWS_JSON_1_0, Api.CLOUDWATCH, operation);
            }
            if (prefix.equals(AUTOSCALING_PREFIX)) {
                return new Route(Protocol.AWS_JSON_1_1, Api.AUTOSCALING, operation);
            }
            if (prefix.equals(PRICING_PREFIX)) {
                return new Route(Protocol.AWS_JSON_1_1, Api.PRICING, operation);
            }
            return new Route(jsonVersion(headers), null, operation);
        }
        return new Route(jsonVersion(headers), null, null);
    }

    /** {prefix?}/service/{serviceName}/operation/{operationName}: only the last four segments route. */
    private static boolean isRpcV2(URI uri) {
        String[] segments = path(uri).split("/");
        int n = segments.length;
        return n >= 4 && segments[n - 4].equals("service") && segments[n - 2].equals("operation");
    }

    private static String path(URI uri) {
        return uri.getPath() == null ? "" : uri.getPath();
    }

    private static Protocol jsonVersion(Headers headers) {
        String contentType = headers.getFirst("Content-Type");
        return contentType != null && contentType.contains("json-1.0") ? Protocol.AWS_JSON_1_0 : Protocol.AWS_JSON_1_1;
    }
}

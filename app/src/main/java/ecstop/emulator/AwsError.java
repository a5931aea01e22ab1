package ecstop.emulator;

/**
 * The errors the emulator answers, with the names each protocol gives them on the wire.
 * ECS (awsJson1_1) puts the bare shape name in {@code __type}. CloudWatch's JSON and CBOR
 * protocols are "awsQuery compatible": {@code __type} carries the absolute shape id and the
 * {@code x-amzn-query-error} header carries the old query code and fault, which is what the
 * SDK reports as the error code and how it tells throttling from the rest. The query
 * protocol's XML carries only the code. HTTP statuses follow the AWS common-errors tables.
 * An error modelled by one service only borrows the other's nearest generic names, used
 * when a request names no service the emulator knows.
 */
enum AwsError {
    MISSING_AUTHENTICATION(403, "MissingAuthenticationTokenException",
            "com.amazon.coral.service#MissingAuthenticationTokenException", "MissingAuthenticationToken", true),
    EXPIRED_TOKEN(403, "ExpiredTokenException",
            "com.amazon.coral.service#ExpiredTokenException", "ExpiredToken", true),
    UNRECOGNIZED_CLIENT(403, "UnrecognizedClientException",
            "com.amazon.coral.service#UnrecognizedClientException", "InvalidClientTokenId", true),
    ACCESS_DENIED(400, "AccessDeniedException",
            "com.amazon.coral.service#AccessDeniedException", "AccessDenied", true),
    THROTTLING(400, "ThrottlingException",
            "com.amazon.coral.availability#ThrottlingException", "Throttling", true),
    UNKNOWN_OPERATION(400, "UnknownOperationException",
            "com.amazon.coral.service#UnknownOperationException", "InvalidAction", true),
    INTERNAL_FAILURE(500, "ServerException",
            "com.amazon.coral.service#InternalFailure", "InternalFailure", false),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableException",
            "com.amazon.coral.availability#ServiceUnavailableException", "ServiceUnavailable", false),
    // ECS's modelled errors.
    INVALID_PARAMETER(400, "InvalidParameterException",
            "com.amazon.coral.validate#ValidationException", "ValidationError", true),
    CLUSTER_NOT_FOUND(400, "ClusterNotFoundException",
            "com.amazon.coral.validate#ValidationException", "ValidationError", true),
    /** ECS's answer to a task definition it cannot describe. */
    CLIENT_EXCEPTION(400, "ClientException",
            "com.amazon.coral.validate#ValidationException", "ValidationError", true),
    // Application Auto Scaling's and the Price List's modelled errors (both plain awsJson1_1).
    SCALING_VALIDATION(400, "ValidationException",
            "com.amazon.coral.validate#ValidationException", "ValidationError", true),
    NEXT_TOKEN_INVALID(400, "InvalidNextTokenException",
            "com.amazon.coral.validate#ValidationException", "InvalidNextToken", true),
    SERVICE_NOT_FOUND(400, "ServiceNotFoundException",
            "com.amazon.coral.validate#ValidationException", "ValidationError", true),
    // CloudWatch's modelled and generic errors.
    VALIDATION(400, "InvalidParameterException",
            "com.amazon.coral.validate#ValidationException", "ValidationError", true),
    INVALID_PARAMETER_VALUE(400, "InvalidParameterException",
            "com.amazonaws.cloudwatch#InvalidParameterValueException", "InvalidParameterValue", true),
    INVALID_PARAMETER_COMBINATION(400, "InvalidParameterException",
            "com.amazonaws.cloudwatch#InvalidParameterCombinationException", "InvalidParameterCombination", true),
    MISSING_PARAMETER(400, "InvalidParameterException",
            "com.amazonaws.cloudwatch#MissingRequiredParameterException", "MissingParameter", true),
    INVALID_NEXT_TOKEN(400, "InvalidParameterException",
            "com.amazonaws.cloudwatch#InvalidNextToken", "InvalidNextToken", true);

    final int status;
    final String ecsType;
    final String cloudWatchShape;
    final String queryCode;
    final boolean senderFault;

    AwsError(int status, String ecsType, String cloudWatchShape, String queryCode, boolean senderFault) {
        this.status = status;
        this.ecsType = ecsType;
        this.cloudWatchShape = cloudWatchShape;
        this.queryCode = queryCode;
        this.senderFault = senderFault;
    }

    /** The x-amzn-query-error header value: "Code;Sender" or "Code;Receiver". */
    String queryErrorHeader() {
        return queryCode + ";" + (senderFault ? "Sender" : "Receiver");
    }

    ApiException with(String message) {
        return new ApiException(this, message);
    }
}

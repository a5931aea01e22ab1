package ecstop.emulator;

/** The wire protocols the emulator speaks, and the content type each answers with. */
enum Protocol {
    /** ECS. */
    AWS_JSON_1_1("application/x-amz-json-1.1"),
    /** CloudWatch from botocore/awscli 1.x. */
    AWS_JSON_1_0("application/x-amz-json-1.0"),
    /** CloudWatch from the Java SDK since 2.40.6. */
    RPC_V2_CBOR("application/cbor"),
    /** CloudWatch from awscli 2.9 and boto3 1.26: form posts, XML answers. */
    AWS_QUERY("text/xml");

    final String contentType;

    Protocol(String contentType) {
        this.contentType = contentType;
    }
}

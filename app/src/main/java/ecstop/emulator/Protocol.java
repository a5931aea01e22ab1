package ecstop.emulator;

/** The wire protocols the emulator speaks, by their Smithy names, and the content type each answers with. */
enum Protocol {
    /** ECS. */
    AWS_JSON_1_1("awsJson1_1", "application/x-amz-json-1.1"),
    /** CloudWatch from botocore/awscli 1.x. */
    AWS_JSON_1_0("awsJson1_0", "application/x-amz-json-1.0"),
    /** CloudWatch from the Java SDK since 2.40.6. */
    RPC_V2_CBOR("rpc-v2-cbor", "application/cbor"),
    /** CloudWatch from awscli 2.9 and boto3 1.26: form posts, XML answers. */
    AWS_QUERY("awsQuery", "text/xml");

    final String wireName;
    final String contentType;

    Protocol(String wireName, String contentType) {
        this.wireName = wireName;
        this.contentType = contentType;
    }
}

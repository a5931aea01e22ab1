package ecstop.domain;

/** What DescribeServices says of a service: task counts and the state of its rollout. */
public record ServiceInfo(
        String name,
        String arn,
        String status,
        int desired,
        int running,
        int pending,
        String launchType,
        String taskDefinition,
        String rolloutState) {

    /** "web:42" from "arn:aws:ecs:…:task-definition/web:42". */
    public String taskDefinitionShort() {
        return Arns.lastSegment(taskDefinition);
    }
}

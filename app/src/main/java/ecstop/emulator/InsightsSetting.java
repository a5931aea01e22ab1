package ecstop.emulator;

/**
 * A cluster's {@code containerInsights} setting, as DescribeClusters returns it with
 * {@code include=["SETTINGS"]}: the ECS API reference's ClusterSetting gives exactly these three
 * values (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterSetting.html).
 * {@code enabled} publishes Container Insights' standard metrics, {@code enhanced} those and the
 * task- and container-level ones besides; see {@link ContainerInsights}.
 */
public enum InsightsSetting {
    DISABLED("disabled"), ENABLED("enabled"), ENHANCED("enhanced");

    public final String wireValue;

    InsightsSetting(String wireValue) {
        this.wireValue = wireValue;
    }
}

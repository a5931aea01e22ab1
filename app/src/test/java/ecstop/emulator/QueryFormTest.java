package ecstop.emulator;


import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** awsQuery's flattened form read back into the tree the JSON protocols give. */
class QueryFormTest {
    @Test
    void membersBecomeListsAndDotsBecomeStructures() {
        JsonNode n = QueryForm.parse("Action=GetMetricData&MetricDataQueries.member.2.Id=b"
                + "&MetricDataQueries.member.1.Id=a&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=ClusterName"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=storage-prod"
                + "&MetricDataQueries.member.1.MetricStat.Period=3600&Statistics.member.1=Maximum&Statistics.member.2=Average");

        assertThat(n.path("Action").asText()).isEqualTo("GetMetricData");
        assertThat(n.path("MetricDataQueries")).hasSize(2);
        assertThat(n.path("MetricDataQueries").get(0).path("Id").asText()).isEqualTo("a");
        assertThat(n.path("MetricDataQueries").get(1).path("Id").asText()).isEqualTo("b");
        JsonNode dim = n.path("MetricDataQueries").get(0).path("MetricStat").path("Metric").path("Dimensions").get(0);
        assertThat(dim.path("Name").asText()).isEqualTo("ClusterName");
        assertThat(dim.path("Value").asText()).isEqualTo("storage-prod");
        assertThat(n.path("MetricDataQueries").get(0).path("MetricStat").path("Period").asText()).isEqualTo("3600");
        assertThat(n.path("Statistics").get(1).asText()).isEqualTo("Average");
    }

    @Test
    void valuesAreUrlDecodedAsUtf8() {
        JsonNode n = QueryForm.parse("Namespace=AWS%2FECS&Label=caf%C3%A9+au+lait&Empty=");

        assertThat(n.path("Namespace").asText()).isEqualTo("AWS/ECS");
        assertThat(n.path("Label").asText()).isEqualTo("café au lait");
        assertThat(n.path("Empty").asText()).isEmpty();
    }

    @Test
    void anEmptyListReadsAsEmpty() {
        Inputs in = new Inputs(QueryForm.parse("Dimensions="), AwsError.VALIDATION);

        assertThat(in.list("Dimensions")).isEmpty();
    }
}

package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ECS over awsJson1_1 as it looks on the wire: paging, limits, failures, errors. */
class EcsJsonProtocolTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(fleet()).at(NOW);

    /** A hand-made cluster and two sized ones: one of 123 services, one empty. */
    static Fleet fleet() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("big", 123);
        sizes.put("empty", 0);
        Fleet fleet = Fleet.builder(7)
                .cluster("shop", 2, List.of(
                        SimService.running("web", SimService.EC2, 3),
                        SimService.running("worker", SimService.FARGATE, 2).deploying(2),
                        SimService.running("cron", SimService.FARGATE, 1).idle(0, 0)))
                .build();
        Fleet sized = Fleet.of(sizes, 7);
        Fleet.Builder both = Fleet.builder(7);
        for (SimCluster c : fleet.clusters()) {
            both.cluster(c.name(), c.containerInstances(), c.services());
        }
        for (SimCluster c : sized.clusters()) {
            both.cluster(c.name(), c.containerInstances(), c.services());
        }
        return both.build();
    }

    @Test
    void listClustersAnswersArnsInJson11() {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), "ListClusters", "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
        assertThat(texts(r.json().path("clusterArns"))).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:cluster/shop",
                "arn:aws:ecs:us-east-1:123456789012:cluster/big",
                "arn:aws:ecs:us-east-1:123456789012:cluster/empty");
        assertThat(r.json().has("nextToken")).isFalse();
    }

    @Test
    void listClustersPagesByMaxResults() {
        RawHttp.Response first = RawHttp.ecs(emulator.endpoint(), "ListClusters", "{\"maxResults\":2}");
        String token = first.json().path("nextToken").asText();
        RawHttp.Response second = RawHttp.ecs(emulator.endpoint(), "ListClusters",
                "{\"maxResults\":2,\"nextToken\":\"" + token + "\"}");

        assertThat(first.json().path("clusterArns")).hasSize(2);
        assertThat(token).isNotBlank();
        assertThat(texts(second.json().path("clusterArns"))).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:cluster/empty");
        assertThat(second.json().has("nextToken")).isFalse();
    }

    @Test
    void listServicesDefaultsToTenPerPageAndPagesToTheEnd() {
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String body = token == null ? "{\"cluster\":\"big\"}" : "{\"cluster\":\"big\",\"nextToken\":\"" + token + "\"}";
            JsonNode page = RawHttp.ecs(emulator.endpoint(), "ListServices", body).json();
            assertThat(page.path("serviceArns").size()).isLessThanOrEqualTo(10);
            all.addAll(texts(page.path("serviceArns")));
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(13);
        assertThat(all).hasSize(123).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/big/svc-0000");
        assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(13);
    }

    @Test
    void listServicesTakesAHundredAtMostAndAClusterArn() {
        JsonNode page = RawHttp.ecs(emulator.endpoint(), "ListServices",
                "{\"cluster\":\"arn:aws:ecs:us-east-1:123456789012:cluster/big\",\"maxResults\":100}").json();
        RawHttp.Response tooMany = RawHttp.ecs(emulator.endpoint(), "ListServices", "{\"cluster\":\"big\",\"maxResults\":101}");
        RawHttp.Response zero = RawHttp.ecs(emulator.endpoint(), "ListServices", "{\"cluster\":\"big\",\"maxResults\":0}");

        assertThat(page.path("serviceArns")).hasSize(100);
        assertThat(page.hasNonNull("nextToken")).isTrue();
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(zero.json().path("__type").asText()).isEqualTo("InvalidParameterException");
    }

    @Test
    void emptyClusterListsNothing() {
        JsonNode page = RawHttp.ecs(emulator.endpoint(), "ListServices", "{\"cluster\":\"empty\"}").json();

        assertThat(page.path("serviceArns").isArray()).isTrue();
        assertThat(page.path("serviceArns")).isEmpty();
        assertThat(page.has("nextToken")).isFalse();
    }

    @Test
    void aTokenFromAnotherClusterIsRefused() {
        String token = RawHttp.ecs(emulator.endpoint(), "ListServices", "{\"cluster\":\"big\"}").json().path("nextToken").asText();

        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), "ListServices",
                "{\"cluster\":\"shop\",\"nextToken\":\"" + token + "\"}");
        RawHttp.Response garbage = RawHttp.ecs(emulator.endpoint(), "ListServices",
                "{\"cluster\":\"big\",\"nextToken\":\"not-a-token\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(garbage.json().path("__type").asText()).isEqualTo("InvalidParameterException");
    }

    @Test
    void unknownClusterIsClusterNotFound() {
        RawHttp.Response list = RawHttp.ecs(emulator.endpoint(), "ListServices", "{\"cluster\":\"nope\"}");
        RawHttp.Response describe = RawHttp.ecs(emulator.endpoint(), "DescribeServices",
                "{\"cluster\":\"nope\",\"services\":[\"web\"]}");

        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().path("__type").asText()).isEqualTo("ClusterNotFoundException");
        assertThat(list.json().path("message").asText()).isEqualTo("Cluster not found.");
        assertThat(describe.json().path("__type").asText()).isEqualTo("ClusterNotFoundException");
    }

    @Test
    void describeClustersCountsServicesAndTasksAndReportsMissingOnes() {
        JsonNode r = RawHttp.ecs(emulator.endpoint(), "DescribeClusters", "{\"clusters\":[\"shop\",\"nope\"]}").json();

        JsonNode shop = r.path("clusters").get(0);
        assertThat(shop.path("clusterName").asText()).isEqualTo("shop");
        assertThat(shop.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(shop.path("activeServicesCount").asInt()).isEqualTo(3);
        assertThat(shop.path("runningTasksCount").asInt()).isEqualTo(5);
        assertThat(shop.path("pendingTasksCount").asInt()).isEqualTo(2);
        assertThat(shop.path("registeredContainerInstancesCount").asInt()).isEqualTo(2);
        assertThat(r.path("failures").get(0).path("arn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/nope");
        assertThat(r.path("failures").get(0).path("reason").asText()).isEqualTo("MISSING");
    }

    @Test
    void describeClustersTakesAtMostAHundred() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            names.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), "DescribeClusters", "{\"clusters\":[" + names + "]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).isEqualTo("InvalidParameterException");
    }

    @Test
    void describeServicesByNameAndArnWithUnknownOnesInFailures() {
        JsonNode r = RawHttp.ecs(emulator.endpoint(), "DescribeServices", "{\"cluster\":\"shop\",\"services\":["
                + "\"web\",\"arn:aws:ecs:us-east-1:123456789012:service/shop/worker\",\"ghost\","
                + "\"arn:aws:ecs:us-east-1:123456789012:service/big/svc-0001\"]}").json();

        assertThat(r.path("services")).hasSize(2);
        JsonNode web = r.path("services").get(0);
        assertThat(web.path("serviceName").asText()).isEqualTo("web");
        assertThat(web.path("serviceArn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/shop/web");
        assertThat(web.path("clusterArn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/shop");
        assertThat(web.path("launchType").asText()).isEqualTo("EC2");
        assertThat(web.path("desiredCount").asInt()).isEqualTo(3);
        assertThat(web.path("runningCount").asInt()).isEqualTo(3);
        assertThat(web.path("createdAt").isNumber()).isTrue();
        assertThat(web.path("taskDefinition").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(web.path("deployments")).hasSize(1);
        assertThat(web.path("deployments").get(0).path("rolloutState").asText()).isEqualTo("COMPLETED");
        assertThat(texts(r.path("failures"), "arn")).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:service/shop/ghost",
                "arn:aws:ecs:us-east-1:123456789012:service/big/svc-0001");
        assertThat(texts(r.path("failures"), "reason")).containsOnly("MISSING");
    }

    @Test
    void aServiceMidDeploymentHasTwoDeploymentsAndPendingTasks() {
        JsonNode worker = RawHttp.ecs(emulator.endpoint(), "DescribeServices",
                "{\"cluster\":\"shop\",\"services\":[\"worker\"]}").json().path("services").get(0);

        assertThat(worker.path("desiredCount").asInt()).isEqualTo(4);
        assertThat(worker.path("runningCount").asInt()).isEqualTo(2);
        assertThat(worker.path("pendingCount").asInt()).isEqualTo(2);
        assertThat(worker.path("taskDefinition").asText()).endsWith("worker:2");
        JsonNode primary = worker.path("deployments").get(0);
        assertThat(primary.path("status").asText()).isEqualTo("PRIMARY");
        assertThat(primary.path("rolloutState").asText()).isEqualTo("IN_PROGRESS");
        assertThat(primary.path("pendingCount").asInt()).isEqualTo(2);
        assertThat(worker.path("deployments").get(1).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(worker.path("deployments").get(1).path("taskDefinition").asText()).endsWith("worker:1");
    }

    @Test
    void describeServicesTakesAtMostTen() {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), "DescribeServices", "{\"cluster\":\"big\",\"services\":["
                + "\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(r.json().path("message").asText()).contains("at most 10");
    }

    @Test
    void aRequestWithoutAuthorizationIsRejected() {
        RawHttp.Response r = RawHttp.post(emulator.endpoint(), Map.of(
                "Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void anUnknownOperationIsRejectedAndLogged() {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), "UpdateService", "{\"cluster\":\"shop\",\"service\":\"web\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(emulator.log().snapshot().operations()).containsExactly("UpdateService");
    }

    @Test
    void aMalformedBodyIsABadRequestNotACrash() {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), "ListClusters", "{not json");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).isEqualTo("InvalidParameterException");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}

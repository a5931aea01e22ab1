package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * ecs-top is read-only by construction: the main sources name the AWS SDK only in ecstop.aws,
 * Lanterna only in ecstop.ui, and of all the operations the ECS, CloudWatch, Application Auto
 * Scaling and Price List clients offer they call the eleven reads and nothing else, nor name a
 * request model of any other.
 * Comments and string literals are blanked first, so a log category or a doc comment does
 * not count; code does.
 */
class ReadOnlySourceTest {
    static final Path MAIN = Path.of("src/main/java");
    static final Set<String> READ_CALLS = Set.of(
            "listClusters", "describeClusters", "listServices", "describeServices", "getMetricData",
            "describeTaskDefinition", "describeScalingPolicies", "getProducts", "listTasks", "describeTasks",
            "describeScalingActivities");
    static final Set<String> READ_REQUESTS = Set.of(
            "ListClustersRequest", "DescribeClustersRequest", "ListServicesRequest", "DescribeServicesRequest",
            "GetMetricDataRequest", "DescribeTaskDefinitionRequest", "DescribeScalingPoliciesRequest", "GetProductsRequest",
            "ListTasksRequest", "DescribeTasksRequest", "DescribeScalingActivitiesRequest");
    static final Pattern MUTATING_REQUEST = Pattern.compile(
            "\\b(?:Create|Update|Delete|Put|Register|Deregister|Run|Start|Stop|Tag|Untag|Submit|Execute|Set|Enable"
                    + "|Disable|Modify|Attach|Detach|Associate|Disassociate|Mark)[A-Z]\\w*Request\\b");
    static final Pattern ANY_REQUEST = Pattern.compile("\\b[A-Z]\\w*Request\\b");

    static Map<Path, String> sources;

    @BeforeAll
    static void read() throws IOException {
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(MAIN.relativize(p), codeOnly(Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        assertThat(sources).as("the main sources were found").hasSizeGreaterThan(50);
    }

    /** The source with comments, string and character literals blanked out. */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                out.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? src.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<String> offenders(Pattern p, java.util.function.Predicate<Path> where) {
        List<String> found = new ArrayList<>();
        sources.forEach((path, code) -> {
            if (!where.test(path)) {
                return;
            }
            Matcher m = p.matcher(code);
            while (m.find()) {
                found.add(path + ": " + m.group());
            }
        });
        return found;
    }

    @Test
    void theSdkIsNamedOnlyInTheAwsPackage() {
        assertThat(offenders(Pattern.compile("\\bsoftware\\s*\\.\\s*amazon\\s*\\.\\s*awssdk\\b"),
                p -> !p.startsWith(Path.of("ecstop", "aws")))).isEmpty();
    }

    @Test
    void lanternaIsNamedOnlyInTheUiPackage() {
        assertThat(offenders(Pattern.compile("\\bcom\\s*\\.\\s*googlecode\\s*\\.\\s*lanterna\\b"),
                p -> !p.startsWith(Path.of("ecstop", "ui")))).isEmpty();
    }

    @Test
    void noRequestModelOfAMutatingOperation() {
        assertThat(offenders(MUTATING_REQUEST, p -> true)).isEmpty();
    }

    @Test
    void theAwsPackageNamesOnlyTheReadRequests() {
        Set<String> named = new TreeSet<>();
        offenders(ANY_REQUEST, p -> p.startsWith(Path.of("ecstop", "aws")))
                .forEach(s -> named.add(s.substring(s.indexOf(": ") + 2)));
        // SnapshotRequest and FleetRequest are ecs-top's own records
        named.remove("SnapshotRequest");
        named.remove("FleetRequest");
        assertThat(named).isNotEmpty().isSubsetOf(READ_REQUESTS);
    }

    /** Every operation the two clients offer, by method name: the ones that answer an SDK response or pages of them. */
    static Set<String> operations(Class<?> client) {
        Set<String> ops = new TreeSet<>();
        for (Method m : client.getMethods()) {
            Class<?> r = m.getReturnType();
            if (SdkResponse.class.isAssignableFrom(r) || r.getSimpleName().endsWith("Iterable")) {
                ops.add(m.getName());
            }
        }
        return ops;
    }

    @Test
    void ofAllTheClientsOperationsOnlyTheReadsAreCalled() {
        Set<String> ops = new TreeSet<>(operations(EcsClient.class));
        ops.addAll(operations(CloudWatchClient.class));
        ops.addAll(operations(software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient.class));
        ops.addAll(operations(software.amazon.awssdk.services.pricing.PricingClient.class));
        assertThat(ops).as("the clients' operations were found").contains("createService", "putMetricData",
                "deleteCluster", "listServices", "getMetricData", "putScalingPolicy", "registerScalableTarget",
                "deleteScalingPolicy", "getProducts", "registerTaskDefinition");
        List<String> called = new ArrayList<>();
        for (String op : ops) {
            called.addAll(offenders(Pattern.compile("\\.\\s*" + op + "\\s*\\("), p -> true));
        }
        assertThat(called).isNotEmpty()
                .allSatisfy(c -> assertThat(READ_CALLS).contains(c.replaceAll(".*\\.\\s*(\\w+)\\s*\\($", "$1")));
    }

    /** The IAM policy the README gives is exactly the reads the sources call: no more, no fewer. */
    @Test
    void theReadmesIamPolicyListsExactlyTheReadsCalled() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("\"Action\":\\s*\\[([^\\]]*)\\]").matcher(readme);
        assertThat(block.find()).as("the README has an IAM policy").isTrue();
        Set<String> actions = new TreeSet<>();
        Matcher action = Pattern.compile("\"(ecs|cloudwatch|application-autoscaling|pricing):(\\w+)\"").matcher(block.group(1));
        while (action.find()) {
            actions.add(Character.toLowerCase(action.group(2).charAt(0)) + action.group(2).substring(1));
        }
        assertThat(actions).isEqualTo(new TreeSet<>(READ_CALLS));
    }

    @Test
    void theCheckSeesWhatItLooksFor() {
        String code = codeOnly("import software.amazon.awssdk.x; // software.amazon.awssdk.y\n"
                + "String s = \"software.amazon.awssdk.z\"; ecs.deleteService(DeleteServiceRequest.builder().build());");
        assertThat(code).contains("software.amazon.awssdk.x").doesNotContain("awssdk.y").doesNotContain("awssdk.z");
        assertThat(MUTATING_REQUEST.matcher(code).find()).isTrue();
        assertThat(Pattern.compile("\\.\\s*deleteService\\s*\\(").matcher(code).find()).isTrue();
    }
}

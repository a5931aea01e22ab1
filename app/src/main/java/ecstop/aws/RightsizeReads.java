package ecstop.aws;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.rightsize.BundledPrices;
import ecstop.domain.rightsize.ContainerSize;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.ScalingPolicy;
import ecstop.domain.rightsize.TaskDefinition;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * The three reads right-sizing adds, each one method:
 * <ul>
 * <li>{@link #taskDefinitions}: DescribeTaskDefinition, one call per ARN not yet seen; a
 *     revision never changes, so each is kept for the life of the process;</li>
 * <li>{@link #scalingPolicies}: DescribeScalingPolicies for the whole ecs namespace of the
 *     region at 10 a page (the API takes one ResourceId, or none: listing them all is its
 *     batch), kept {@value #POLICY_TTL_MINUTES} minutes and filtered to the cluster;</li>
 * <li>{@link #fargatePrices}: GetProducts for AmazonECS in the region, kept a day in memory and
 *     on disk, with the bundled, dated table standing in when the API cannot be reached or
 *     is denied.</li>
 * </ul>
 */
final class RightsizeReads {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RightsizeReads.class);
    static final int POLICY_PAGE = 10;
    static final int PRICE_PAGE = 100;
    static final int POLICY_TTL_MINUTES = 5;
    static final String DESCRIBE_TASK_DEFINITION = "DescribeTaskDefinition";
    static final String DESCRIBE_SCALING_POLICIES = "DescribeScalingPolicies";
    static final String GET_PRODUCTS = "GetProducts";

    private record Policies(Instant at, List<software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy> all) {}

    private final Supplier<EcsClient> ecs;
    private final Supplier<ApplicationAutoScalingClient> scaling;
    private final Supplier<PricingClient> pricing;
    private final TokenBucket taskDefinitionReads;
    private final Failures failures;
    private final Consumer<CallStats> spent;
    private final PriceCache prices;
    private final Clock clock;
    private final Map<String, TaskDefinition> taskDefinitions = new ConcurrentHashMap<>();
    private Policies policies; // guarded by this

    RightsizeReads(Supplier<EcsClient> ecs, Supplier<ApplicationAutoScalingClient> scaling, Supplier<PricingClient> pricing,
                   TokenBucket taskDefinitionReads, Failures failures, Consumer<CallStats> spent, PriceCache prices,
                   Clock clock) {
        this.ecs = ecs;
        this.scaling = scaling;
        this.pricing = pricing;
        this.taskDefinitionReads = taskDefinitionReads;
        this.failures = failures;
        this.spent = spent;
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * The task definitions by ARN, reading only those not read before. One that ECS cannot
     * describe any more (a deleted revision) is left out and logged; any other failure is Left.
     */
    Either<Failure, Map<String, TaskDefinition>> taskDefinitions(ClusterRef cluster, Collection<String> arns) {
        CallTally tally = new CallTally();
        try {
            for (String arn : new LinkedHashSet<>(arns)) {
                if (arn == null || arn.isBlank() || taskDefinitions.containsKey(arn)) {
                    continue;
                }
                taskDefinitionReads.acquire();
                tally.call(DESCRIBE_TASK_DEFINITION);
                try {
                    software.amazon.awssdk.services.ecs.model.TaskDefinition td = AwsFleetReader.call(
                            "ecs:" + DESCRIBE_TASK_DEFINITION, () -> ecs.get().describeTaskDefinition(
                                    DescribeTaskDefinitionRequest.builder().taskDefinition(arn)
                                            .overrideConfiguration(o -> o.addMetricPublisher(tally)).build())).taskDefinition();
                    taskDefinitions.put(arn, domain(arn, td));
                } catch (FailureException e) {
                    if (!(e.getCause() instanceof software.amazon.awssdk.services.ecs.model.ClientException)) {
                        throw e;
                    }
                    LOG.info("task definition {} of cluster {} cannot be described: {}", arn, cluster.name(),
                            e.getCause().getMessage());
                }
            }
            Map<String, TaskDefinition> out = new LinkedHashMap<>();
            arns.forEach(a -> Optional.ofNullable(a).map(taskDefinitions::get).ifPresent(td -> out.put(a, td)));
            return Either.right(out);
        } catch (FailureException e) {
            return Either.left(failures.of(e.getCause(), e.operation, cluster.name()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:" + DESCRIBE_TASK_DEFINITION, "interrupted"));
        } finally {
            spent.accept(tally.stats());
        }
    }

    static TaskDefinition domain(String arn, software.amazon.awssdk.services.ecs.model.TaskDefinition td) {
        List<ContainerSize> containers = new ArrayList<>();
        for (ContainerDefinition c : td.containerDefinitions()) {
            containers.add(new ContainerSize(c.name(), c.cpu() == null ? 0 : c.cpu(), optional(c.memory()),
                    optional(c.memoryReservation()), c.essential() == null || c.essential()));
        }
        String arch = td.runtimePlatform() == null ? null : td.runtimePlatform().cpuArchitectureAsString();
        String os = td.runtimePlatform() == null ? null : td.runtimePlatform().operatingSystemFamilyAsString();
        return new TaskDefinition(td.taskDefinitionArn() == null ? arn : td.taskDefinitionArn(), td.family(),
                td.revision() == null ? 0 : td.revision(), td.requiresCompatibilitiesAsStrings(), units(td.cpu(), "vcpu"),
                units(td.memory(), "gb"), arch, os, containers);
    }

    /** Task-level sizes are strings: "1024", or as registered, "1 vCPU" / "2 GB" (1,024 units or MiB each). */
    static OptionalInt units(String text, String bigUnit) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith(bigUnit)) {
                return OptionalInt.of((int) Math.round(Double.parseDouble(t.substring(0, t.length() - bigUnit.length()).trim()) * 1024));
            }
            return OptionalInt.of(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt optional(Integer i) {
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /**
     * Each service of the cluster that has scaling policies, with them. The ecs namespace of
     * the region is listed at most once every {@value #POLICY_TTL_MINUTES} minutes, whichever
     * clusters ask: ceil(P/10) calls for P policies in the region.
     */
    synchronized Either<Failure, Map<String, List<ScalingPolicy>>> scalingPolicies(ClusterRef cluster) {
        Instant now = clock.instant();
        if (policies == null || Duration.between(policies.at(), now).compareTo(Duration.ofMinutes(POLICY_TTL_MINUTES)) >= 0) {
            CallTally tally = new CallTally();
            try {
                List<software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy> all = new ArrayList<>();
                String token = null;
                do {
                    tally.call(DESCRIBE_SCALING_POLICIES);
                    String t = token;
                    DescribeScalingPoliciesResponse r = AwsFleetReader.call("application-autoscaling:" + DESCRIBE_SCALING_POLICIES,
                            () -> scaling.get().describeScalingPolicies(DescribeScalingPoliciesRequest.builder()
                                    .serviceNamespace("ecs").maxResults(POLICY_PAGE).nextToken(t)
                                    .overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
                    all.addAll(r.scalingPolicies());
                    token = r.nextToken();
                } while (token != null && !token.isEmpty());
                policies = new Policies(now, List.copyOf(all));
            } catch (FailureException e) {
                return Either.left(failures.of(e.getCause(), e.operation, cluster.name()));
            } finally {
                spent.accept(tally.stats());
            }
        }
        String prefix = "service/" + cluster.name() + "/";
        Map<String, List<ScalingPolicy>> out = new LinkedHashMap<>();
        for (var p : policies.all()) {
            if (p.resourceId() != null && p.resourceId().startsWith(prefix)) {
                out.computeIfAbsent(p.resourceId().substring(prefix.length()), k -> new ArrayList<>()).add(domain(p));
            }
        }
        return Either.right(out);
    }

    static ScalingPolicy domain(software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy p) {
        TargetTrackingScalingPolicyConfiguration tt = p.targetTrackingScalingPolicyConfiguration();
        String metric = "";
        String namespace = "";
        if (tt != null && tt.predefinedMetricSpecification() != null) {
            metric = tt.predefinedMetricSpecification().predefinedMetricTypeAsString();
        } else if (tt != null && tt.customizedMetricSpecification() != null) {
            metric = tt.customizedMetricSpecification().metricName();
            namespace = tt.customizedMetricSpecification().namespace();
        }
        return new ScalingPolicy(p.policyName(), p.policyTypeAsString(), metric, namespace);
    }

    /**
     * The Fargate prices of the cluster's region: from the cache when less than a day old,
     * else from the Price List API (then cached), else from the bundled table, which says why
     * it stands in. Left only when the API fails and the table does not cover the region.
     */
    Either<Failure, FargatePrices> fargatePrices(ClusterRef cluster) {
        String region = cluster.target().region();
        Instant now = clock.instant();
        Optional<FargatePrices> cached = prices.fresh(region, now);
        if (cached.isPresent()) {
            return Either.right(cached.get());
        }
        Either<Failure, FargatePrices> fetched = fetchPrices(region, now);
        fetched.forEach(prices::put);
        return fetched.fold(f -> BundledPrices.forRegion(region)
                .map(b -> Either.<Failure, FargatePrices>right(b.withSource(FargatePrices.Source.BUNDLED,
                        "the Price List API: " + f.line())))
                .orElseGet(() -> Either.left(f)), Either::right);
    }

    private Either<Failure, FargatePrices> fetchPrices(String region, Instant now) {
        CallTally tally = new CallTally();
        String action = "pricing:" + GET_PRODUCTS;
        try {
            List<String> items = new ArrayList<>();
            String token = null;
            do {
                tally.call(GET_PRODUCTS);
                String t = token;
                GetProductsResponse r = AwsFleetReader.call(action, () -> pricing.get().getProducts(GetProductsRequest.builder()
                        .serviceCode("AmazonECS").formatVersion("aws_v1").maxResults(PRICE_PAGE).nextToken(t)
                        .filters(Filter.builder().type(FilterType.TERM_MATCH).field("regionCode").value(region).build())
                        .overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
                items.addAll(r.priceList());
                token = r.nextToken();
            } while (token != null && !token.isEmpty());
            var rates = PriceListParser.fargate(region, items);
            if (!rates.containsKey(TaskDefinition.X86_64)) {
                return Either.left(new Failure(Failure.Kind.NOT_FOUND, action, "no Fargate prices for " + region));
            }
            return Either.right(new FargatePrices(region, rates, FargatePrices.Source.PRICE_LIST_API,
                    now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), ""));
        } catch (FailureException e) {
            return Either.left(failures.of(e.getCause(), e.operation, null));
        } finally {
            spent.accept(tally.stats());
        }
    }
}

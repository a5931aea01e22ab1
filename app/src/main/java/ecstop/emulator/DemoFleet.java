package ecstop.emulator;

import static ecstop.emulator.SimService.EC2;
import static ecstop.emulator.SimService.FARGATE;

import ecstop.emulator.LoadProfile.Trait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet `ecs-top --demo` shows: every case the UI must draw well, in a few clusters a
 * person can take in at a glance, and every reason a service can be starved: OOM kills
 * (file-finder, am-redis), a crash loop (load), tasks failing health checks under a rollout
 * stuck for hours (am-mcp-client), an EC2 cluster out of CPU and memory so tasks stay
 * pending (ingests-tracker, bag-unpacker), Fargate out of capacity (the idle catalogue
 * services that want a task), a release that fails and is rolled back every hour
 * (transform), and a job no service runs (nightly-report). None of it changes a figure.
 */
final class DemoFleet {
    private static final String[] AREAS = {
        "search", "orders", "payments", "catalogue", "inventory", "users", "auth", "billing",
        "shipping", "media", "images", "reports", "alerts", "audit", "ledger", "pricing",
        "reviews", "notify", "profile", "session", "cart", "checkout", "feeds", "graph",
        "ingest", "export", "import", "sync", "tiles", "maps"};
    private static final String[] ROLES = {
        "api", "worker", "consumer", "scheduler", "indexer", "gateway", "cache", "cron",
        "web", "admin", "proxy", "stream", "reader", "writer", "router", "batch"};

    private DemoFleet() {}

    static Fleet.Builder build(Fleet.Builder b, long seed, int bigClusterServices) {
        if (bigClusterServices < 0) {
            throw new IllegalArgumentException("bigClusterServices must be >= 0, got " + bigClusterServices);
        }
        String p = "storage-prod_";
        b.cluster("storage-prod", 6, List.of(
                SimService.running(p + "register", EC2, 2),
                SimService.running(p + "replicator", EC2, 3).withTraits(Trait.HOT, Trait.NIGHTLY_BATCH),
                SimService.running(p + "ingests", EC2, 2).idle(0, 0),
                SimService.running(p + "bag-verifier", EC2, 4).withTraits(Trait.MEMORY_SOFT_LIMIT),
                SimService.running(p + "bag-unpacker", EC2, 2).deploying(2).withTrouble(Trouble.PLACEMENT_MEMORY),
                SimService.running(p + "bag-tagger", EC2, 2).withTraits(Trait.BURSTY),
                SimService.running(p + "bag-auditor", EC2, 1),
                SimService.running(p + "notifier", EC2, 1),
                SimService.running(p + "file-finder", EC2, 2).withTraits(Trait.LEAKY)
                        .withTrouble(Trouble.OOM_KILLS, Trouble.LEAKING_RELEASE),
                SimService.running(p + "ingests-tracker", EC2, 1).idle(1, 1).withTrouble(Trouble.PLACEMENT_CPU),
                SimService.running(p + "ingests-api", FARGATE, 2),
                SimService.running(p + "bags-api", FARGATE, 3).withTraits(Trait.BURSTY)));
        b.cluster("catalogue", 0, bigCluster(seed, bigClusterServices));
        b.cluster("archivematica", 3, List.of(
                SimService.running("am-dashboard", EC2, 1),
                SimService.running("am-mcp-server", EC2, 1).withTraits(Trait.HOT),
                SimService.running("am-mcp-client", EC2, 6).withTraits(Trait.BURSTY).deploying(3)
                        .withTrouble(Trouble.STUCK_DEPLOYMENT, Trouble.HEALTH_CHURN),
                SimService.running("am-storage-service", EC2, 1).withTraits(Trait.MEMORY_SOFT_LIMIT),
                SimService.running("am-clamav", EC2, 2).withTraits(Trait.NIGHTLY_BATCH),
                SimService.running("am-fits", EC2, 2),
                SimService.running("am-gearman", EC2, 1),
                SimService.running("am-nginx", FARGATE, 2),
                SimService.running("am-redis", FARGATE, 1).withTraits(Trait.LEAKY).withTrouble(Trouble.OOM_KILLS),
                SimService.running("am-mysql-backup", FARGATE, 1).idle(0, 0)));
        b.cluster("data-pipeline", 0, List.of(
                SimService.running("extract", FARGATE, 2).withTraits(Trait.NIGHTLY_BATCH),
                SimService.running("transform", FARGATE, 4).withTraits(Trait.BURSTY).withTrouble(Trouble.FAILED_ROLLOUT),
                SimService.running("load", FARGATE, 2).withTrouble(Trouble.CRASH_LOOP),
                SimService.running("scheduler", FARGATE, 1),
                SimService.running("backfill", FARGATE, 1).idle(0, 0)));
        b.job(new SimJob("nightly-report", Duration.ofMinutes(20), 0));
        // Container Insights' standard metrics: per service, not per task.
        b.insights(InsightsSetting.ENABLED);
        b.cluster("sandbox", 0, List.of());
        // Services that scale out on their own: right-sizing leaves the tracked axis alone.
        b.scalingPolicy(SimScalingPolicy.targetTracking("storage-prod", p + "bags-api", "ECSServiceAverageCPUUtilization", 60));
        b.scalingPolicy(SimScalingPolicy.targetTracking("data-pipeline", "transform", "ECSServiceAverageCPUUtilization", 70));
        b.scalingPolicy(SimScalingPolicy.targetTracking("data-pipeline", "transform", "ECSServiceAverageMemoryUtilization", 80));
        b.scalingPolicy(SimScalingPolicy.targetTracking("archivematica", "am-nginx", "ALBRequestCountPerTarget", 1000));
        b.scalingPolicy(SimScalingPolicy.targetTracking("archivematica", "am-fits", "AWS/ECS MemoryUtilization", 75));
        b.scalingPolicy(SimScalingPolicy.step("archivematica", "am-mcp-client"));
        if (bigClusterServices > 0) {
            b.scalingPolicy(SimScalingPolicy.targetTracking("catalogue", AREAS[0] + "-" + ROLES[0],
                    "ECSServiceAverageCPUUtilization", 50));
        }
        return b;
    }

    /**
     * The demo's second region: two clusters of its own, so a fleet across regions has
     * something to tell apart. checkout-eu has Container Insights with enhanced observability:
     * one task of cart-api is hot while its three siblings idle, receipts' log-router sidecar
     * climbs to its hard limit while the application stays near 40%, and one task of payments
     * is close to filling its ephemeral storage.
     */
    static Fleet.Builder europe(Fleet.Builder b) {
        b.cluster("checkout-eu", 0, List.of(
                SimService.running("cart-api", FARGATE, 4).withTraits(Trait.HOT_TASK),
                SimService.running("payments", FARGATE, 3).withTraits(Trait.HOT, Trait.DISK_FILLING),
                SimService.running("fraud-scorer", FARGATE, 2).withTraits(Trait.MEMORY_SOFT_LIMIT),
                SimService.running("receipts", FARGATE, 1).withTraits(Trait.SIDECAR_LEAK),
                SimService.running("refunds", FARGATE, 1).idle(0, 0)));
        b.insights(InsightsSetting.ENHANCED);
        b.cluster("media-eu", 2, List.of(
                SimService.running("thumbnailer", EC2, 3).withTraits(Trait.NIGHTLY_BATCH),
                SimService.running("transcoder", EC2, 2).withTraits(Trait.HOT, Trait.BURSTY),
                SimService.running("cdn-purger", EC2, 1).withTraits(Trait.LEAKY)));
        return b;
    }

    /** A linked source account's cluster, seen by the demo's monitoring account through CloudWatch only. */
    static Fleet.Builder analytics(Fleet.Builder b) {
        b.cluster("analytics-prod", 0, List.of(
                SimService.running("spark-driver", FARGATE, 1).withTraits(Trait.MEMORY_SOFT_LIMIT),
                SimService.running("spark-executor", FARGATE, 6).withTraits(Trait.HOT),
                SimService.running("notebooks", FARGATE, 2).withTraits(Trait.BURSTY),
                SimService.running("airflow", FARGATE, 2).withTraits(Trait.NIGHTLY_BATCH)));
        return b;
    }

    /** Fargate services named area-role, seeded traits: a few idle, deploying, bursting, leaking. */
    private static List<SimService> bigCluster(long seed, int n) {
        long seedKey = Hashing.mix(seed);
        int combos = AREAS.length * ROLES.length;
        List<SimService> services = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = AREAS[i % AREAS.length] + "-" + ROLES[(i / AREAS.length) % ROLES.length]
                    + (i >= combos ? "-" + (i / combos + 1) : "");
            long h = Hashing.of(seedKey, Hashing.of(name));
            int running = 1 + (int) Math.floorMod(h, 4) + (Hashing.unit(Hashing.of(h, 1)) < 0.1 ? 8 : 0);
            SimService s = SimService.running(name, FARGATE, running).withRevision(1 + (int) Math.floorMod(h >>> 8, 40));
            double r = Hashing.unit(Hashing.of(h, 2));
            if (r < 0.05) {
                s = r < 0.03 ? s.idle(0, 0) : s.idle(1, 1).withTrouble(Trouble.FARGATE_CAPACITY);
            } else if (r < 0.08) {
                s = s.deploying(1 + (int) Math.floorMod(h >>> 16, 2));
            } else if (r < 0.13) {
                s = s.withTraits(Trait.BURSTY);
            } else if (r < 0.16) {
                s = s.withTraits(Trait.NIGHTLY_BATCH);
            } else if (r < 0.19) {
                s = s.withTraits(Trait.MEMORY_SOFT_LIMIT);
            } else if (r < 0.22) {
                s = s.withTraits(Trait.LEAKY);
            } else if (r < 0.27) {
                s = s.withTraits(Trait.HOT);
            }
            services.add(s);
        }
        return services;
    }
}

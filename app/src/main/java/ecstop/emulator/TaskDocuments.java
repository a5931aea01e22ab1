package ecstop.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task as DescribeTasks writes it on the wire: the model's camelCase members, absent ones left out. */
final class TaskDocuments {
    private TaskDocuments() {}

    static Map<String, Object> task(Fleet fleet, SimCluster cluster, SimTask t) {
        String arn = fleet.taskArn(cluster.name(), t.id());
        boolean fargate = SimService.FARGATE.equals(t.launchType());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskArn", arn);
        m.put("clusterArn", fleet.clusterArn(cluster.name()));
        m.put("taskDefinitionArn", fleet.taskDefinitionArn(t.family(), t.revision()));
        if (!fargate) {
            m.put("containerInstanceArn", "arn:aws:ecs:" + fleet.region() + ":" + Fleet.ACCOUNT + ":container-instance/"
                    + cluster.name() + "/" + ServiceStory.hex(Hashing.of(Hashing.mix(fleet.seed()), Hashing.of(cluster.name())), 3));
        }
        m.put("group", t.group());
        m.put("lastStatus", t.lastStatus());
        m.put("desiredStatus", t.desiredStatus());
        m.put("launchType", t.launchType());
        if (fargate) {
            m.put("platformVersion", "1.4.0");
            m.put("platformFamily", "Linux");
        }
        // Task-level sizes as strings, the task definition's (or its containers' together).
        SimTaskDefinition td = definition(fleet, cluster, t);
        m.put("cpu", td == null ? "512" : Integer.toString(td.taskCpu()));
        m.put("memory", td == null ? "1024" : Integer.toString(td.taskMemory()));
        m.put("availabilityZone", fleet.region() + "abc".charAt((int) Math.floorMod(Hashing.of(t.id()), 3L)));
        m.put("connectivity", t.startedAt().isPresent() ? "CONNECTED" : "DISCONNECTED");
        m.put("createdAt", t.createdAt());
        t.startedAt().ifPresent(s -> m.put("startedAt", s));
        t.stoppedAt().ifPresent(s -> {
            m.put("stoppingAt", s);
            m.put("executionStoppedAt", s);
            m.put("stoppedAt", s);
        });
        if (!t.stopCode().isEmpty()) {
            m.put("stopCode", t.stopCode());
        }
        if (!t.stoppedReason().isEmpty()) {
            m.put("stoppedReason", t.stoppedReason());
        }
        m.put("startedBy", t.startedBy());
        m.put("version", t.stopped() ? 5 : 2);
        m.put("healthStatus", "UNKNOWN");
        m.put("enableExecuteCommand", false);
        m.put("attachments", List.of());
        m.put("tags", List.of());
        m.put("overrides", Map.of("containerOverrides", List.of(), "inferenceAcceleratorOverrides", List.of()));
        List<Object> containers = new ArrayList<>();
        for (SimTask.Container c : t.containers()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("containerArn", "arn:aws:ecs:" + fleet.region() + ":" + Fleet.ACCOUNT + ":container/" + cluster.name()
                    + "/" + t.id() + "/" + ServiceStory.hex(Hashing.of(c.name()), Hashing.of(t.id())).substring(0, 32));
            cm.put("taskArn", arn);
            cm.put("name", c.name());
            cm.put("image", Fleet.ACCOUNT + ".dkr.ecr." + fleet.region() + ".amazonaws.com/" + t.family() + ":v" + t.revision());
            cm.put("lastStatus", c.lastStatus());
            if (c.exitCode() != null) {
                cm.put("exitCode", c.exitCode());
            }
            if (!c.reason().isEmpty()) {
                cm.put("reason", c.reason());
            }
            // No container here has a health check, and ECS says UNKNOWN for those.
            cm.put("healthStatus", "UNKNOWN");
            // Container sizes are strings in DescribeTasks (integers in the task definition).
            cm.put("cpu", Integer.toString(c.cpu()));
            if (c.memory() != null) {
                cm.put("memory", Integer.toString(c.memory()));
            }
            if (c.memoryReservation() != null) {
                cm.put("memoryReservation", Integer.toString(c.memoryReservation()));
            }
            cm.put("networkInterfaces", List.of());
            cm.put("networkBindings", List.of());
            containers.add(cm);
        }
        m.put("containers", containers);
        return m;
    }

    /** The revision the task runs, or for a revision past the service's (a failed rollout's) the service's own sizes. */
    private static SimTaskDefinition definition(Fleet fleet, SimCluster cluster, SimTask t) {
        return t.service().flatMap(cluster::service)
                .map(s -> SimTaskDefinition.of(Hashing.mix(fleet.seed()), s, Math.max(1, Math.min(t.revision(), s.revision()))))
                .orElse(null);
    }
}

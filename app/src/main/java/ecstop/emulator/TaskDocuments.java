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
        m.put("cpu", "512");
        m.put("memory", "1024");
        m.put("availabilityZone", fleet.region() + "a");
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
            cm.put("healthStatus", "UNKNOWN");
            cm.put("cpu", "0");
            cm.put("networkInterfaces", List.of());
            cm.put("networkBindings", List.of());
            containers.add(cm);
        }
        m.put("containers", containers);
        return m;
    }
}

package ecstop.testfleet;

import ecstop.domain.ClusterRef;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import java.util.List;
import java.util.Map;
import ecstop.domain.Target;

/** Clusters and services of the emulator's one target (the default profile in us-east-1), as tests name them. */
public final class Refs {
    public static final Target EMULATOR = Target.of("default", "us-east-1");

    private Refs() {}

    public static ClusterRef cluster(String name) {
        return new ClusterRef(EMULATOR, name);
    }

    public static ServiceRef service(String cluster, String name) {
        return new ServiceRef(cluster(cluster), name);
    }

    /** The task details a snapshot holds for the service called {@code name}, or null. */
    public static ServiceInfo info(Snapshot s, String name) {
        return s.info().orElseThrow().entrySet().stream().filter(e -> e.getKey().name().equals(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The names of the services a snapshot has task details for. */
    public static List<String> infoNames(Snapshot s) {
        return s.info().orElseThrow().keySet().stream().map(ServiceRef::name).toList();
    }
}

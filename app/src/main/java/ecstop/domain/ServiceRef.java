package ecstop.domain;

import java.util.Objects;

/** A service: its name is unique only within its cluster. */
public record ServiceRef(ClusterRef cluster, String name) {
    public ServiceRef {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
    }
}

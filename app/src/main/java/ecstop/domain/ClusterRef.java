package ecstop.domain;

import java.util.Objects;

/** A cluster: its name alone is ambiguous across profiles and regions, so it always travels with its target. */
public record ClusterRef(Target target, String name) {
    public ClusterRef {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
    }
}

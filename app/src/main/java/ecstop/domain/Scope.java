package ecstop.domain;

import java.util.List;

/** What the panels show: one cluster, or every cluster of one or more targets (the fleet). */
public sealed interface Scope {
    record One(ClusterRef cluster) implements Scope {}

    record Fleet(List<Target> targets) implements Scope {
        public Fleet {
            targets = List.copyOf(targets);
        }
    }

    static Scope of(ClusterRef cluster) {
        return new One(cluster);
    }
}

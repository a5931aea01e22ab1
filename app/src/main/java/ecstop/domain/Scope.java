package ecstop.domain;

import java.util.List;

/** What the panels show: one cluster, or every cluster of one or more targets (the fleet). */
public sealed interface Scope {
    /** How titles and reports name it: the cluster's name, or "all clusters". */
    String name();

    record One(ClusterRef cluster) implements Scope {
        @Override
        public String name() { return cluster.name(); }
    }

    record Fleet(List<Target> targets) implements Scope {
        public Fleet {
            targets = List.copyOf(targets);
        }

        @Override
        public String name() { return "all clusters"; }
    }

    static Scope of(ClusterRef cluster) {
        return new One(cluster);
    }
}

package ecstop.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which parts of a target tell a fleet's rows apart: the profile when there are several, the
 * region when there are several, the account when more than one is known. A row then says
 * only what distinguishes it ("prod · eu-west-1 · storage-prod"), never the same "default ·
 * us-east-1" on every line.
 */
public record TargetLabels(boolean profile, boolean region, boolean account) {
    public static TargetLabels of(Collection<Target> targets) {
        return new TargetLabels(
                targets.stream().map(Target::profile).distinct().count() > 1,
                targets.stream().map(Target::region).distinct().count() > 1,
                targets.stream().flatMap(t -> t.account().stream()).distinct().count() > 1);
    }

    /** The distinguishing parts of the target, in profile, region, account order; empty when none. */
    public List<String> parts(Target t) {
        List<String> out = new ArrayList<>(3);
        if (profile) {
            out.add(t.profile());
        }
        if (region) {
            out.add(t.region());
        }
        if (account) {
            t.account().ifPresent(out::add);
        }
        return out;
    }

    /** "prod · eu-west-1 · storage-prod", or just "storage-prod". */
    public String label(ClusterRef c, String sep) {
        List<String> parts = parts(c.target());
        parts.add(c.name());
        return String.join(sep, parts);
    }
}

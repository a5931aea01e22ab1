package ecstop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Metric;
import ecstop.domain.rightsize.AxisSizing;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.RightsizeTable;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.domain.rightsize.ScalingPolicy;
import ecstop.domain.rightsize.TaskDefinition;
import ecstop.domain.rightsize.TaskSize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The right-sizing table for scripts and for checking: every input of each recommendation
 * (the per-period maxima themselves, the reservation, the rule, the prices and the task
 * count) beside every figure derived from them, so each can be recomputed by hand.
 * {@code null} is unknown or not applicable, never 0.
 */
final class RightsizeJson {
    private RightsizeJson() {}

    static String render(RightsizeTable t, List<String> warnings, CallStats calls) {
        ObjectMapper mapper = mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("cluster", t.cluster());
        root.put("view", "rightsize");
        rule(root, t.rule(), t.lookback(), t.period());
        ArrayNode warned = root.putArray("warnings");
        t.lookbackWarning().ifPresent(warned::add);
        warnings.forEach(warned::add);
        prices(root, t);
        ArrayNode services = root.putArray("services");
        for (Recommendation r : t.rows()) {
            service(services.addObject(), r);
        }
        totals(root.putObject("totals"), t.totals());
        return write(mapper, root, calls);
    }

    /**
     * The fleet's table: each cluster with its own prices and totals, the clusters and
     * profile/regions that could not be read with why, every service naming its cluster (and
     * its profile and region), most saved first, and the totals over all of them.
     */
    static String render(ScopeRightsize s, CallStats calls) {
        ObjectMapper mapper = mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("scope", "all clusters");
        root.put("view", "rightsize");
        rule(root, s.rule(), s.lookback(), s.period());
        ArrayNode warned = root.putArray("warnings");
        s.lookbackWarning().ifPresent(warned::add);
        s.warnings().forEach(warned::add);
        ArrayNode clusters = root.putArray("clusters");
        for (ScopeRightsize.Part p : s.parts()) {
            ObjectNode c = where(clusters.addObject(), p.cluster());
            c.put("services", p.table().rows().size());
            prices(c, p.table());
            totals(c.putObject("totals"), p.table().totals());
        }
        ArrayNode failed = root.putArray("failed");
        s.failed().forEach((c, f) -> where(failed.addObject(), c).put("error", f.line()));
        s.failedTargets().forEach((t, f) -> failed.addObject().put("profile", t.profile()).put("region", t.region())
                .put("error", f.line()));
        ArrayNode services = root.putArray("services");
        for (ScopeRightsize.Row r : s.rows()) {
            service(where(services.addObject(), r.cluster()), r.recommendation());
        }
        totals(root.putObject("totals"), s.totals());
        return write(mapper, root, calls);
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(JsonReport.TERMINAL_SAFE);
        return mapper;
    }

    private static String write(ObjectMapper mapper, ObjectNode root, CallStats calls) {
        ObjectNode c = root.putObject("calls");
        new TreeMap<>(calls.calls()).forEach(c::put);
        return JsonReport.pretty(mapper, root);
    }

    /** The cluster, profile, region (and account, when known) a row or part belongs to. */
    private static ObjectNode where(ObjectNode o, ClusterRef c) {
        o.put("cluster", c.name()).put("profile", c.target().profile()).put("region", c.target().region());
        c.target().account().ifPresent(a -> o.put("account", a));
        return o;
    }

    private static void rule(ObjectNode root, RightsizeRule r, Duration lookback, Duration period) {
        ObjectNode rule = root.putObject("rule");
        rule.put("statement", r.describe());
        rule.put("percentile", r.percentile());
        rule.put("percentileMethod", "nearest rank: the value at rank ceil(p/100 x n) of the n per-period maxima, ascending");
        rule.put("headroomPercent", r.headroomPercent());
        rule.put("factor", r.factor());
        rule.put("minLookbackDays", RightsizeRule.MIN_LOOKBACK.toDays());
        rule.put("hoursPerMonth", FargatePrices.HOURS_PER_MONTH);
        rule.put("statistic", "Maximum");
        root.put("lookbackSeconds", lookback.getSeconds());
        root.put("periodSeconds", period.getSeconds());
    }

    private static void prices(ObjectNode o, RightsizeTable t) {
        if (t.prices().isPresent()) {
            FargatePrices p = t.prices().get();
            ObjectNode prices = o.putObject("prices");
            prices.put("region", p.region());
            prices.put("source", p.source().label());
            prices.put("asOf", p.asOf());
            prices.put("note", p.note());
            ObjectNode rates = prices.putObject("rates");
            new TreeMap<>(p.rates()).forEach((arch, r) -> rates.putObject(arch).put("vcpuHour", r.vcpuHour()).put("gbHour", r.gbHour()));
        } else {
            o.putNull("prices");
        }
        o.put("pricesNote", t.pricesNote());
    }

    private static void totals(ObjectNode totals, RightsizeTable.Totals s) {
        totals.put("monthlySavings", s.monthlySavings());
        totals.put("monthlyToGrow", s.monthlyToGrow());
        totals.put("ec2CpuUnitsFreed", s.ec2CpuFreed());
        totals.put("ec2MemoryMiBFreed", s.ec2MemoryFreed());
        totals.put("ec2CpuUnitsNeeded", s.ec2CpuNeeded());
        totals.put("ec2MemoryMiBNeeded", s.ec2MemoryNeeded());
        ObjectNode byStatus = totals.putObject("services");
        s.byStatus().forEach((k, v) -> byStatus.put(k.label(), v));
    }

    private static void service(ObjectNode o, Recommendation r) {
        o.put("name", r.service());
        o.put("platform", r.platform().name());
        o.put("launchType", r.launchType());
        o.put("runningTasks", r.runningTasks());
        o.put("status", r.status().label());
        Optional<TaskDefinition> td = r.taskDefinition();
        o.put("taskDefinition", td.map(TaskDefinition::arn).orElse(null));
        o.put("cpuArchitecture", td.map(TaskDefinition::cpuArchitecture).orElse(null));
        o.put("osFamily", td.map(TaskDefinition::osFamily).orElse(null));
        o.put("memorySoftLimit", td.map(TaskDefinition::softMemoryLimit).orElse(null));
        integer(o, "oomKills", r.oomKills());
        ArrayNode policies = o.putArray("scalingPolicies");
        for (ScalingPolicy p : r.policies()) {
            policies.addObject().put("name", p.name()).put("type", p.type()).put("metric", p.metric())
                    .put("namespace", p.namespace()).put("tracks", p.tracks().map(Metric::label).orElse(null));
        }
        axis(o.putObject("cpu"), r.cpu(), "CPU units");
        axis(o.putObject("memory"), r.memory(), "MiB");
        size(o, "current", r.current());
        size(o, "recommended", r.recommended());
        if (r.cost().isPresent()) {
            Recommendation.Cost c = r.cost().get();
            o.putObject("cost").put("vcpuHour", c.rate().vcpuHour()).put("gbHour", c.rate().gbHour())
                    .put("priceSource", c.priceSource()).put("currentMonthlyPerTask", c.currentMonthlyPerTask())
                    .put("recommendedMonthlyPerTask", c.recommendedMonthlyPerTask()).put("monthlyDelta", c.monthlyDelta());
        } else {
            o.putNull("cost");
        }
        number(o, "monthlySavings", r.monthlySavings());
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
    }

    private static void axis(ObjectNode a, AxisSizing s, String unit) {
        a.put("unit", unit);
        integer(a, "reserved", s.reserved());
        a.put("taskLevel", s.taskLevel());
        a.put("datapoints", s.maxima().size());
        ArrayNode maxima = a.putArray("maximaPercent");
        s.maxima().forEach(maxima::add);
        number(a, "peakPercent", s.peak());
        number(a, "percentilePercent", s.percentile());
        number(a, "observed", s.observed());
        number(a, "needed", s.needed());
        a.put("trackedBy", s.trackedBy().orElse(null));
        ArrayNode under = a.putArray("underProvisioned");
        s.underProvisioned().forEach(under::add);
        integer(a, "recommended", s.recommended());
        integer(a, "change", s.change());
    }

    private static void size(ObjectNode o, String key, Optional<TaskSize> s) {
        if (s.isPresent()) {
            o.putObject(key).put("cpu", s.get().cpu()).put("memory", s.get().memory());
        } else {
            o.putNull(key);
        }
    }

    private static void number(ObjectNode o, String key, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(key, v.getAsDouble());
        } else {
            o.putNull(key);
        }
    }

    private static void integer(ObjectNode o, String key, OptionalInt v) {
        if (v.isPresent()) {
            o.put(key, v.getAsInt());
        } else {
            o.putNull(key);
        }
    }
}

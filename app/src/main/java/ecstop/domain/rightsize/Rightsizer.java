package ecstop.domain.rightsize;

import ecstop.domain.Metric;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.rightsize.Recommendation.Cost;
import ecstop.domain.rightsize.Recommendation.Platform;
import ecstop.domain.rightsize.Recommendation.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The right-sizing rule as a pure function (see {@link RightsizeRule}):
 * <ul>
 * <li>per axis, use = the percentile of the per-period maxima × reserved / 100, and the rule
 *     asks for use × (1 + headroom);</li>
 * <li>Fargate: the smallest valid CPU/memory combination at or above both;</li>
 * <li>EC2: each reservation rounded up to {@value #EC2_STEP} units or MiB (at least
 *     {@value #EC2_MIN_CPU} CPU units, the task-level minimum, and {@value #EC2_STEP} MiB);</li>
 * <li>an axis a target-tracking policy tracks keeps its size: scaling out is its answer;</li>
 * <li>an under-provisioned service (a peak at or above 100% of the reservation, or OOM kills)
 *     is only grown: the axis at its limit gets at least its current size, the other keeps
 *     its size, since a starved task's use of it says little. It is never a saving.</li>
 * </ul>
 */
public final class Rightsizer {
    static final int EC2_STEP = 64;
    static final int EC2_MIN_CPU = 128;
    static final double LIMIT_PERCENT = 100;

    private Rightsizer() {}

    public static Recommendation recommend(RightsizeInput in, RightsizeRule rule) {
        Optional<TaskDefinition> td = in.taskDefinition();
        Platform platform = platform(in.launchType(), td);
        List<String> notes = new ArrayList<>();
        AxisFacts cpu = facts(Metric.CPU, in, rule, platform, notes);
        AxisFacts memory = facts(Metric.MEMORY, in, rule, platform, notes);
        boolean under = cpu.under() || memory.under();

        if (td.isEmpty()) {
            notes.add("the task definition could not be read");
        }
        boolean nothing = td.isEmpty() || (!cpu.usable() && !memory.usable());
        if (nothing && td.isPresent() && !cpu.hasData() && !memory.hasData()) {
            notes.add("no datapoints in the window: a service with no running task publishes none");
        }

        OptionalInt recCpu = nothing ? OptionalInt.empty() : recommendAxis(cpu, under, platform);
        OptionalInt recMemory = nothing ? OptionalInt.empty() : recommendAxis(memory, under, platform);
        Optional<TaskSize> current = cpu.reserved().isPresent() && memory.reserved().isPresent()
                ? Optional.of(new TaskSize(cpu.reserved().getAsInt(), memory.reserved().getAsInt())) : Optional.empty();
        Optional<TaskSize> recommended = Optional.empty();
        if (!nothing && platform == Platform.FARGATE && current.isPresent()) {
            recommended = FargateSizes.smallestAtLeast(recCpu.orElse(0), recMemory.orElse(0));
            if (recommended.isEmpty()) {
                notes.add("no Fargate size is large enough: 16 vCPU and 120 GB at most");
            } else {
                recCpu = OptionalInt.of(recommended.get().cpu());
                recMemory = OptionalInt.of(recommended.get().memory());
                if (!FargateSizes.valid(current.get())) {
                    notes.add("the current size " + current.get() + " is not a valid Fargate combination");
                }
            }
        } else if (!nothing && recCpu.isPresent() && recMemory.isPresent()) {
            recommended = Optional.of(new TaskSize(recCpu.getAsInt(), recMemory.getAsInt()));
        }

        Optional<Cost> cost = platform == Platform.FARGATE && current.isPresent() && recommended.isPresent()
                ? cost(in, td.get(), current.get(), recommended.get(), notes) : Optional.empty();
        AxisSizing cpuSizing = cpu.sizing(recCpu);
        AxisSizing memorySizing = memory.sizing(recMemory);
        Status status = nothing ? Status.NO_DATA
                : cpu.tracked().isPresent() && memory.tracked().isPresent() ? Status.TRACKED
                : under ? Status.UNDER_PROVISIONED
                : direction(cpuSizing.change(), memorySizing.change(), cost);
        return new Recommendation(in.service(), platform, in.launchType(), in.runningTasks(), td, rule, in.lookback(),
                in.period(), in.oomKills(), in.policies(), cpuSizing, memorySizing, status, current, recommended, cost,
                notes);
    }

    /** Fargate when the service runs on Fargate or, with no launch type given, its task definition requires only Fargate. */
    static Platform platform(String launchType, Optional<TaskDefinition> td) {
        if ("FARGATE".equals(launchType)) {
            return Platform.FARGATE;
        }
        boolean unknown = launchType == null || launchType.isBlank();
        return unknown && td.map(t -> t.requiresCompatibilities().equals(List.of("FARGATE"))).orElse(false)
                ? Platform.FARGATE : Platform.EC2;
    }

    /** What is known of one axis before deciding anything. */
    private record AxisFacts(Metric metric, OptionalInt reserved, boolean taskLevel, List<Double> maxima,
                             OptionalDouble peak, OptionalDouble percentile, OptionalDouble observed,
                             OptionalDouble needed, Optional<String> tracked, List<String> why) {
        boolean hasData() {
            return !maxima.isEmpty();
        }

        boolean under() {
            return !why.isEmpty();
        }

        /** There is something to size from. */
        boolean usable() {
            return hasData() && reserved.isPresent();
        }

        AxisSizing sizing(OptionalInt recommended) {
            return new AxisSizing(metric, reserved, taskLevel, maxima, peak, percentile, observed, needed, tracked, why,
                    recommended);
        }
    }

    private static AxisFacts facts(Metric axis, RightsizeInput in, RightsizeRule rule, Platform platform, List<String> notes) {
        Series series = axis == Metric.CPU ? in.cpuMaxima() : in.memoryMaxima();
        List<Double> maxima = series.points().stream().map(Point::value).toList();
        OptionalInt reserved = in.taskDefinition().map(t -> t.reserved(axis)).orElse(OptionalInt.empty());
        boolean taskLevel = in.taskDefinition().map(t -> t.taskLevel(axis)).orElse(false);
        OptionalDouble peak = series.peak();
        OptionalDouble pct = Percentiles.nearestRank(maxima, rule.percentile());
        OptionalDouble observed = OptionalDouble.empty();
        OptionalDouble needed = OptionalDouble.empty();
        if (pct.isPresent() && reserved.isPresent()) {
            observed = OptionalDouble.of(pct.getAsDouble() * reserved.getAsInt() / 100);
            needed = OptionalDouble.of(observed.getAsDouble() * rule.factor());
        }
        Optional<String> tracked = in.policies().stream().filter(p -> p.tracks().filter(axis::equals).isPresent())
                .map(ScalingPolicy::describe).findFirst();
        List<String> why = new ArrayList<>();
        if (peak.isPresent() && peak.getAsDouble() >= LIMIT_PERCENT) {
            why.add(String.format(Locale.ROOT, "peak %.1f%% >= %.0f%% of the reservation", peak.getAsDouble(), LIMIT_PERCENT));
        }
        if (axis == Metric.MEMORY && in.oomKills().orElse(0) > 0) {
            why.add(in.oomKills().getAsInt() + " OOM kill" + (in.oomKills().getAsInt() == 1 ? "" : "s"));
        }
        String name = axis.label();
        if (in.taskDefinition().isPresent() && reserved.isEmpty()) {
            notes.add(name + ": nothing reserved in the task definition, so its utilisation has no base; not sized");
        }
        tracked.ifPresent(t -> notes.add(name + ": " + t + " answers it by scaling out; not resized"));
        if (axis == Metric.CPU && platform == Platform.EC2 && peak.isPresent() && peak.getAsDouble() > LIMIT_PERCENT) {
            notes.add("CPU: on EC2 the reservation is a share, not a cap; above 100% the task borrows idle host CPU");
        }
        if (axis == Metric.MEMORY && in.taskDefinition().map(TaskDefinition::softMemoryLimit).orElse(false)) {
            notes.add("memory: a soft limit (memoryReservation); tasks may use more, up to the hard limit or the host");
        }
        return new AxisFacts(axis, reserved, taskLevel, maxima, peak, pct, observed, needed, tracked, why);
    }

    /**
     * The size for one axis before Fargate's table is applied: the reserved size when the axis
     * is tracked, has no data, or (in an under-provisioned service) is not the one at its
     * limit; at least the reserved size on the axis at its limit; else what the rule asks.
     */
    private static OptionalInt recommendAxis(AxisFacts a, boolean serviceUnder, Platform platform) {
        if (a.reserved().isEmpty()) {
            return OptionalInt.empty();
        }
        int reserved = a.reserved().getAsInt();
        if (a.tracked().isPresent() || !a.hasData() || (serviceUnder && !a.under())) {
            return OptionalInt.of(reserved);
        }
        double needed = a.needed().getAsDouble();
        int size = platform == Platform.FARGATE ? (int) Math.ceil(needed) : ec2(a.metric(), needed);
        return OptionalInt.of(a.under() ? Math.max(size, reserved) : size);
    }

    /** Rounded up to a step of 64, with floors: EC2 accepts any integer, but people read round numbers. */
    static int ec2(Metric axis, double needed) {
        int stepped = (int) (Math.ceil(needed / EC2_STEP) * EC2_STEP);
        return Math.max(stepped, axis == Metric.CPU ? EC2_MIN_CPU : EC2_STEP);
    }

    private static Optional<Cost> cost(RightsizeInput in, TaskDefinition td, TaskSize current, TaskSize recommended,
                                       List<String> notes) {
        if (in.prices().isEmpty()) {
            notes.add("no Fargate price for this region: dollars unknown");
            return Optional.empty();
        }
        if (!TaskDefinition.LINUX.equals(td.osFamily())) {
            notes.add("Fargate prices here are for Linux; " + td.osFamily() + " is not priced");
            return Optional.empty();
        }
        FargatePrices prices = in.prices().get();
        Optional<FargatePrices.Rate> rate = prices.rate(td.cpuArchitecture());
        if (rate.isEmpty()) {
            notes.add("no " + td.cpuArchitecture() + " price for " + prices.region() + " in " + prices.source().label());
            return Optional.empty();
        }
        double now = rate.get().monthly(current);
        double then = rate.get().monthly(recommended);
        return Optional.of(new Cost(rate.get(), prices.describe(), now, then, (then - now) * in.runningTasks()));
    }

    /** Smaller, larger, the same, or both at once (then the price decides, when there is one). */
    private static Status direction(OptionalInt cpuChange, OptionalInt memoryChange, Optional<Cost> cost) {
        if (cpuChange.isEmpty() && memoryChange.isEmpty()) {
            return Status.NO_DATA;
        }
        int dc = Integer.signum(cpuChange.orElse(0));
        int dm = Integer.signum(memoryChange.orElse(0));
        if (dc == 0 && dm == 0) {
            return Status.RIGHT_SIZED;
        }
        if (dc <= 0 && dm <= 0) {
            return Status.OVERSIZED;
        }
        if (dc >= 0 && dm >= 0) {
            return Status.GROW;
        }
        if (cost.isPresent()) {
            return cost.get().recommendedMonthlyPerTask() < cost.get().currentMonthlyPerTask() ? Status.OVERSIZED : Status.GROW;
        }
        return Status.RESIZE;
    }
}

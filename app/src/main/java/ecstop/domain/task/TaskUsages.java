package ecstop.domain.task;

import ecstop.domain.CallStats;
import ecstop.domain.ServiceRef;
import ecstop.domain.TimeWindow;
import java.util.List;

/** What Container Insights says the service's running tasks and their containers used over the window, and what asking cost. */
public record TaskUsages(ServiceRef service, TimeWindow window, List<TaskUsage> tasks, List<ContainerUsage> containers,
                         CallStats stats) {
    public TaskUsages {
        tasks = List.copyOf(tasks);
        containers = List.copyOf(containers);
    }
}

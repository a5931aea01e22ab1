package ecstop.ui.present;

import ecstop.domain.Failure;
import ecstop.domain.FleetNotes;
import ecstop.domain.FleetReader;
import ecstop.domain.Scope;
import ecstop.domain.TargetLabels;
import ecstop.domain.task.ContainerLimit;
import ecstop.domain.task.ContainerLimits;
import ecstop.ui.state.Pane;
import ecstop.ui.state.State;
import ecstop.ui.state.TasksCursor;
import ecstop.ui.widget.Glyphs;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The containers pane, from the State alone: the scope's containers nearest their memory
 * limits, filtered by the filter (a service or container name holding it), the cursor on the
 * row it is pinned to, else on the first (the nearest).
 */
final class ContainersPresenter {
    static final String HINT = "aws ecs update-cluster-settings --cluster C --settings name=containerInsights,value=enhanced";

    private final Glyphs glyphs;

    ContainersPresenter(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    List<ContainersModel.Row> rows(State s) {
        Optional<Either<Failure, ContainerLimits>> read = s.fleet().answer(FleetReader.CONTAINER_LIMITS);
        if (read.isEmpty() || read.get().isLeft()) {
            return List.of();
        }
        ContainerLimits limits = read.get().get();
        boolean fleet = s.question().scope().orElse(null) instanceof Scope.Fleet;
        // labelled as the bars are, so a row reads the same in both
        TargetLabels labels = s.fleet().notes().map(FleetNotes::labels).orElse(TargetLabels.of(s.fleet().fleetTargets()));
        String typed = s.nav().filter().text().toLowerCase(Locale.ROOT);
        List<ContainersModel.Row> rows = new ArrayList<>();
        for (ContainerLimit c : limits.rows()) {
            String service = c.service().name();
            if (!typed.isEmpty() && !service.toLowerCase(Locale.ROOT).contains(typed)
                    && !c.container().toLowerCase(Locale.ROOT).contains(typed)) {
                continue;
            }
            // one cluster's view names it in the title already
            String cluster = fleet ? labels.label(c.service().cluster(), glyphs.sep()) : "";
            rows.add(new ContainersModel.Row(c.service().cluster().target().label("/") + "|" + c.service().cluster().name() + "|"
                    + service + "|" + c.container(), c.service(), cluster, service, c.container(), c.peak(), c.latest()));
        }
        return rows;
    }

    static int cursor(State s, List<ContainersModel.Row> rows) {
        Optional<String> key = s.nav().containers().flatMap(TasksCursor::row);
        for (int i = 0; key.isPresent() && i < rows.size(); i++) {
            if (rows.get(i).key().equals(key.get())) {
                return i;
            }
        }
        return 0;
    }

    ContainersModel model(State s) {
        Optional<Either<Failure, ContainerLimits>> read = s.fleet().answer(FleetReader.CONTAINER_LIMITS);
        StringBuilder title = new StringBuilder("Containers").append(glyphs.sep())
                .append(s.question().scope().map(Scope::name).orElse("")).append(glyphs.sep())
                .append("memory of limit").append(glyphs.sep()).append("peak ").append(s.question().lookback().label());
        List<String> above = new ArrayList<>();
        Optional<String> empty = Optional.empty();
        List<ContainersModel.Row> rows = rows(s);
        if (read.isEmpty()) {
            empty = Optional.of("reading the containers" + glyphs.ellipsis());
        } else if (read.get().isLeft()) {
            empty = Optional.of("cannot read the containers: " + read.get().getLeft().line() + "; T closes, r tries again");
        } else {
            ContainerLimits limits = read.get().get();
            above.add("busiest task's memory, % of the container's hard limit (else of the task's)" + glyphs.sep()
                    + "Enter: its tasks");
            if (limits.capped()) {
                above.add("the nearest " + limits.rows().size() + " of more containers");
            }
            limits.unread().forEach((t, f) -> above.add("not read in " + t.label("/") + ": " + f.line()));
            if (limits.rows().isEmpty()) {
                empty = Optional.of("no container figures: no cluster here has Container Insights with enhanced observability; "
                        + HINT + " turns it on (billed by CloudWatch)");
            } else if (rows.isEmpty()) {
                empty = Optional.of("no service or container matches /" + s.nav().filter().text());
            }
        }
        if (s.nav().filter().typing() || !s.nav().filter().text().isEmpty()) {
            title.append(glyphs.sep()).append('/').append(s.nav().filter().text()).append(s.nav().filter().typing() ? "_" : "");
        }
        int cursor = cursor(s, rows);
        String note = rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size();
        return new ContainersModel(title.toString(), note, s.nav().focus().equals(Pane.CONTAINERS), above, rows, cursor, empty);
    }
}

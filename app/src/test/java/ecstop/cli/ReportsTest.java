package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden output of the three --once formats for a fixed snapshot. */
class ReportsTest {
    @Test
    void textIsTwoChartsHighestFirstNoDataLastPrefixStripped() {
        String expected = """
                CPU · storage-prod · storage-prod_ · peak 24h
                bag-verifier  250.0% ########################################
                replicator     98.2% ###################################=
                register       41.0% ##############=
                ingests      no data

                Memory · storage-prod · storage-prod_ · peak 24h
                register       91.0% #################################-
                replicator     55.3% ####################-
                bag-verifier   12.3% ####=
                ingests      no data

                4 services · 3 AWS calls · 8 metrics requested (~$0.0001)
                """;
        assertThat(TextReport.render(Fixtures.storage(), Thresholds.DEFAULT, true, false)).isEqualTo(expected);
    }

    @Test
    void unicodeBarsUseEighths() {
        String out = TextReport.render(Fixtures.storage(), Thresholds.DEFAULT, false, false);
        assertThat(out).contains("replicator     98.2% ███████████████████████████████████▊\n");
    }

    @Test
    void redFromTheHotThresholdOnlyOnATerminal() {
        String plain = TextReport.render(Fixtures.storage(), Thresholds.DEFAULT, true, false);
        assertThat(plain).doesNotContain("\u001b");

        String coloured = TextReport.render(Fixtures.storage(), Thresholds.DEFAULT, true, true);
        assertThat(coloured).contains("replicator   \u001b[31m  98.2% ###################################=\u001b[0m\n");
        assertThat(coloured).contains("bag-verifier \u001b[31m 250.0% ");
        assertThat(coloured).contains("register       41.0% ##############=\n");
        assertThat(coloured).contains("register       91.0% ");   // amber territory: not red in --once
        assertThat(TextReport.render(Fixtures.storage(), new Thresholds(80, 90), true, true))
                .contains("register     \u001b[31m  91.0% ");
    }

    @Test
    void namesWithEscapeSequencesArePrintedHarmlessly() {
        var s = Fixtures.snapshot("c\u001b]0;pwned\u0007", List.of(Fixtures.usage("evil\u001b[2J", 10.0, 10.0)), Map.of());
        assertThat(TextReport.render(s, Thresholds.DEFAULT, true, false)).doesNotContain("\u001b").contains("evil?[2J");
        assertThat(CsvReport.render(s)).doesNotContain("\u001b");
        assertThat(JsonReport.render(s)).doesNotContain("\u001b").contains("evil\\u001B[2J");
    }

    @Test
    void jsonHasStableKeysAndNullForNoData() {
        String expected = """
                {
                  "cluster" : "storage-prod",
                  "lookback" : "24h",
                  "stat" : "max",
                  "window" : {
                    "start" : "2026-11-19T13:00:00Z",
                    "end" : "2026-11-20T13:00:00Z",
                    "periodSeconds" : 3600
                  },
                  "fetchedAt" : "2026-11-20T12:34:56Z",
                  "prefix" : "storage-prod_",
                  "clusterReservation" : {
                    "cpu" : 61.5,
                    "memory" : null
                  },
                  "services" : [ {
                    "name" : "storage-prod_bag-verifier",
                    "cpu" : 250.0,
                    "memory" : 12.25,
                    "running" : null,
                    "desired" : null,
                    "pending" : null,
                    "launchType" : null,
                    "taskDefinition" : null,
                    "rolloutState" : null,
                    "signals" : null
                  }, {
                    "name" : "storage-prod_ingests",
                    "cpu" : null,
                    "memory" : null,
                    "running" : null,
                    "desired" : null,
                    "pending" : null,
                    "launchType" : null,
                    "taskDefinition" : null,
                    "rolloutState" : null,
                    "signals" : null
                  }, {
                    "name" : "storage-prod_register",
                    "cpu" : 41.0,
                    "memory" : 91.0,
                    "running" : 1,
                    "desired" : 2,
                    "pending" : 1,
                    "launchType" : "EC2",
                    "taskDefinition" : "register:7",
                    "rolloutState" : "IN_PROGRESS",
                    "signals" : null
                  }, {
                    "name" : "storage-prod_replicator",
                    "cpu" : 98.2,
                    "memory" : 55.3,
                    "running" : 3,
                    "desired" : 3,
                    "pending" : 0,
                    "launchType" : "FARGATE",
                    "taskDefinition" : "replicator:42",
                    "rolloutState" : "COMPLETED",
                    "signals" : null
                  } ],
                  "signals" : null,
                  "calls" : {
                    "DescribeServices" : 1,
                    "GetMetricData" : 1,
                    "ListServices" : 1
                  },
                  "metricsRequested" : 8,
                  "throttled" : 0
                }
                """;
        assertThat(JsonReport.render(Fixtures.storage())).isEqualTo(expected);
    }

    @Test
    void csvIsRfc4180() {
        String expected = "name,cpu,memory,running,desired,pending,launch_type,task_definition,rollout_state,signals\r\n"
                + "storage-prod_bag-verifier,250.0,12.25,,,,,,,\r\n"
                + "storage-prod_ingests,,,,,,,,,\r\n"
                + "storage-prod_register,41.0,91.0,1,2,1,EC2,register:7,IN_PROGRESS,\r\n"
                + "storage-prod_replicator,98.2,55.3,3,3,0,FARGATE,replicator:42,COMPLETED,\r\n";
        assertThat(CsvReport.render(Fixtures.storage())).isEqualTo(expected);
        assertThat(CsvReport.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReport.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvReport.quote("plain")).isEqualTo("plain");
    }
}

package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** AWS's token buckets, counted on a hand-driven ticker: no sleeping. */
class TokenBucketsTest {
    final AtomicLong nanos = new AtomicLong(1_000);
    final TokenBuckets buckets = new TokenBuckets(nanos::get);

    int admitted(String operation, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            if (buckets.admit(operation)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void clusterReadsShareABurstOfFifty() {
        assertThat(admitted("ListClusters", 30)).isEqualTo(30);
        assertThat(admitted("DescribeClusters", 30)).isEqualTo(20);
        assertThat(admitted("ListClusters", 1)).isZero();
    }

    @Test
    void serviceReadsHaveTheirOwnBurstOfAHundred() {
        admitted("ListClusters", 50);

        assertThat(admitted("ListServices", 60) + admitted("DescribeServices", 60)).isEqualTo(100);
    }

    @Test
    void taskReadsShareABucketOfAHundredApartFromServiceReads() {
        admitted("DescribeServices", 100);

        assertThat(admitted("ListTasks", 60) + admitted("DescribeTasks", 60)).isEqualTo(100);
        nanos.addAndGet(1_000_000_000L);
        assertThat(admitted("DescribeTasks", 100)).isEqualTo(20);
    }

    @Test
    void bucketsRefillAtTwentyPerSecondUpToTheBurst() {
        admitted("DescribeServices", 100);

        nanos.addAndGet(1_000_000_000L);
        assertThat(admitted("DescribeServices", 100)).isEqualTo(20);
        nanos.addAndGet(50_000_000L);
        assertThat(admitted("ListServices", 100)).isEqualTo(1);
        nanos.addAndGet(3_600_000_000_000L);
        assertThat(admitted("ListServices", 1000)).isEqualTo(100);
    }

    @Test
    void cloudWatchAllowsFiftyGetMetricDataAndFourHundredGetMetricStatisticsASecond() {
        assertThat(admitted("GetMetricData", 1000)).isEqualTo(50);
        assertThat(admitted("GetMetricStatistics", 1000)).isEqualTo(400);
        nanos.addAndGet(100_000_000L);
        assertThat(admitted("GetMetricData", 1000)).isEqualTo(5);
    }
}

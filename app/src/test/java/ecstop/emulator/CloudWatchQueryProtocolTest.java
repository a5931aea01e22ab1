package ecstop.emulator;


import static ecstop.emulator.CloudWatchFixture.END;
import static ecstop.emulator.CloudWatchFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** CloudWatch over awsQuery (what awscli 2.9 and boto3 1.26 send): form posts in, XML out. */
class CloudWatchQueryProtocolTest extends CloudWatchWireBase {
    static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    static String statistics(Instant start, int period) {
        return "Action=GetMetricStatistics&Version=2010-08-01&Namespace=AWS%2FECS&MetricName=CPUUtilization"
                + "&Dimensions.member.1.Name=ClusterName&Dimensions.member.1.Value=shop"
                + "&Dimensions.member.2.Name=ServiceName&Dimensions.member.2.Value=web"
                + "&StartTime=" + start + "&EndTime=" + END + "&Period=" + period
                + "&Statistics.member.1=Maximum&Statistics.member.2=Average";
    }

    static String metricData(String extra) {
        String q = "MetricDataQueries.member.1.";
        return "Action=GetMetricData&Version=2010-08-01&" + q + "Id=cpu&" + q + "MetricStat.Metric.Namespace=AWS%2FECS&"
                + q + "MetricStat.Metric.MetricName=CPUUtilization&"
                + q + "MetricStat.Metric.Dimensions.member.1.Name=ClusterName&"
                + q + "MetricStat.Metric.Dimensions.member.1.Value=shop&"
                + q + "MetricStat.Metric.Dimensions.member.2.Name=ServiceName&"
                + q + "MetricStat.Metric.Dimensions.member.2.Value=web&"
                + q + "MetricStat.Period=3600&" + q + "MetricStat.Stat=Maximum&" + q + "ReturnData=true&"
                + "StartTime=" + START + "&EndTime=" + END + extra;
    }

    static Document xml(RawHttp.Response r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    static List<String> texts(Element parent, String name) {
        List<String> out = new ArrayList<>();
        NodeList list = parent.getElementsByTagNameNS(NS, name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void getMetricStatisticsAnswersXmlInTheMonitoringNamespace() throws Exception {
        RawHttp.Response r = RawHttp.cloudWatchQuery(emulator.endpoint(), statistics(START, 3600));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/xml");
        Element root = xml(r).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("GetMetricStatisticsResponse");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        Element result = (Element) root.getElementsByTagNameNS(NS, "GetMetricStatisticsResult").item(0);
        assertThat(texts(result, "Label")).containsExactly("CPUUtilization");
        List<String> stamps = texts(result, "Timestamp");
        assertThat(stamps).hasSize(24).contains(START.toString(), "2026-11-21T12:00:00Z");
        List<String> max = texts(result, "Maximum");
        List<String> avg = texts(result, "Average");
        for (int i = 0; i < max.size(); i++) {
            assertThat(Double.parseDouble(max.get(i))).isGreaterThanOrEqualTo(Double.parseDouble(avg.get(i)));
        }
        assertThat(texts(root, "RequestId")).singleElement().asString().isNotBlank();
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("awsQuery");
    }

    @Test
    void getMetricDataListsMembersAndPages() throws Exception {
        Document first = xml(RawHttp.cloudWatchQuery(emulator.endpoint(), metricData("&MaxDatapoints=10")));
        String token = texts(first.getDocumentElement(), "NextToken").get(0);
        Document rest = xml(RawHttp.cloudWatchQuery(emulator.endpoint(),
                metricData("&MaxDatapoints=100&NextToken=" + token)));

        Element result = (Element) first.getElementsByTagNameNS(NS, "MetricDataResults").item(0);
        assertThat(texts(result, "Id")).containsExactly("cpu");
        assertThat(texts(result, "StatusCode")).containsExactly("PartialData");
        Element values = (Element) result.getElementsByTagNameNS(NS, "Values").item(0);
        assertThat(values.getElementsByTagNameNS(NS, "member").getLength()).isEqualTo(10);
        assertThat(texts(rest.getDocumentElement(), "StatusCode")).containsExactly("Complete");
        assertThat(texts(rest.getDocumentElement(), "NextToken")).isEmpty();
        Element restValues = (Element) rest.getElementsByTagNameNS(NS, "Values").item(0);
        assertThat(restValues.getElementsByTagNameNS(NS, "member").getLength()).isEqualTo(14);
    }

    @Test
    void tooManyDatapointsIsAnXmlError() throws Exception {
        RawHttp.Response r = RawHttp.cloudWatchQuery(emulator.endpoint(), statistics(END.minusSeconds(1441 * 60), 60));

        assertThat(r.status()).isEqualTo(400);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
        assertThat(texts(root, "Code")).containsExactly("InvalidParameterCombination");
        assertThat(texts(root, "Type")).containsExactly("Sender");
        assertThat(r.header("x-amzn-query-error")).isNull();
    }

    @Test
    void throttlingIsTheQueryCodeThrottling() throws Exception {
        emulator.faults(Faults.NONE.withThrottleRate(1));

        RawHttp.Response r = RawHttp.cloudWatchQuery(emulator.endpoint(), statistics(START, 3600));

        assertThat(r.status()).isEqualTo(400);
        assertThat(texts(xml(r).getDocumentElement(), "Code")).containsExactly("Throttling");
    }

    @Test
    void expiredCredentialsAreExpiredToken() throws Exception {
        emulator.faults(Faults.NONE.withExpiredCredentials(true));

        RawHttp.Response r = RawHttp.cloudWatchQuery(emulator.endpoint(), statistics(START, 3600));

        assertThat(r.status()).isEqualTo(403);
        assertThat(texts(xml(r).getDocumentElement(), "Code")).containsExactly("ExpiredToken");
    }

    @Test
    void aRequestWithoutAuthorizationIsRejected() throws Exception {
        RawHttp.Response r = RawHttp.post(emulator.endpoint(),
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                statistics(START, 3600).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(403);
        assertThat(texts(xml(r).getDocumentElement(), "Code")).containsExactly("MissingAuthenticationToken");
    }

    @Test
    void anUnknownActionIsInvalidAction() throws Exception {
        RawHttp.Response r = RawHttp.cloudWatchQuery(emulator.endpoint(), "Action=PutMetricAlarm&Version=2010-08-01");

        assertThat(r.status()).isEqualTo(400);
        assertThat(texts(xml(r).getDocumentElement(), "Code")).containsExactly("InvalidAction");
        assertThat(emulator.log().snapshot().operations()).containsExactly("PutMetricAlarm");
    }
}

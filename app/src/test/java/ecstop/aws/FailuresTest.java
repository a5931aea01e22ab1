package ecstop.aws;

import ecstop.testfleet.Refs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import ecstop.domain.Failure;
import ecstop.domain.Failure.Kind;
import ecstop.domain.Lookback;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;

/** Every kind of failure, from the exception types the real SDK throws, through the reader. */
class FailuresTest {
    static final SnapshotRequest REQUEST =
            new SnapshotRequest(Refs.cluster("prod"), Lookback.hours(24), Stat.MAX, Instant.parse("2026-11-20T12:00:00Z"), Optional.empty(), true);

    private static AwsServiceException service(String code, int status, String message) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("ECS").build())
                .statusCode(status).message(message).build();
    }

    private static Failure listServicesFailing(RuntimeException e, Optional<String> profile) {
        FakeAws aws = new FakeAws();
        aws.services = List.of("a");
        when(aws.ecs.listServices(any(ListServicesRequest.class))).thenThrow(e);
        return aws.reader(profile).snapshot(REQUEST).getLeft();
    }

    @Test
    void noCredentials() {
        Failure f = listServicesFailing(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                        + "credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider(), "
                        + "WebIdentityTokenCredentialsProvider(), ProfileCredentialsProvider(profileName=default), "
                        + "ContainerCredentialsProvider(), InstanceProfileCredentialsProvider()]) : [...]"), Optional.empty());
        assertThat(f.kind()).isEqualTo(Kind.NO_CREDENTIALS);
        assertThat(f.line()).startsWith("no AWS credentials found");
    }

    @Test
    void noCredentialsAsSdk241SaysItIsNotAnSsoProblem() {
        // verbatim from DefaultCredentialsProvider with empty config files and IMDS off
        Failure f = listServicesFailing(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                        + "credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider(), "
                        + "WebIdentityTokenFileCredentialsProvider(), ProfileCredentialsProvider(profileName=default, "
                        + "profileFile=ProfileFile(sections=[profiles, sso-session, services], profiles=[])), "
                        + "ContainerCredentialsProvider(), InstanceProfileCredentialsProvider()]) : [WebIdentityTokenFileCredentialsProvider(): "
                        + "Either the environment variable AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile "
                        + "must be set., ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile(sections=[profiles, "
                        + "sso-session, services], profiles=[])): Profile file contained no credentials for profile 'default': "
                        + "ProfileFile(sections=[profiles, sso-session, services], profiles=[])]"), Optional.empty());
        assertThat(f.kind()).isEqualTo(Kind.NO_CREDENTIALS);
        assertThat(f.line()).isEqualTo("no AWS credentials found (set AWS_PROFILE or --profile, or run aws configure)");
    }

    @Test
    void unknownProfileNamesTheProfile() {
        Failure f = listServicesFailing(SdkClientException.create(
                "Unable to load credentials from service endpoint: Profile file contained no credentials for profile 'nope'"),
                Optional.of("nope"));
        assertThat(f.kind()).isEqualTo(Kind.NO_CREDENTIALS);
        assertThat(f.detail()).isEqualTo("profile 'nope' gives none");
    }

    @Test
    void expiredSsoSessionSaysHowToLogIn() {
        Failure f = listServicesFailing(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain: [ProfileCredentialsProvider(profileName=prod): "
                        + "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this "
                        + "SSO session run aws sso login with the corresponding profile.]"), Optional.of("prod"));
        assertThat(f.kind()).isEqualTo(Kind.SSO_EXPIRED);
        assertThat(f.line()).isEqualTo("the SSO session has expired: run aws sso login --profile prod");
    }

    @Test
    void expiredSsoTokenInACause() {
        Failure f = listServicesFailing(SdkClientException.builder().message("Unable to load credentials")
                .cause(new IllegalStateException("Token is expired, SSO token refresh failed")).build(), Optional.empty());
        assertThat(f.kind()).isEqualTo(Kind.SSO_EXPIRED);
        assertThat(f.detail()).isEqualTo("run aws sso login");
    }

    @Test
    void theWordsSessionAndProcessAreNotSso() {
        Failure f = listServicesFailing(SdkClientException.create(
                "Unable to load credentials: ProcessCredentialsProvider: session token expired"), Optional.empty());
        assertThat(f.kind()).isEqualTo(Kind.NO_CREDENTIALS);
    }

    @Test
    void expiredSessionToken() {
        for (String code : List.of("ExpiredToken", "ExpiredTokenException")) {
            Failure f = listServicesFailing(service(code, 400, "The security token included in the request is expired"),
                    Optional.of("dev"));
            assertThat(f.kind()).as(code).isEqualTo(Kind.SSO_EXPIRED);
            assertThat(f.detail()).contains("aws sso login --profile dev").contains(code);
        }
    }

    @Test
    void accessDeniedNamesTheAction() {
        for (String code : List.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation")) {
            Failure f = listServicesFailing(service(code, 400, "User is not authorized"), Optional.empty());
            assertThat(f.kind()).as(code).isEqualTo(Kind.ACCESS_DENIED);
            assertThat(f.action()).isEqualTo("ecs:ListServices");
            assertThat(f.line()).isEqualTo("access denied to ecs:ListServices (the IAM policy needs ecs:ListServices)");
        }
    }

    @Test
    void accessDeniedOnCloudWatchNamesGetMetricData() {
        FakeAws aws = new FakeAws();
        aws.services = List.of("a");
        when(aws.cloudWatch.getMetricData(any(GetMetricDataRequest.class)))
                .thenThrow(service("AccessDenied", 403, "not authorized to perform cloudwatch:GetMetricData"));
        Failure f = aws.reader().snapshot(REQUEST).getLeft();
        assertThat(f.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(f.action()).isEqualTo("cloudwatch:GetMetricData");
    }

    @Test
    void forbiddenMetricResultIsAccessDenied() {
        FakeAws aws = new FakeAws();
        when(aws.cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenReturn(GetMetricDataResponse.builder()
                .metricDataResults(MetricDataResult.builder().id("q0").statusCode(StatusCode.FORBIDDEN).build()).build());
        Failure f = aws.reader().snapshot(REQUEST).getLeft();
        assertThat(f.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(f.action()).isEqualTo("cloudwatch:GetMetricData");
    }

    @Test
    void throttlingAfterRetries() {
        Failure f = listServicesFailing(service("ThrottlingException", 400, "Rate exceeded"), Optional.empty());
        assertThat(f.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(f.line()).isEqualTo("AWS is throttling ecs:ListServices; backing off");
    }

    @Test
    void throttlingOnDescribeServicesComesBackFromItsThread() {
        FakeAws aws = new FakeAws();
        aws.services = List.of("a");
        when(aws.ecs.describeServices(any(DescribeServicesRequest.class))).thenThrow(service("ThrottlingException", 400, "Rate exceeded"));
        Failure f = aws.reader().snapshot(REQUEST).getLeft();
        assertThat(f.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(f.action()).isEqualTo("ecs:DescribeServices");
    }

    @Test
    void network() {
        List<RuntimeException> thrown = List.of(
                SdkClientException.builder().message("Unable to execute HTTP request: Connection refused")
                        .cause(new ConnectException("Connection refused")).build(),
                SdkClientException.builder().message("Unable to execute HTTP request: Read timed out")
                        .cause(new SocketTimeoutException("Read timed out")).build(),
                SdkClientException.builder().message("Unable to execute HTTP request: ecs.mars-1.amazonaws.com")
                        .cause(new UnknownHostException("ecs.mars-1.amazonaws.com")).build(),
                ApiCallTimeoutException.create(30_000));
        for (RuntimeException e : thrown) {
            Failure f = listServicesFailing(e, Optional.empty());
            assertThat(f.kind()).as(e.getMessage()).isEqualTo(Kind.NETWORK);
            assertThat(f.line()).startsWith("cannot reach AWS for ecs:ListServices: ");
        }
    }

    @Test
    void clusterNotFoundNamesTheCluster() {
        Failure f = listServicesFailing((RuntimeException) ClusterNotFoundException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ClusterNotFoundException").errorMessage("Cluster not found.").build())
                .statusCode(400).message("Cluster not found.").build(), Optional.empty());
        assertThat(f.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(f.line()).isEqualTo("not found: cluster 'prod' does not exist in this account and region");
    }

    @Test
    void badRequestAndUnknownKeepTheirMessageOnOneLine() {
        Failure bad = listServicesFailing(service("InvalidParameterException", 400, "maxResults\nmust be <= 100"), Optional.empty());
        assertThat(bad.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(bad.line()).isEqualTo("ecs:ListServices was rejected: maxResults must be <= 100");
        Failure server = listServicesFailing(service("ServerException", 500, "oops"), Optional.empty());
        assertThat(server.kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(server.line()).isEqualTo("ecs:ListServices failed: HTTP 500 ServerException oops");
    }

    @Test
    void clustersFailuresAreMappedToo() {
        FakeAws aws = new FakeAws();
        when(aws.ecs.listClusters(any(ListClustersRequest.class))).thenThrow(service("AccessDeniedException", 400, "no"));
        Failure f = aws.reader().clusters().getLeft();
        assertThat(f.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(f.action()).isEqualTo("ecs:ListClusters");
    }
}

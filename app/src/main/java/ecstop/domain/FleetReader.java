package ecstop.domain;

import io.vavr.control.Either;
import java.util.List;

/**
 * The read-only view of an AWS account that everything above the aws package sees.
 * Implementations block; callers keep them off the UI thread.
 */
public interface FleetReader {
    /** Every cluster in the account and region, all pages. */
    Either<Failure, List<Cluster>> clusters();

    /** One cluster's services and their utilisation over the request's window. */
    Either<Failure, Snapshot> snapshot(SnapshotRequest request);
}

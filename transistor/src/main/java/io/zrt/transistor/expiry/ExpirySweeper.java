package io.zrt.transistor.expiry;

import io.zrt.transistor.TransistorMetrics;
import io.zrt.transistor.TransistorMetrics.Kind;
import io.zrt.transistor.blobs.BlobStore;
import io.zrt.transistor.transfers.TransferStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes transfers and blobs whose time ran out. Reads already ignore expired rows, so the sweep only
 * reclaims space; it is safe to run on every instance at once (each row is deleted by one of them).
 */
@Component
public class ExpirySweeper {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);

    private final TransferStore transfers;
    private final BlobStore blobs;
    private final TransistorMetrics metrics;

    public ExpirySweeper(TransferStore transfers, BlobStore blobs, TransistorMetrics metrics) {
        this.transfers = transfers;
        this.blobs = blobs;
        this.metrics = metrics;
    }

    /** One sweep; returns how many items (transfers plus blobs) were deleted. */
    public int sweep() {
        int expiredTransfers = transfers.deleteExpired();
        int expiredBlobs = blobs.deleteExpired();
        metrics.expired(Kind.TRANSFERS, expiredTransfers);
        metrics.expired(Kind.BLOBS, expiredBlobs);
        if (expiredTransfers + expiredBlobs > 0) {
            LOG.info("expiry sweep deleted {} transfers and {} blobs", expiredTransfers, expiredBlobs);
        }
        return expiredTransfers + expiredBlobs;
    }
}

package org.fluviokit.fake.internal;

import java.util.List;

/**
 * What one stream fetch hands out: whole batches, and where the partition's log stood
 * (the fields of a StreamFetchResponse, spec wire-protocol §3.6.3).
 *
 * @param batches        the batches, in offset order; empty when there was nothing new
 * @param highWatermark  the offset the next record will get
 * @param logStartOffset the first offset still stored
 */
public record FetchResult(List<StoredBatch> batches, long highWatermark, long logStartOffset) {

    public FetchResult {
        batches = List.copyOf(batches);
    }

    /** Records in all batches, counted as Fluvio's client counts them ({@code last_offset_delta + 1} each). */
    public int recordCount() {
        int total = 0;
        for (StoredBatch batch : batches) {
            total += batch.recordCount();
        }
        return total;
    }
}

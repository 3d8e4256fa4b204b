package org.fluviokit.protocol.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.WireWriter;

/**
 * The records field of produce requests and fetch responses (spec §4.1): an i32 byte length,
 * then that many bytes of whole batches back to back.
 *
 * <p>Decoding follows Fluvio's client: a trailing batch cut short by the end of the set (the SPU
 * cuts at max_bytes, possibly mid-batch) is dropped silently (§4.3). A length larger than the
 * input, or a batch with an impossible batch_len, is an error.
 *
 * @param batches the batches, in order
 */
public record RecordSet(List<RecordBatch> batches) {

    public static final RecordSet EMPTY = new RecordSet(List.of());

    public RecordSet {
        batches = List.copyOf(batches);
    }

    public static RecordSet of(RecordBatch... batches) {
        return new RecordSet(List.of(batches));
    }

    /** Total records as clients count them: the sum of {@code last_offset_delta + 1} (§4.3). */
    public long recordCount() {
        return batches.stream().mapToLong(RecordBatch::recordCount).sum();
    }

    public void encode(WireWriter out) {
        out.lengthPrefixed(w -> batches.forEach(batch -> batch.encode(w)));
    }

    public static RecordSet decode(WireReader in) {
        int at = in.position();
        int length = in.i32("record set length");
        if (length < 0) {
            throw in.invalid("negative record set length " + length, at);
        }
        WireReader set = in.slice(length, "record set");
        List<RecordBatch> batches = new ArrayList<>();
        while (set.hasRemaining()) {
            RecordBatch batch = RecordBatch.decode(set, true);
            if (batch == null) {
                break;
            }
            batches.add(batch);
        }
        return new RecordSet(Collections.unmodifiableList(batches));
    }
}

package org.fluviokit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.fluviokit.protocol.record.Record;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.record.RecordSet;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.StreamFetchResponse.FetchablePartitionResponse;
import org.junit.jupiter.api.Test;

/** The snippets the rest of the team codes against, kept compiling and correct. */
class UsageTest {

    @Test
    void clientSendsAProduceRequestAndTheServerReadsIt() throws IOException {
        ByteArrayOutputStream socket = new ByteArrayOutputStream();

        // client side
        RecordBatch batch = RecordBatch.ofRecords(System.currentTimeMillis(), Record.of("key", "value"));
        ProduceRequest request = ProduceRequest.of("hello", 0, batch);
        RequestHeader header = new RequestHeader(ProduceRequest.API_KEY, ProduceRequest.DEFAULT_API_VERSION, 1, "fluvio");
        socket.write(Frames.request(header, request));

        // server side
        byte[] message = new FrameReader(new ByteArrayInputStream(socket.toByteArray())).readFrame().orElseThrow();
        WireReader in = new WireReader(message);
        RequestHeader received = RequestHeader.decode(in);
        assertThat(received.apiKey()).isEqualTo(ApiKey.Spu.PRODUCE);
        ProduceRequest decoded = ProduceRequest.decode(in, received.apiVersion());
        assertThat(decoded).isEqualTo(request);
    }

    @Test
    void clientDecodesAStreamFetchResponse() throws IOException {
        short version = 25;
        RecordBatch stored = RecordBatch.ofRecords(1_700_000_000_000L, Record.of("a"), Record.of("b")).withBaseOffset(10);
        byte[] sent = Frames.response(3, version, new StreamFetchResponse("hello", 1,
                FetchablePartitionResponse.of(0, CodedError.NONE, 12, 0, RecordSet.of(stored))));

        byte[] frame = new FrameReader(new ByteArrayInputStream(sent)).readFrame().orElseThrow();
        WireReader r = new WireReader(frame);
        int correlationId = r.i32("correlation_id");
        StreamFetchResponse response = StreamFetchResponse.decode(r, version);
        List<Record> records = response.partition().records().batches().get(0).records();

        assertThat(correlationId).isEqualTo(3);
        assertThat(response.streamId()).isEqualTo(1);
        assertThat(records).containsExactly(Record.of("a"), Record.of("b").withOffsetDelta(1));
        assertThat(response.partition().records().batches().get(0).baseOffset()).isEqualTo(10);
    }
}

package org.fluviokit.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.ProducedRecord;
import org.fluviokit.fake.wire.WireServer;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.ApiVersionsRequest;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.Encodable;
import org.fluviokit.protocol.FrameReader;
import org.fluviokit.protocol.Frames;
import org.fluviokit.protocol.RequestHeader;
import org.fluviokit.protocol.WireReader;
import org.fluviokit.protocol.record.Compression;
import org.fluviokit.protocol.record.Record;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.UpdateOffsetsRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Produce and consume throughput of 100-byte records through the fake's wire server on loopback,
 * with a client written on the protocol module alone (no Fluvio client logic): what the server
 * costs per record. Scores are records per second. Command and figures: BENCHMARKS.md.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WireBenchmarks {

    static final byte[] PAYLOAD = new byte[100];
    /** Produce requests written before their answers are read, as Fluvio's producer pipelines them. */
    static final int PIPELINE = 64;
    static final int CONSUMED_RECORDS = 100_000;
    static final short SPU_VERSION = ApiKey.Spu.CURRENT_VERSION;

    /** A raw SPU connection: frames out, frames in. */
    static final class Connection implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final FrameReader in;

        Connection(WireServer server) throws IOException {
            socket = new Socket(server.host(), server.spuPort(FakeBroker.DEFAULT_SPU_ID));
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            write(request(ApiKey.API_VERSIONS, (short) 2, 1, new ApiVersionsRequest("0.50.1", "linux", "x86_64")));
            out.flush();
            in.readFrame().orElseThrow();
        }

        void write(byte[] frame) throws IOException {
            out.write(frame);
        }

        byte[] read() throws IOException {
            return in.readFrame().orElseThrow(() -> new IOException("the server closed the connection"));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static byte[] request(int apiKey, short version, int correlationId, Encodable body) {
        return Frames.request(new RequestHeader(apiKey, version, correlationId, "bench"), body);
    }

    /** A fresh broker and server every iteration, so the log does not grow without bound. */
    @State(Scope.Thread)
    public static class Producing {
        FakeBroker broker;
        WireServer server;
        Connection connection;
        byte[] oneRecord;
        byte[] hundredRecords;

        @Setup(Level.Iteration)
        public void setUp() throws IOException {
            broker = FakeBroker.create();
            server = WireServer.start(broker);
            broker.createTopic("bench", 1);
            connection = new Connection(server);
            oneRecord = produceRequest(1);
            hundredRecords = produceRequest(100);
            // the server answers as it should before anything is timed
            connection.write(oneRecord);
            connection.out.flush();
            WireReader answer = new WireReader(connection.read());
            answer.i32("correlation_id");
            CodedError error = ProduceResponse.decode(answer, SPU_VERSION).responses().get(0).partitions().get(0)
                    .errorCode();
            if (!error.isOk()) {
                throw new IllegalStateException("produce failed: " + error);
            }
        }

        static byte[] produceRequest(int records) {
            List<Record> batch = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                batch.add(Record.of(PAYLOAD));
            }
            RecordBatch recordBatch = RecordBatch.ofRecords(System.currentTimeMillis(), Compression.NONE, batch);
            return request(ApiKey.Spu.PRODUCE, SPU_VERSION, 2, ProduceRequest.of("bench", 0, recordBatch));
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws IOException {
            connection.close();
            server.close();
            broker.close();
        }
    }

    /** Produce requests of one record each, {@value #PIPELINE} in flight: per-request cost. */
    @Benchmark
    @OperationsPerInvocation(PIPELINE)
    public int produceOneRecordPerRequest(Producing state) throws IOException {
        return pipeline(state.connection, state.oneRecord);
    }

    /** Produce requests of one 100-record batch each, {@value #PIPELINE} in flight: per-record cost. */
    @Benchmark
    @OperationsPerInvocation(PIPELINE * 100)
    public int produceHundredRecordsPerRequest(Producing state) throws IOException {
        return pipeline(state.connection, state.hundredRecords);
    }

    private static int pipeline(Connection connection, byte[] request) throws IOException {
        for (int i = 0; i < PIPELINE; i++) {
            connection.write(request);
        }
        connection.out.flush();
        int bytes = 0;
        for (int i = 0; i < PIPELINE; i++) {
            bytes += connection.read().length;
        }
        return bytes;
    }

    /** {@value #CONSUMED_RECORDS} records in batches of 100, stored once for the whole run. */
    @State(Scope.Thread)
    public static class Consuming {
        FakeBroker broker;
        WireServer server;

        @Setup(Level.Trial)
        public void setUp() {
            broker = FakeBroker.create();
            server = WireServer.start(broker);
            broker.createTopic("bench", 1);
            List<ProducedRecord> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(new ProducedRecord(null, PAYLOAD, 1_700_000_000_000L));
            }
            try (BrokerConnection producer = BrokerEngine.of(broker).connect()) {
                for (int i = 0; i < CONSUMED_RECORDS / 100; i++) {
                    producer.produce("bench", 0, batch);
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            server.close();
            broker.close();
        }
    }

    /**
     * A stream fetch from offset 0 reading all {@value #CONSUMED_RECORDS} records back, each frame
     * acknowledged with UpdateOffsets as Fluvio's consumer does.
     */
    @Benchmark
    @OperationsPerInvocation(CONSUMED_RECORDS)
    public long consumeWithStreamFetch(Consuming state) throws IOException {
        try (Connection connection = new Connection(state.server)) {
            connection.write(request(ApiKey.Spu.STREAM_FETCH, SPU_VERSION, 1, StreamFetchRequest.of("bench", 0, 0)));
            connection.out.flush();
            long received = 0;
            int acks = 1;
            while (received < CONSUMED_RECORDS) {
                WireReader frame = new WireReader(connection.read());
                if (frame.i32("correlation_id") != 1) {
                    continue; // an UpdateOffsets answer
                }
                StreamFetchResponse response = StreamFetchResponse.decode(frame, SPU_VERSION);
                long next = 0;
                for (RecordBatch batch : response.partition().records().batches()) {
                    received += batch.recordCount();
                    next = batch.lastOffset() + 1;
                }
                connection.write(request(ApiKey.Spu.UPDATE_OFFSETS, (short) 0, ++acks,
                        UpdateOffsetsRequest.of(next, response.streamId())));
                connection.out.flush();
            }
            return received;
        }
    }
}

package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.record.RecordBatch;
import org.fluviokit.protocol.sc.CreateRequest;
import org.fluviokit.protocol.sc.Status;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsRequest;
import org.fluviokit.protocol.spu.FetchConsumerOffsetsResponse;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.StreamFetchResponse;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetRequest;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged standalone jar ({@code target/fluviokit-fake-broker.jar}, run by failsafe after
 * {@code package}): it starts, writes its profile, serves the wire protocol, and with
 * {@code --data-dir} keeps everything it acknowledged through {@code kill -9} (K4).
 */
class StandaloneJarTest {

    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostWhenTheProcessIsKilled() throws Exception {
        Path data = dir.resolve("data");
        Path profile = dir.resolve("profile.toml");

        StandaloneProcess.Running first = StandaloneProcess.start("--data-dir", data.toString(), "--profile", profile.toString());
        try {
            assertThat(Files.readString(profile, StandardCharsets.UTF_8))
                    .contains("endpoint = \"127.0.0.1:" + first.scPort() + "\"");
            try (WireClient sc = WireClient.connect(first.host(), first.scPort());
                 WireClient spu = WireClient.connect(first.host(), first.spuPort())) {
                sc.apiVersions();
                spu.apiVersions();
                int create = sc.send(ApiKey.Sc.CREATE, (short) 19, CreateRequest.topic("durable", TopicSpec.computed(1, 1)));
                assertThat(sc.read(create, (short) 19, Status::decode)).isEqualTo(Status.ok("durable"));
                for (String value : List.of("a", "b", "c")) {
                    int id = spu.send(ApiKey.Spu.PRODUCE, (short) 25,
                            ProduceRequest.of("durable", 0, SpuApiTest.batch(value)));
                    assertThat(spu.read(id, (short) 25, ProduceResponse::decode).responses().get(0).partitions().get(0)
                            .errorCode()).isEqualTo(CodedError.NONE);
                }
                int stream = spu.send(ApiKey.Spu.STREAM_FETCH, (short) 25,
                        StreamFetchRequest.of("durable", 0, 0).withConsumerId("c1"));
                assertThat(SpuApiTest.values(spu.readStream(stream, (short) 25)
                        .partition().records())).containsExactly("a", "b", "c");
                int flush = spu.send(ApiKey.Spu.UPDATE_CONSUMER_OFFSET, (short) 25, new UpdateConsumerOffsetRequest(1, 1));
                assertThat(spu.read(flush, (short) 25, UpdateConsumerOffsetResponse::decode))
                        .isEqualTo(new UpdateConsumerOffsetResponse(1, CodedError.NONE));
            }
        } finally {
            first.kill();
        }

        StandaloneProcess.Running second = StandaloneProcess.start("--data-dir", data.toString());
        try (WireClient spu = WireClient.connect(second.host(), second.spuPort())) {
            spu.apiVersions();
            int stream = spu.send(ApiKey.Spu.STREAM_FETCH, (short) 25, StreamFetchRequest.of("durable", 0, 0));
            StreamFetchResponse records = spu.readStream(stream, (short) 25);
            assertThat(SpuApiTest.values(records.partition().records())).containsExactly("a", "b", "c");
            assertThat(records.partition().records().batches()).extracting(RecordBatch::baseOffset)
                    .containsExactly(0L, 1L, 2L);
            int offsets = spu.send(ApiKey.Spu.FETCH_CONSUMER_OFFSETS, (short) 25, FetchConsumerOffsetsRequest.ALL);
            assertThat(spu.read(offsets, (short) 25, FetchConsumerOffsetsResponse::decode).consumers()).singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.consumerId()).isEqualTo("c1");
                        assertThat(entry.replicaId().topic()).isEqualTo("durable");
                        assertThat(entry.offset()).isEqualTo(1);
                    });
        } finally {
            second.stop();
        }
        // Timing claims belong in benchmarks; the measurement is logged for the record.
        System.out.printf("standalone jar ready %d ms after launch (first start), %d ms (restart with the journal)%n",
                TimeUnit.NANOSECONDS.toMillis(first.readyNanos()), TimeUnit.NANOSECONDS.toMillis(second.readyNanos()));
    }

    @Test
    void withoutAProfileOptionItWritesOneBesideItsData() throws Exception {
        Path data = dir.resolve("beside");
        StandaloneProcess.Running broker = StandaloneProcess.start("--data-dir", data.toString());
        try {
            Path profile = data.resolve("fluvio-profile").toAbsolutePath();
            assertThat(broker.output()).anySatisfy(line -> assertThat(line).startsWith("profile: " + profile + " ("));
            assertThat(Files.readString(profile, StandardCharsets.UTF_8))
                    .contains("endpoint = \"127.0.0.1:" + broker.scPort() + "\"");
        } finally {
            broker.stop();
        }
    }

    @Test
    void refusesToOverwriteAProfileItDidNotWrite() throws Exception {
        Path mine = dir.resolve("config");
        Files.writeString(mine, "version = \"2.0\"\ncurrent_profile = \"real\"\n", StandardCharsets.UTF_8);
        StandaloneProcess.Finished run = StandaloneProcess.run("--profile", mine.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.stderr()).singleElement().asString().contains("was not written by fluviokit", "--overwrite-profile");
        assertThat(Files.readString(mine, StandardCharsets.UTF_8)).contains("current_profile = \"real\"");
    }

    @Test
    void aGivenPortThatIsTakenIsRefusedNotReplaced() throws Exception {
        // A port this test holds is busy for certain, so the jar must say so rather than pick another.
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            for (String option : List.of("--sc-port", "--spu-port")) {
                StandaloneProcess.Finished run = StandaloneProcess.run(option, String.valueOf(busy.getLocalPort()));
                assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
                assertThat(run.stderr()).as(option).singleElement().asString().startsWith("fluviokit-fake-broker: ")
                        .contains("in use");
            }
        }
    }
}

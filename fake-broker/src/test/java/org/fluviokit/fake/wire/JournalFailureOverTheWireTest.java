package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.fake.internal.JournalFixtures;
import org.fluviokit.protocol.ApiKey;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.spu.ProduceRequest;
import org.fluviokit.protocol.spu.ProduceResponse;
import org.fluviokit.protocol.spu.StreamFetchRequest;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetRequest;
import org.fluviokit.protocol.spu.UpdateConsumerOffsetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal write that fails reaches the client as the SPU's answer to a failed append
 * (StorageError, 56) or to a failed consumer-offset store (Other with the reason), and a waiting
 * stream is never handed what was not journaled.
 */
class JournalFailureOverTheWireTest {

    private static final short V = 25;

    @TempDir
    Path dataDir;

    @Test
    void aProduceTheJournalRefusesIsAnsweredWithStorageErrorAndNeverStreamed() {
        try (FakeBroker broker = FakeBroker.builder().dataDirectory(dataDir).journalNotices(notice -> { })
                .clock(VirtualClock.startingAt(Instant.ofEpochSecond(1_000))).build();
             WireServer server = WireServer.start(broker);
             WireClient producer = WireClient.spu(server, FakeBroker.DEFAULT_SPU_ID);
             WireClient consumer = WireClient.spu(server, FakeBroker.DEFAULT_SPU_ID)) {
            broker.createTopic("t", 1);
            int stream = consumer.send(ApiKey.Spu.STREAM_FETCH, V, StreamFetchRequest.of("t", 0, 0).withConsumerId("c1"));
            JournalFixtures.failNextJournalWrite(broker, 16, false);

            int refused = producer.send(ApiKey.Spu.PRODUCE, V, ProduceRequest.of("t", 0, SpuApiTest.batch("lost")));
            assertThat(producer.read(refused, V, ProduceResponse::decode).responses().get(0).partitions().get(0)
                    .errorCode()).isEqualTo(CodedError.of(ErrorCode.STORAGE_ERROR));
            assertThat(consumer.silentFor(Duration.ofMillis(100))).as("nothing journaled, nothing streamed").isTrue();

            int accepted = producer.send(ApiKey.Spu.PRODUCE, V, ProduceRequest.of("t", 0, SpuApiTest.batch("kept")));
            assertThat(producer.read(accepted, V, ProduceResponse::decode).responses().get(0).partitions().get(0)
                    .baseOffset()).isZero();
            assertThat(SpuApiTest.values(consumer.readStream(stream, V).partition().records())).containsExactly("kept");

            JournalFixtures.failNextJournalWrite(broker, 0, false);
            int flush = consumer.send(ApiKey.Spu.UPDATE_CONSUMER_OFFSET, V, new UpdateConsumerOffsetRequest(0, 1));
            assertThat(consumer.read(flush, V, UpdateConsumerOffsetResponse::decode).errorCode())
                    .satisfies(error -> {
                        assertThat(error.code()).isEqualTo(ErrorCode.OTHER);
                        assertThat(error.message()).contains("cannot write the broker journal", "Input/output error");
                    });
            assertThat(broker.consumerOffsets()).isEmpty();
        }
    }
}

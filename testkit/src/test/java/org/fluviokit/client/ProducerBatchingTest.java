package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.fluviokit.client.spi.TimeSource;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.client.spi.TransportException;
import org.fluviokit.fake.BrokerApi;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.testkit.FakeTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the producer batches when its cluster answers over a network (linger 0, batches up to 16 KiB,
 * one request per partition in flight), shown on a fake behind a transport whose produce requests
 * wait until the test lets them through.
 */
class ProducerBatchingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeBroker broker;
    private SlowTransport transport;
    private Fluvio fluvio;

    @BeforeEach
    void start() {
        broker = FakeBroker.create();
        broker.createTopic("t", 1);
        FluvioTarget overTheNetwork = new FluvioTarget(FakeTarget.of(broker)) {
            @Override
            protected Transport openTransport() {
                transport = new SlowTransport(super.openTransport());
                return transport;
            }

            @Override
            public String describe() {
                return "a fake answering as over a network";
            }
        };
        fluvio = Fluvio.connect(overTheNetwork);
    }

    @AfterEach
    void stop() {
        transport.letThrough(1000);
        fluvio.close();
        broker.close();
    }

    @Test
    void recordsSentWhileARequestIsOutGoTogetherInTheNext() throws Exception {
        TopicProducer producer = fluvio.topicProducer("t");
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        sent.add(producer.send(null, "r0"));
        transport.awaitRequests(1);
        for (int i = 1; i < 5; i++) {
            sent.add(producer.send(null, "r" + i));
        }
        assertThat(sent).noneMatch(CompletableFuture::isDone);

        transport.letThrough(2);
        List<Long> offsets = new ArrayList<>();
        for (CompletableFuture<RecordMetadata> future : sent) {
            offsets.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS).offset());
        }
        assertThat(offsets).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(transport.batchSizes()).containsExactly(1, 4);
    }

    @Test
    void aBatchStopsAtSixteenKibibytes() {
        TopicProducer producer = fluvio.topicProducer("t");
        producer.send(null, "first");
        transport.awaitRequests(1);
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(producer.send(null, new byte[4096])); // about 4 KiB each: three fit in a batch
        }
        transport.letThrough(1000);
        producer.flush();
        assertThat(sent).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
        assertThat(transport.batchSizes()).containsExactly(1, 3, 3, 3, 1);
        assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(11);
    }

    @Test
    void aRefusedBatchFailsItsRecordsAndTheNextOnesStillGo() {
        TopicProducer producer = fluvio.topicProducer("t");
        broker.faults().failNext(BrokerApi.PRODUCE, ErrorCode.MESSAGE_TOO_LARGE);
        CompletableFuture<RecordMetadata> refused = producer.send(null, "r0");
        transport.awaitRequests(1);
        CompletableFuture<RecordMetadata> next = producer.send(null, "r1");
        transport.letThrough(2);
        assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(FluvioException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.MESSAGE_TOO_LARGE));
        assertThat(next.join().offset()).isZero();
    }

    @Test
    void flushWaitsForEveryRecordSent() {
        TopicProducer producer = fluvio.topicProducer("t");
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(producer.send(null, "r" + i));
        }
        transport.letThrough(1000);
        producer.flush();
        assertThat(sent).allMatch(CompletableFuture::isDone);
        assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(100);
    }

    @Test
    void inProcessEveryRecordIsStoredBeforeSendReturns() {
        try (FakeBroker direct = FakeBroker.create(); Fluvio client = Fluvio.connect(FakeTarget.of(direct))) {
            direct.createTopic("t", 1);
            CompletableFuture<RecordMetadata> sent = client.topicProducer("t").send(null, "now");
            assertThat(sent).isCompleted();
            assertThat(direct.topic("t").orElseThrow().partitions().get(0).highWatermark()).isEqualTo(1);
        }
    }

    /** The fake's transport, answering produce requests only as the test lets them through. */
    private static final class SlowTransport implements Transport {
        private final Transport fake;
        private final Semaphore gate = new Semaphore(0);
        private final Semaphore arrived = new Semaphore(0);
        private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

        SlowTransport(Transport fake) {
            this.fake = fake;
        }

        void letThrough(int requests) {
            gate.release(requests);
        }

        void awaitRequests(int requests) {
            try {
                assertThat(arrived.tryAcquire(requests, WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        List<Integer> batchSizes() {
            return List.copyOf(batchSizes);
        }

        @Override
        public long produce(String topic, int partition, List<OutgoingRecord> records) {
            arrived.release();
            try {
                if (!gate.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new TransportException("the test never let this request through");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted", e);
            }
            batchSizes.add(records.size());
            return fake.produce(topic, partition, records);
        }

        @Override
        public TimeSource time() {
            return fake.time();
        }

        @Override
        public String describe() {
            return fake.describe();
        }

        @Override
        public void createTopic(String name, TopicSpec spec, boolean dryRun) {
            fake.createTopic(name, spec, dryRun);
        }

        @Override
        public void deleteTopic(String name, boolean force) {
            fake.deleteTopic(name, force);
        }

        @Override
        public List<TopicMetadata> listTopics() {
            return fake.listTopics();
        }

        @Override
        public Optional<TopicMetadata> topic(String name) {
            return fake.topic(name);
        }

        @Override
        public Offsets fetchOffsets(String topic, int partition) {
            return fake.fetchOffsets(topic, partition);
        }

        @Override
        public StreamHandle streamFetch(String topic, int partition, long fetchOffset, int maxBytes, String consumerId,
                                        Runnable onData) {
            return fake.streamFetch(topic, partition, fetchOffset, maxBytes, consumerId, onData);
        }

        @Override
        public List<ConsumerOffset> fetchConsumerOffsets(String topic, Integer partition, String consumerId) {
            return fake.fetchConsumerOffsets(topic, partition, consumerId);
        }

        @Override
        public void deleteConsumerOffset(String consumerId, String topic, int partition) {
            fake.deleteConsumerOffset(consumerId, topic, partition);
        }

        @Override
        public void close() {
            fake.close();
        }
    }
}

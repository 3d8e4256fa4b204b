package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.testkit.FakeTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets Fluvio's error code and text, and changes nothing. */
@FluvioTest
@Topic("t")
class BadInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "under_score", "-leading", "trailing-", "with space", "dot.ted", "émoji"})
    void invalidTopicNamesAreRefused(String name, Fluvio fluvio) { // L3
        List<TopicMetadata> before = fluvio.admin().listTopics();
        assertThatThrownBy(() -> fluvio.admin().createTopic(name, 1)).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOPIC_INVALID_NAME);
            assertThat(e).hasMessage("Invalid topic name: topic name may only include lowercase letters (a-z),"
                    + " numbers (0-9), and hyphens (-).");
        });
        // Names and specs: a cluster's SPU reports a new partition's high watermark a moment after creating it.
        assertThat(fluvio.admin().listTopics()).extracting(TopicMetadata::name, TopicMetadata::spec)
                .containsExactlyElementsOf(before.stream().map(t -> tuple(t.name(), t.spec())).toList());
    }

    @Test
    @org.fluviokit.junit.FakeOnly("a shared cluster's name prefix leaves fewer than 63 characters for the name")
    void tooLongAndEmptyTopicNamesAreRefused(Fluvio fluvio) { // L3
        for (String name : List.of("a".repeat(64), "")) {
            assertThatThrownBy(() -> fluvio.admin().createTopic(name, 1)).isInstanceOfSatisfying(FluvioException.class,
                    e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.TOPIC_INVALID_NAME);
                        assertThat(e).hasMessage("Invalid topic name: topic name may only include lowercase letters"
                                + " (a-z), numbers (0-9), and hyphens (-).");
                    });
        }
        assertThat(fluvio.admin().listTopics()).extracting(TopicMetadata::name).containsExactly("t");
        fluvio.admin().createTopic("a".repeat(63), 1);
        assertThat(fluvio.admin().listTopics()).extracting(TopicMetadata::name).containsExactly("a".repeat(63), "t");
    }

    @Test
    void existingTopicAndZeroPartitionsAreRefused(Fluvio fluvio) {
        assertThatThrownBy(() -> fluvio.admin().createTopic("t", 3)).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOPIC_ALREADY_EXISTS);
            assertThat(e).hasMessage("Topic already exists");
        });
        assertThatThrownBy(() -> fluvio.admin().createTopic("zero", 0)).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOPIC_ERROR);
            assertThat(e).hasMessage("partition must be greater than 0");
        });
        assertThat(fluvio.admin().listTopics()).extracting(TopicMetadata::name).containsExactly("t");
        assertThat(fluvio.admin().listTopics().get(0).partitions()).hasSize(1);
    }

    @Test
    void unknownTopicsAreReportedByProducersConsumersAndAdmin(Fluvio fluvio) {
        assertThatThrownBy(() -> fluvio.topicProducer("nope")).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOPIC_NOT_FOUND);
            assertThat(e).hasMessage("Topic not found: nope");
        });
        assertThatThrownBy(() -> fluvio.consumerWithConfig(ConsumerConfig.builder().topic("nope")
                .offsetStart(Offset.beginning()).offsetConsumer("c").offsetStrategy(OffsetManagementStrategy.AUTO)
                .build())).isInstanceOfSatisfying(FluvioException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.TOPIC_NOT_FOUND);
                    assertThat(e).hasMessage("Topic not found: nope");
                });
        assertThatThrownBy(() -> fluvio.admin().deleteTopic("nope")).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOPIC_NOT_FOUND);
            assertThat(e).hasMessage("Topic not found");
        });
        assertThat(fluvio.admin().listTopics()).extracting(TopicMetadata::name).containsExactly("t");
        assertThat(fluvio.consumerOffsets()).isEmpty();
    }

    @Test
    void unknownPartitionsAreReported(Fluvio fluvio, FakeBroker broker) {
        assertThatThrownBy(() -> fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t").partition(5)
                .offsetStart(Offset.beginning()).build())).isInstanceOfSatisfying(FluvioException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_LEADER_FOR_PARTITION);
                    assertThat(e).hasMessage("Partition not found: t-5");
                });
        assertThatThrownBy(() -> fluvio.topicProducer("t", 5).send(null, "x"))
                .isInstanceOfSatisfying(FluvioException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_LEADER_FOR_PARTITION);
                    assertThat(e).hasMessage("Producer error: partition: 5 not found");
                });
        assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isZero();
        assertThat(broker.openConnections()).isLessThanOrEqualTo(1);
    }

    @Test
    void oversizedRecordsAreRefusedBeforeSending(Fluvio fluvio, FakeBroker broker) {
        TopicProducer producer = fluvio.topicProducer("t");
        byte[] big = new byte[DefaultTopicProducer.MAX_REQUEST_SIZE];
        assertThatThrownBy(() -> producer.send(null, big)).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
            assertThat(e).hasMessage("Producer error: record size (1048650 bytes), exceeded maximum request size"
                    + " (1048650 bytes)");
        });
        assertThat(broker.topic("t").orElseThrow().partitions().get(0).highWatermark()).isZero();
        // the largest record that fits is accepted
        assertThat(producer.send(null, new byte[DefaultTopicProducer.MAX_REQUEST_SIZE - 73]).join().offset()).isZero();
    }

    @Test
    void brokerRefusalOfAProduceFailsTheFutureAndStoresNothing(Fluvio fluvio) {
        try (FakeBroker tiny = FakeBroker.builder().maxBatchBytes(100).build();
             Fluvio client = Fluvio.connect(FakeTarget.of(tiny))) {
            client.admin().createTopic("t", 1);
            assertThatThrownBy(() -> client.topicProducer("t").send(null, "x".repeat(200)).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(FluvioException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
                        assertThat(e).hasMessage("Producer error: Producer received an error code: the message is too"
                                + " large to send");
                    });
            assertThat(tiny.topic("t").orElseThrow().partitions().get(0).highWatermark()).isZero();
        }
    }

    @Test
    void configErrorsOpenNothing(Fluvio fluvio, FakeBroker broker) { // E4, E5
        int connections = broker.openConnections();
        for (OffsetManagementStrategy strategy : List.of(OffsetManagementStrategy.AUTO, OffsetManagementStrategy.MANUAL)) {
            assertConfigError(() -> fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                    .offsetStart(Offset.beginning()).offsetStrategy(strategy).build()),
                    "Consumer config error: Consumer id is required when using offset strategy");
        }
        assertConfigError(() -> fluvio.consumerWithConfig(ConsumerConfig.builder().offsetStart(Offset.beginning())
                .build()), "Consumer config error: Missing required config option: `topic` must be initialized");
        assertConfigError(() -> fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t").build()),
                "Consumer config error: Missing required config option: `offset_start` must be initialized");
        assertThat(broker.openConnections()).isEqualTo(connections);
        assertThat(broker.consumerOffsets()).isEmpty();
        assertThat(broker.consumerOffsetUpdates()).isEmpty();
    }

    private static void assertConfigError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.OTHER);
            assertThat(e).hasMessage(message);
        });
    }

    @Test
    void negativeOffsetsAreRefusedWhereTheyAreMade() { // A5: before any stream could use one
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable negative : List.<org.assertj.core.api.ThrowableAssert
                .ThrowingCallable>of(() -> Offset.absolute(-1), () -> Offset.fromBeginning(-1), () -> Offset.fromEnd(-1))) {
            // Fluvio's NegativeOffset carries no code of its own; the kit gives it the closest one.
            assertThatThrownBy(negative).isInstanceOfSatisfying(FluvioException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.OFFSET_OUT_OF_RANGE);
                assertThat(e).hasMessage("Attempted to create negative offset: -1");
            });
        }
    }

    @Test
    void deletingASystemTopicNeedsForce(Fluvio fluvio) { // K3
        assertThatThrownBy(() -> fluvio.admin().deleteTopic("consumer-offset"))
                .isInstanceOfSatisfying(FluvioException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT);
                    assertThat(e).hasMessage("system topic 'consumer-offset' can only be deleted forcibly");
                });
        assertThat(fluvio.admin().listSystemTopics()).extracting(TopicMetadata::name).containsExactly("consumer-offset");
    }

    @Test
    void readingAClosedStreamSaysItIsClosed(Fluvio fluvio) {
        ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).build());
        stream.close();
        assertThatThrownBy(() -> stream.next(Duration.ofMillis(10))).isInstanceOf(IllegalStateException.class)
                .hasMessage("this consumer stream is closed");
    }
}

package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Fluvio docs' consumer-offsets session (../shared/seed/consumer-offsets-docs.md) through the
 * Java API: what {@code fluvio consume hello-topic -c c1 -Bd} does is an auto stream with the
 * consumer id, from the beginning, without continuation.
 */
class SeedSessionTest {

    private FakeBroker broker;
    private Fluvio fluvio;

    @BeforeEach
    void connect() {
        broker = FakeBroker.create();
        fluvio = Fluvio.connect(FluvioTarget.fake(broker));
        fluvio.admin().createTopic("hello-topic", 1);
    }

    @AfterEach
    void close() {
        fluvio.close();
        broker.close();
    }

    @Test
    void docsSessionResumesEachConsumerAfterItsLastRecord() {
        TopicProducer producer = fluvio.topicProducer("hello-topic");
        producer.send(null, "One").join();
        producer.send(null, "Two").join();

        assertThat(consumeFromBeginning("c1")).containsExactly("One", "Two");
        assertThat(fluvio.consumerOffsets())
                .extracting(ConsumerOffset::consumerId, ConsumerOffset::topic, ConsumerOffset::partition,
                        ConsumerOffset::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "hello-topic", 0, 1L)); // B1

        producer.send(null, "Three").join();
        assertThat(consumeFromBeginning("c1")).containsExactly("Three"); // B3
        assertThat(consumeFromBeginning("c2")).containsExactly("One", "Two", "Three");
        assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::consumerId, ConsumerOffset::offset)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", 2L),
                        org.assertj.core.groups.Tuple.tuple("c2", 2L));

        fluvio.deleteConsumerOffset("c1", "hello-topic", 0);
        fluvio.deleteConsumerOffset("c2", "hello-topic", 0);
        assertThat(fluvio.consumerOffsets()).isEmpty();
    }

    private List<String> consumeFromBeginning(String consumer) {
        ConsumerConfig config = ConsumerConfig.builder()
                .topic("hello-topic")
                .offsetConsumer(consumer)
                .offsetStart(Offset.beginning())
                .offsetStrategy(OffsetManagementStrategy.AUTO)
                .offsetFlush(Duration.ofSeconds(2))
                .disableContinuous(true)
                .build();
        try (ConsumerStream stream = fluvio.consumerWithConfig(config)) {
            List<String> values = stream.next(100, Duration.ofSeconds(1)).stream()
                    .map(ConsumerRecord::valueAsString).toList();
            // The CLI commits and flushes explicitly at a normal exit (section 2.2).
            stream.offsetCommit();
            stream.offsetFlush();
            return values;
        }
    }
}

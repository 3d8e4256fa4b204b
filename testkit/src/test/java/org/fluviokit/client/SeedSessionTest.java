package org.fluviokit.client;

import static org.fluviokit.assertj.FluvioAssertions.assertThat;

import java.time.Duration;

import org.fluviokit.junit.FluvioProducer;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.junit.jupiter.api.Test;

/**
 * The Fluvio docs' consumer-offsets session (Fluvio docs 0.14, "Consumer Offsets") through the
 * Java API. {@code fluvio consume hello-topic -c c1 -Bd} is an auto stream with the consumer id,
 * from the beginning, without continuation, that commits and flushes when it finishes (spec 2.2).
 */
@FluvioTest
@Topic("hello-topic")
class SeedSessionTest {

    private static ConsumerStream consumeFromBeginning(Fluvio fluvio, String consumer) {
        return fluvio.consumerWithConfig(ConsumerConfig.builder()
                .topic("hello-topic")
                .offsetConsumer(consumer)
                .offsetStart(Offset.beginning())
                .offsetStrategy(OffsetManagementStrategy.AUTO)
                .offsetFlush(Duration.ofSeconds(2))
                .disableContinuous(true)
                .build());
    }

    private static void consumeLikeTheCli(Fluvio fluvio, String consumer, String... expected) {
        try (ConsumerStream stream = consumeFromBeginning(fluvio, consumer)) {
            assertThat(stream).yieldsValues(expected).hasNoMoreRecords();
            stream.offsetCommit();
            stream.offsetFlush();
        }
    }

    @Test
    void docsSessionResumesEachConsumerAfterItsLastRecord(Fluvio fluvio, @FluvioProducer TopicProducer producer) {
        producer.send(null, "One").join();
        producer.send(null, "Two").join();

        consumeLikeTheCli(fluvio, "c1", "One", "Two");
        assertThat(fluvio).consumerOffsets().hasOffset("c1", "hello-topic", 0, 1); // B1

        producer.send(null, "Three").join();
        consumeLikeTheCli(fluvio, "c1", "Three"); // B3
        consumeLikeTheCli(fluvio, "c2", "One", "Two", "Three");
        assertThat(fluvio)
                .hasConsumerOffset("c1", "hello-topic", 0, 2)
                .hasConsumerOffset("c2", "hello-topic", 0, 2);

        fluvio.deleteConsumerOffset("c1", "hello-topic", 0);
        fluvio.deleteConsumerOffset("c2", "hello-topic", 0);
        assertThat(fluvio).hasNoConsumerOffsets();
    }
}

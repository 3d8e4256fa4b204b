package org.fluviokit.assertj;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fluviokit.assertj.FluvioAssertions.assertThat;
import static org.fluviokit.assertj.FluvioAssertions.assertThatOffsets;

import java.time.Duration;
import java.util.List;

import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.junit.FluvioConsumer;
import org.fluviokit.junit.FluvioProducer;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.junit.jupiter.api.Test;

@FluvioTest
@Topic("t")
class FluvioAssertionsTest {

    private static final List<ConsumerOffset> OFFSETS = List.of(new ConsumerOffset("c1", "t", 0, 1, 100));

    @Test
    void offsetAssertionsPassAndFailWithWhatWasFound() {
        assertThatOffsets(OFFSETS).hasOffset("c1", "t", 0, 1).hasNoOffset("c2", "t", 0).hasNoOffsetsFor("c2");
        assertThatThrownBy(() -> assertThatOffsets(OFFSETS).hasOffset("c1", "t", 0, 2))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected consumer <c1> to have offset <2> stored for <t-0>, but it has <1>.");
        assertThatThrownBy(() -> assertThatOffsets(OFFSETS).hasOffset("c2", "t", 0, 1))
                .hasMessageStartingWith("Expected consumer <c2> to have offset <1> stored for <t-0>, but it has none.");
        assertThatThrownBy(() -> assertThatOffsets(OFFSETS).hasNoOffset("c1", "t", 0))
                .hasMessage("Expected no offset stored for consumer <c1> on <t-0>, but found <1>.");
        assertThatThrownBy(() -> assertThatOffsets(OFFSETS).isEmpty()).hasMessageContaining("Expecting empty but was");
        // AssertJ's list assertions come with it
        assertThatOffsets(OFFSETS).hasSize(1).extracting(ConsumerOffset::consumerId).containsExactly("c1");
        assertThatThrownBy(() -> assertThatOffsets(OFFSETS).hasOffset("c1", "t", 0, 7))
                .isInstanceOf(org.opentest4j.AssertionFailedError.class)
                .satisfies(e -> {
                    // an IDE shows the two offsets side by side
                    org.opentest4j.AssertionFailedError failure = (org.opentest4j.AssertionFailedError) e;
                    org.assertj.core.api.Assertions.assertThat(failure.getActual().getValue()).isEqualTo(1L);
                    org.assertj.core.api.Assertions.assertThat(failure.getExpected().getValue()).isEqualTo(7L);
                });
        assertThatThrownBy(() -> assertThatOffsets(OFFSETS).hasNoOffsetsFor("c1")).isInstanceOf(AssertionError.class);
    }

    @Test
    void fluvioAssertionsReadTheClustersOffsets(Fluvio fluvio, @FluvioProducer TopicProducer producer,
                                                @FluvioConsumer(consumer = "c1", strategy = OffsetManagementStrategy.AUTO)
                                                ConsumerStream stream) {
        assertThat(fluvio).hasNoConsumerOffsets();
        producer.send(null, "One").join();
        assertThat(stream).yieldsValues("One").hasNoMoreRecords();
        assertThat(fluvio).hasConsumerOffset("c1", "t", 0, 0).hasNoConsumerOffset("c1", "t", 1);
        assertThatThrownBy(() -> assertThat(fluvio).hasNoConsumerOffsets()).isInstanceOf(AssertionError.class);
    }

    @Test
    void streamAssertionsSayWhatTheStreamYielded(@FluvioProducer TopicProducer producer,
                                                 @FluvioConsumer ConsumerStream stream) {
        producer.send(null, "One").join();
        producer.send(null, "Two").join();
        assertThatThrownBy(() -> assertThat(stream).within(Duration.ofSeconds(2)).yieldsValues("One", "Three"))
                .hasMessage("Expected the stream to yield [One, Three] but it yielded [One, Two] (waiting up to 2000 ms per"
                        + " record)");
        producer.send(null, "Four").join();
        assertThatThrownBy(() -> assertThat(stream).within(Duration.ofSeconds(2)).hasNoMoreRecords())
                .hasMessageStartingWith("Expected no more records but the stream yielded ConsumerRecord[");
    }

    @Test
    void recordAssertions(@FluvioProducer TopicProducer producer, @FluvioConsumer ConsumerStream stream) {
        producer.send("k", "v").join();
        ConsumerRecord record = stream.next(Duration.ofSeconds(1)).orElseThrow();
        assertThat(record).hasKey("k").hasValue("v").hasOffset(0).isInPartition(0);
        assertThatThrownBy(() -> assertThat(record).hasNoKey())
                .hasMessageStartingWith("Expected record key <null> but was <k>");
        assertThatThrownBy(() -> assertThat(record).hasValue("w"))
                .hasMessageStartingWith("Expected record value <w> but was <v>")
                .isInstanceOfSatisfying(org.opentest4j.AssertionFailedError.class, failure -> {
                    // an IDE shows the two values side by side
                    org.assertj.core.api.Assertions.assertThat(failure.getActual().getValue()).isEqualTo("v");
                    org.assertj.core.api.Assertions.assertThat(failure.getExpected().getValue()).isEqualTo("w");
                });
        assertThatThrownBy(() -> assertThat(record).hasOffset(3)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(record).isInPartition(1)).isInstanceOf(AssertionError.class);
    }
}

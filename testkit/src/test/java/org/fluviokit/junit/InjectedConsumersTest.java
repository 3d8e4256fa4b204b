package org.fluviokit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.TopicProducer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each attribute of {@link FluvioConsumer} does to the injected stream. Test-method parameters
 * are resolved after {@code @BeforeEach}, so the streams open on the records produced there.
 */
@FluvioTest
@Topic(value = "two", partitions = 2)
class InjectedConsumersTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    @BeforeEach
    void produce(@FluvioProducer(value = "two", partition = 0) TopicProducer first,
                 @FluvioProducer(value = "two", partition = 1) TopicProducer second) {
        for (int i = 0; i < 3; i++) {
            first.send(null, "p0-" + i).join();
            second.send(null, "p1-" + i).join();
        }
    }

    @Test
    void partitionsAndAnAbsoluteStartChooseWhatIsRead(
            @FluvioConsumer(topic = "two", partitions = 1, start = "absolute 1", disableContinuous = true)
            ConsumerStream stream) {
        assertThat(stream.next(10, WAIT)).extracting(ConsumerRecord::valueAsString).containsExactly("p1-1", "p1-2");
        assertThat(stream.next(WAIT)).as("a snapshot stream ends").isEmpty();
    }

    @Test
    void startsFromEitherEnd(
            @FluvioConsumer(topic = "two", partitions = 0, start = "from-end 1", disableContinuous = true)
            ConsumerStream last,
            @FluvioConsumer(topic = "two", partitions = 0, start = "from-beginning 2", disableContinuous = true)
            ConsumerStream third,
            @FluvioConsumer(topic = "two", partitions = 0, start = "end", disableContinuous = true)
            ConsumerStream none) {
        assertThat(last.next(10, WAIT)).extracting(ConsumerRecord::valueAsString).containsExactly("p0-2");
        assertThat(third.next(10, WAIT)).extracting(ConsumerRecord::valueAsString).containsExactly("p0-2");
        assertThat(none.next(WAIT)).isEmpty();
    }

    @Test
    void aContinuousStreamOverEveryPartitionSeesLaterRecords(
            @FluvioConsumer(topic = "two") ConsumerStream stream,
            @FluvioProducer(value = "two", partition = 1) TopicProducer producer) {
        assertThat(stream.next(6, WAIT)).extracting(ConsumerRecord::partition).containsOnly(0, 1).hasSize(6);
        producer.send(null, "later").join();
        assertThat(stream.next(WAIT)).map(ConsumerRecord::valueAsString).contains("later");
    }

    @Test
    void aConsumerIdWithAStrategyStoresItsOffset(
            Fluvio fluvio,
            @FluvioConsumer(topic = "two", partitions = 1, consumer = "billing", strategy = OffsetManagementStrategy.MANUAL)
            ConsumerStream stream) {
        assertThat(stream.next(2, WAIT)).hasSize(2);
        stream.offsetCommit();
        stream.offsetFlush();
        assertThat(fluvio.consumerOffsets()).singleElement().satisfies(offset -> {
            assertThat(offset.consumerId()).isEqualTo("billing");
            assertThat(offset.partition()).isEqualTo(1);
            assertThat(offset.offset()).isEqualTo(1);
        });
    }
}

package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fluviokit.junit.FluvioProducer;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.junit.jupiter.api.Test;

/** The producer's partitioner (spec wire-protocol §5) and what a produce returns. */
@FluvioTest
class ProducerTest {

    @Test
    @Topic(value = "keyed", partitions = 2)
    void producerPlacesKeyedRecordsLikeFluvio(@FluvioProducer TopicProducer producer) { // O5
        assertThat(producer.send("1", "1").join()).isEqualTo(new RecordMetadata(0, 0));
        assertThat(producer.send("2", "2").join()).isEqualTo(new RecordMetadata(0, 1));
        assertThat(producer.send("4", "4").join()).isEqualTo(new RecordMetadata(1, 0));
        assertThat(producer.send("8", "8").join()).isEqualTo(new RecordMetadata(1, 1));
    }

    @Test
    @Topic(value = "rr", partitions = 3)
    void keylessRecordsTakeTurnsFromPartitionZeroForEachProducer(Fluvio fluvio) {
        List<Integer> first = partitions(fluvio.topicProducer("rr"), 5);
        List<Integer> second = partitions(fluvio.topicProducer("rr"), 2);
        assertThat(first).containsExactly(0, 1, 2, 0, 1);
        assertThat(second).containsExactly(0, 1);
    }

    @Test
    @Topic(value = "fixed", partitions = 3)
    void aSpecificPartitionProducerSendsEverythingThere(@FluvioProducer(partition = 2) TopicProducer producer) {
        assertThat(partitions(producer, 3)).containsExactly(2, 2, 2);
    }

    @Test
    @Topic("ordered")
    void offsetsFollowTheOrderOfSendsAndRecordsKeepKeyValueAndTime(Fluvio fluvio,
                                                                  @FluvioProducer TopicProducer producer) {
        long before = fluvio.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            assertThat(producer.send(i % 2 == 0 ? "k" + i : null, "v" + i).join().offset()).isEqualTo(i);
        }
        producer.send(new byte[] {0, 1}, new byte[0]).join();
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("ordered")
                .offsetStart(Offset.beginning()).disableContinuous(true).build())) {
            List<ConsumerRecord> records = stream.next(10, Duration.ofSeconds(1));
            assertThat(records).extracting(ConsumerRecord::keyAsString)
                    .containsExactly("k0", null, "k2", null, "k4", "\u0000\u0001");
            assertThat(records).extracting(ConsumerRecord::valueAsString)
                    .containsExactly("v0", "v1", "v2", "v3", "v4", "");
            // stamped by the producer's clock: the virtual clock on the fake, real time on a cluster
            assertThat(records).extracting(ConsumerRecord::timestamp)
                    .allSatisfy(time -> assertThat(time).isBetween(before, fluvio.currentTimeMillis()));
        }
    }

    @Test
    void recordSizeCountsFluviosEncoding() {
        // spec §4.7: key "1", value "a" is 10 bytes (length 9 + 9 bytes)
        assertThat(DefaultTopicProducer.recordSize("1".getBytes(StandardCharsets.UTF_8),
                "a".getBytes(StandardCharsets.UTF_8))).isEqualTo(10);
        // spec §4.4: value "dog", no key: 10 bytes
        assertThat(DefaultTopicProducer.recordSize(null, "dog".getBytes(StandardCharsets.UTF_8))).isEqualTo(10);
    }

    private static List<Integer> partitions(TopicProducer producer, int sends) {
        List<Integer> partitions = new ArrayList<>();
        for (int i = 0; i < sends; i++) {
            partitions.add(producer.send(null, "x").join().partition());
        }
        return partitions;
    }

    @Test
    @Topic(value = "burst", partitions = 3)
    void recordsSentWithoutWaitingArriveWholeAndInOrderOnEveryPartition(Fluvio fluvio,
                                                                        @FluvioProducer TopicProducer producer) {
        List<java.util.concurrent.CompletableFuture<RecordMetadata>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            sent.add(producer.send(null, Integer.toString(i)));
        }
        producer.flush();
        assertThat(sent).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
        for (int partition = 0; partition < 3; partition++) {
            try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("burst")
                    .partition(partition).offsetStart(Offset.beginning()).disableContinuous(true).build())) {
                List<ConsumerRecord> records = stream.next(2000, java.time.Duration.ofSeconds(10));
                int expectedPartition = partition;
                // round robin from partition 0: this partition holds every third value, in the order sent
                assertThat(records).extracting(ConsumerRecord::valueAsString).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 1000).mapToObj(n -> Integer.toString(3 * n + expectedPartition))
                                .toList());
                for (ConsumerRecord record : records) {
                    assertThat(sent.get(Integer.parseInt(record.valueAsString())).join())
                            .isEqualTo(new RecordMetadata(expectedPartition, record.offset()));
                }
            }
        }
    }
}

package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.fluviokit.fake.FakeBroker;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.fluviokit.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strategy NONE and configuration validation (spec group E). */
@FluvioTest
@Topic("t")
class ConsumerConfigTest {

    @Test
    void strategyDefaultsToNoneEvenWithAConsumerId() { // E1
        ConsumerConfig config = ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning())
                .offsetConsumer("c").build();
        assertThat(config.offsetStrategy()).isEqualTo(OffsetManagementStrategy.NONE);
        assertThat(config.offsetFlush()).isEqualTo(Duration.ofSeconds(10)); // C2: the API's default
        assertThat(config.partitions()).isEmpty(); // F1: all partitions
    }

    @Test
    void commitAndFlushFailUnderNone(Fluvio fluvio) { // E2
        fluvio.topicProducer("t").send(null, "a").join();
        try (ConsumerStream stream = fluvio.consumerWithConfig(
                ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning()).build())) {
            stream.next(Duration.ofSeconds(1));
            assertThatThrownBy(stream::offsetCommit).isInstanceOfSatisfying(FluvioException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.OFFSET_MANAGEMENT_DISABLED);
                assertThat(e).hasMessage("the offset management is disabled for the stream");
            });
            assertThatThrownBy(stream::offsetFlush).isInstanceOfSatisfying(FluvioException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OFFSET_MANAGEMENT_DISABLED));
        }
    }

    @Test
    void noneWithAnIdUsesTheStoredOffsetButNeverWritesOne(Fluvio fluvio, FakeBroker broker) { // E3 (inferred)
        for (String value : new String[] {"a", "b", "c"}) {
            fluvio.topicProducer("t").send(null, value).join();
        }
        try (ConsumerStream manual = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).offsetConsumer("c").offsetStrategy(OffsetManagementStrategy.MANUAL)
                .build())) {
            manual.next(Duration.ofSeconds(1));
            manual.offsetCommit();
            manual.offsetFlush();
        }
        int updates = broker.consumerOffsetUpdates().size();
        try (ConsumerStream none = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("t")
                .offsetStart(Offset.beginning()).offsetConsumer("c").build())) {
            assertThat(none.next(Duration.ofSeconds(1))).map(ConsumerRecord::valueAsString).contains("b");
            assertThatThrownBy(none::offsetCommit).isInstanceOf(FluvioException.class);
        }
        assertThat(broker.consumerOffsetUpdates()).hasSize(updates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MANUAL", "AUTO"})
    void manualOrAutoWithoutAnIdFailsAtBuild(OffsetManagementStrategy strategy) { // E4
        ConsumerConfig.Builder builder = ConsumerConfig.builder().topic("t").offsetStart(Offset.beginning())
                .offsetStrategy(strategy);
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(FluvioException.class, e -> {
            assertThat(e).hasMessage("Consumer config error: Consumer id is required when using offset strategy");
            assertThat(e.errorCode()).isEqualTo(ErrorCode.OTHER);
        });
    }

    @Test
    void missingTopicIsReportedBeforeMissingStart() { // E5
        assertThatThrownBy(() -> ConsumerConfig.builder().build())
                .hasMessage("Consumer config error: Missing required config option: `topic` must be initialized");
        assertThatThrownBy(() -> ConsumerConfig.builder().topic("t").build())
                .hasMessage("Consumer config error: Missing required config option: `offset_start` must be initialized");
    }

    @Test
    void strategyNamesParseInAnyCase() { // E6
        assertThat(OffsetManagementStrategy.parse("None")).isEqualTo(OffsetManagementStrategy.NONE);
        assertThat(OffsetManagementStrategy.parse("MANUAL")).isEqualTo(OffsetManagementStrategy.MANUAL);
        assertThat(OffsetManagementStrategy.parse("aUtO")).isEqualTo(OffsetManagementStrategy.AUTO);
        assertThatThrownBy(() -> OffsetManagementStrategy.parse("sometimes")).isInstanceOfSatisfying(
                FluvioException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.OTHER);
                    assertThat(e).hasMessage("Consumer config error: Invalid offset management strategy: sometimes");
                });
    }

    @Test
    void offsetsParseFromTheConnectorWords() {
        assertThat(Offset.parse("beginning")).isEqualTo(Offset.beginning());
        assertThat(Offset.parse("end")).isEqualTo(Offset.end());
        assertThat(Offset.parse("absolute: 5")).isEqualTo(Offset.absolute(5));
        assertThat(Offset.parse("from-beginning 2")).isEqualTo(Offset.fromBeginning(2));
        assertThat(Offset.parse("from_end=1")).isEqualTo(Offset.fromEnd(1));
        assertThatThrownBy(() -> Offset.parse("middle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an offset: 'middle'");
    }
}

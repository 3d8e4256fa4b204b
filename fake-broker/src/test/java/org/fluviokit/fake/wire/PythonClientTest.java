package org.fluviokit.fake.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of issue #5: Fluvio's official Python client, which nobody here wrote, works against
 * the fake's wire server — connect, create topics, produce with and without keys, consume, named
 * consumers with the manual and auto strategies, list and delete consumer offsets, resume after a
 * reconnect, topic deletion, a broker restart between two consumers, and the texts of requests whose
 * connection the broker drops ({@code BrokerFaults.dropConnectionOnNext}). The cases and their
 * assertions are in {@code src/test/python/fluvio_client_test.py}; this test runs it and checks
 * what the broker holds afterwards.
 */
class PythonClientTest {

    private FakeBroker broker;
    private WireServer server;

    @BeforeEach
    void start() {
        // Real clients flush offsets on real time (C2); the broker stamps them with the same clock.
        broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
        server = WireServer.start(broker);
    }

    @AfterEach
    void stop() {
        server.close();
        broker.close();
    }

    @Test
    void theOfficialPythonClientPassesEveryCase(@TempDir Path dir) {
        long startedSeconds = Instant.now().getEpochSecond();

        PythonFluvioClient.Result result = PythonFluvioClient.run(server, dir, "junit", Duration.ofMinutes(3));

        assertThat(result.exitCode()).as("the Python client's output:%n%s", result.text()).isZero();
        assertThat(result.output()).as(result.text())
                .contains("@@fluviokit restart", "fluvio python client: 13 of 13 cases passed")
                .noneMatch(line -> line.startsWith("FAIL"));

        // What the client did is what the broker holds.
        assertThat(broker.topic("py-one-junit")).map(PythonClientTest::highWatermarks).contains(java.util.List.of(5L));
        assertThat(broker.topic("py-two-junit")).map(PythonClientTest::highWatermarks).contains(java.util.List.of(2L, 4L));
        assertThat(broker.topic("py-kept-junit")).map(PythonClientTest::highWatermarks).contains(java.util.List.of(4L));
        assertThat(broker.topic("py-gone-junit")).isEmpty();
        // the dropped produce stored nothing
        assertThat(broker.topic("py-dead-junit")).map(PythonClientTest::highWatermarks).contains(java.util.List.of(1L));
        assertThat(broker.consumerOffsets()).extracting(ConsumerOffsetEntry::consumerId, ConsumerOffsetEntry::topic,
                        ConsumerOffsetEntry::offset)
                .contains(org.assertj.core.groups.Tuple.tuple("py-manual-junit", "py-one-junit", 1L),
                        org.assertj.core.groups.Tuple.tuple("py-restart-junit", "py-kept-junit", 1L))
                .noneMatch(t -> t.toList().contains("py-gone-junit"));
        assertThat(broker.consumerOffsets()).allSatisfy(entry ->
                assertThat(entry.modifiedTime()).isBetween(startedSeconds - 1, Instant.now().getEpochSecond() + 1));
    }

    private static java.util.List<Long> highWatermarks(TopicInfo topic) {
        return topic.partitions().stream().map(TopicInfo.PartitionInfo::highWatermark).toList();
    }
}

package org.fluviokit.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of one or more partitions of a topic, as Fluvio's {@code ConsumerStream}: opened by
 * {@link Fluvio#consumerWithConfig(ConsumerConfig)}, with the offset management the configuration
 * asks for. A continuous stream reconnects by itself when its connection fails (M1). Not meant to
 * be read from several threads at once.
 */
public interface ConsumerStream extends AutoCloseable {

    /**
     * The next record, waiting up to {@code timeout} for one. Empty when none came in time, or when a
     * {@code disableContinuous} stream has read everything it was opened for. Waiting is real waiting,
     * but ends as soon as a record arrives; {@code next(Duration.ZERO)} does not wait at all: it hands
     * out a record that has already arrived, else empty.
     *
     * @throws FluvioException {@code max retry attempts reached} when a continuous stream could not reconnect
     * @throws IllegalStateException once the stream is closed
     */
    Optional<ConsumerRecord> next(Duration timeout);

    /**
     * Up to {@code max} records, each waited for up to {@code timeout}; fewer when one does not come
     * in time or the stream ends.
     */
    default List<ConsumerRecord> next(int max, Duration timeout) {
        List<ConsumerRecord> records = new ArrayList<>();
        while (records.size() < max) {
            Optional<ConsumerRecord> record = next(timeout);
            if (record.isEmpty()) {
                break;
            }
            records.add(record.get());
        }
        return records;
    }

    /**
     * Marks every record handed out so far as committed, on every partition (D2). Local only.
     *
     * @throws FluvioException {@code the offset management is disabled for the stream} under strategy NONE (E2)
     * @throws IllegalStateException once the stream is closed (closing already did what the strategy does)
     */
    void offsetCommit();

    /**
     * Stores the committed offsets in the cluster and waits for its answer (D3, C9). Sends nothing
     * when nothing new was committed.
     *
     * @throws FluvioException with the cluster's error; under the auto strategy wrapped as
     *                         {@code Other error: …} (C9); under NONE OffsetManagementDisabled (E2)
     * @throws IllegalStateException once the stream is closed
     */
    void offsetFlush();

    /**
     * Closes the stream. Under the auto strategy this commits and sends a last flush without waiting
     * for the answer (C6); under manual it stores nothing (D1). Closing again does nothing; any
     * other method then throws {@link IllegalStateException}.
     *
     * <p>Fluvio's API has no getter for a stream's committed-but-unflushed position (Kafka's
     * {@code MockConsumer.committed()}), and neither has this one: a test sees what a flush stored
     * with {@code Fluvio.consumerOffsets()}.
     */
    @Override
    void close();
}

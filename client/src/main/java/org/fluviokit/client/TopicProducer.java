package org.fluviokit.client;

import java.util.concurrent.CompletableFuture;

/**
 * Sends records to one topic, as Fluvio's {@code TopicProducer}: records with a key go to the
 * partition their key hashes to, records without a key take turns over the partitions, starting
 * at partition 0 for each producer (spec wire-protocol §5). Thread-safe.
 */
public interface TopicProducer extends AutoCloseable {

    /** The topic this producer sends to. */
    String topic();

    /**
     * Sends a record with a UTF-8 key (null for none) and value.
     *
     * @return where the record was stored, or a {@link FluvioException} if the cluster refused it
     * @throws FluvioException at once for a record above the maximum request size (1 MiB)
     * @throws IllegalStateException once the producer (or its client) is closed
     */
    CompletableFuture<RecordMetadata> send(String key, String value);

    /** Sends a record with a key (null for none) and value, as bytes. */
    CompletableFuture<RecordMetadata> send(byte[] key, byte[] value);

    /** Waits until every record sent so far is stored or refused. */
    void flush();

    /** Waits for what was sent ({@link #flush()}); then sending throws {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}

package org.fluviokit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.client.TopicSpec;
import org.fluviokit.client.spi.FluvioErrors;
import org.fluviokit.client.spi.TimeSource;
import org.fluviokit.client.spi.Transport;
import org.fluviokit.client.spi.TransportException;
import org.fluviokit.fake.BrokerException;
import org.fluviokit.fake.ConsumerOffsetEntry;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.TopicConfig;
import org.fluviokit.fake.TopicInfo;
import org.fluviokit.fake.VirtualClock;
import org.fluviokit.fake.internal.BrokerConnection;
import org.fluviokit.fake.internal.BrokerEngine;
import org.fluviokit.fake.internal.ConnectionClosedException;
import org.fluviokit.fake.internal.ConnectionDroppedException;
import org.fluviokit.fake.internal.FetchResult;
import org.fluviokit.fake.internal.PartitionOffsets;
import org.fluviokit.fake.internal.ProducedRecord;
import org.fluviokit.fake.internal.ReplicaKey;
import org.fluviokit.fake.internal.StoredBatch;
import org.fluviokit.fake.internal.StreamSession;
import org.fluviokit.protocol.CodedError;

/**
 * Reaches a {@link FakeBroker} in the same JVM, by method calls. Like Fluvio's SPU socket pool it
 * keeps one connection and opens a new one when the old one broke (e.g. after a broker restart).
 */
final class FakeTransport implements Transport {

    private final FakeBroker broker;
    private final TimeSource time;
    private BrokerConnection connection;

    FakeTransport(FakeBroker broker) {
        this.broker = broker;
        this.time = broker.clock() instanceof VirtualClock virtual ? new VirtualTimeSource(virtual)
                : TimeSource.real(broker.clock());
    }

    @Override
    public TimeSource time() {
        return time;
    }

    @Override
    public String describe() {
        return "fake broker";
    }

    @Override
    public void createTopic(String name, TopicSpec spec, boolean dryRun) {
        TopicConfig config = new TopicConfig(spec.partitions(), spec.replicationFactor(), false, spec.retentionTime(),
                spec.segmentSize(), spec.maxPartitionSize(), spec.compression(), spec.system());
        try {
            broker.createTopic(name, config, dryRun);
        } catch (BrokerException e) {
            throw FluvioErrors.admin(e.error(), e.getMessage());
        } catch (ConnectionClosedException e) {
            throw closedWhileWaiting(e);
        }
    }

    @Override
    public void deleteTopic(String name, boolean force) {
        try {
            broker.deleteTopic(name, force);
        } catch (BrokerException e) {
            throw FluvioErrors.admin(e.error(), e.getMessage());
        } catch (ConnectionClosedException e) {
            throw closedWhileWaiting(e);
        }
    }

    @Override
    public List<TopicMetadata> listTopics() {
        try {
            List<TopicMetadata> result = new ArrayList<>();
            for (TopicInfo info : broker.listTopics()) {
                result.add(metadata(info));
            }
            return result;
        } catch (BrokerException e) {
            throw FluvioErrors.admin(e.error(), e.getMessage());
        } catch (ConnectionClosedException e) {
            throw closedWhileWaiting(e);
        }
    }

    @Override
    public Optional<TopicMetadata> topic(String name) {
        return broker.topic(name).map(FakeTransport::metadata);
    }

    @Override
    public boolean producesInProcess() {
        return true;
    }

    @Override
    public long produce(String topic, int partition, List<OutgoingRecord> records) {
        List<ProducedRecord> produced = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            produced.add(new ProducedRecord(record.key(), record.value(), record.timestamp()));
        }
        try {
            return connection().produce(topic, partition, produced);
        } catch (BrokerException e) {
            throw FluvioErrors.produce(e.error());
        } catch (ConnectionClosedException e) {
            throw FluvioErrors.recordMetadataLost();
        }
    }

    @Override
    public Offsets fetchOffsets(String topic, int partition) {
        try {
            PartitionOffsets offsets = connection().fetchOffsets(topic, partition);
            return new Offsets(offsets.logStartOffset(), offsets.lastStableOffset());
        } catch (BrokerException e) {
            throw FluvioErrors.of(e.error());
        } catch (ConnectionClosedException e) {
            throw closedWhileWaiting(e);
        }
    }

    @Override
    public StreamHandle streamFetch(String topic, int partition, long fetchOffset, int maxBytes, String consumerId,
                                    Runnable onData) {
        try {
            BrokerConnection streamConnection = connection();
            StreamSession session = streamConnection.openStream(topic, partition, fetchOffset, maxBytes, consumerId);
            session.onAvailable(onData);
            return new FakeStream(streamConnection, session);
        } catch (BrokerException e) {
            throw FluvioErrors.of(e.error());
        } catch (ConnectionClosedException e) {
            throw closedWhileWaiting(e);
        }
    }

    @Override
    public List<ConsumerOffset> fetchConsumerOffsets(String topic, Integer partition, String consumerId) {
        Optional<ReplicaKey> replica = topic == null ? Optional.empty()
                : Optional.of(new ReplicaKey(topic, partition == null ? 0 : partition));
        try {
            List<ConsumerOffset> result = new ArrayList<>();
            for (ConsumerOffsetEntry entry : connection().fetchConsumerOffsets(replica, Optional.ofNullable(consumerId))) {
                result.add(new ConsumerOffset(entry.consumerId(), entry.topic(), entry.partition(), entry.offset(),
                        entry.modifiedTime()));
            }
            return result;
        } catch (BrokerException e) {
            throw FluvioErrors.fetchConsumerOffsets(e.error());
        } catch (ConnectionClosedException e) {
            throw closedWhileWaiting(e);
        }
    }

    @Override
    public void deleteConsumerOffset(String consumerId, String topic, int partition) {
        try {
            connection().deleteConsumerOffset(new ReplicaKey(topic, partition), consumerId);
        } catch (BrokerException e) {
            throw FluvioErrors.deleteConsumerOffset(e.error());
        } catch (ConnectionClosedException e) {
            throw closedWhileWaiting(e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        time.close();
    }

    /** A request whose connection the broker dropped while serving it, in the words of Fluvio's socket. */
    private static TransportException closedWhileWaiting(ConnectionClosedException e) {
        return new TransportException(TransportException.CLOSED_WHILE_WAITING, e);
    }

    private synchronized BrokerConnection connection() {
        if (connection == null || connection.isClosed()) {
            connection = BrokerEngine.of(broker).connect();
        }
        return connection;
    }

    static TopicMetadata metadata(TopicInfo info) {
        TopicConfig config = info.config();
        TopicSpec spec = new TopicSpec(config.partitions(), config.replicationFactor(), config.retention(),
                config.segmentSize(), config.maxPartitionSize(), config.compression(), config.system());
        List<TopicMetadata.Partition> partitions = new ArrayList<>();
        for (TopicInfo.PartitionInfo partition : info.partitions()) {
            partitions.add(new TopicMetadata.Partition(partition.partition(), partition.leader(),
                    partition.logStartOffset(), partition.highWatermark(), partition.sizeBytes()));
        }
        return new TopicMetadata(info.name(), spec, "provisioned", "", partitions);
    }

    /** A stream on the connection that opened it: its flushes only make sense there (G1). */
    private static final class FakeStream implements StreamHandle {
        private final BrokerConnection connection;
        private final StreamSession session;

        FakeStream(BrokerConnection connection, StreamSession session) {
            this.connection = connection;
            this.session = session;
        }

        @Override
        public int streamId() {
            return session.id();
        }

        @Override
        public StreamResponse poll() {
            try {
                FetchResult result = session.poll();
                if (result.batches().isEmpty()) {
                    return null;
                }
                List<FetchedBatch> batches = new ArrayList<>(result.batches().size());
                for (StoredBatch batch : result.batches()) {
                    batches.add(new StoredBatchView(batch));
                }
                return new StreamResponse(batches, CodedError.NONE);
            } catch (BrokerException e) {
                return new StreamResponse(List.of(), e.error());
            } catch (ConnectionClosedException e) {
                throw new TransportException(e.getMessage(), e);
            }
        }

        @Override
        public void acknowledge(long nextOffset) {
            try {
                connection.acknowledge(session.id(), nextOffset);
            } catch (BrokerException | ConnectionClosedException e) {
                // The Rust client ignores UpdateOffsets answers (§3.6.4).
            }
        }

        @Override
        public CompletableFuture<CodedError> updateConsumerOffset(long offset) {
            try {
                connection.updateConsumerOffset(session.id(), offset);
                return CompletableFuture.completedFuture(CodedError.NONE);
            } catch (BrokerException e) {
                return CompletableFuture.completedFuture(e.error());
            } catch (ConnectionDroppedException e) {
                return CompletableFuture.failedFuture(closedWhileWaiting(e));
            } catch (ConnectionClosedException e) {
                // In process the connection's end is known before the flush: Fluvio's socket calls that stale.
                return CompletableFuture.failedFuture(new TransportException(TransportException.STALE, e));
            }
        }

        @Override
        public void close() {
            session.onAvailable(null);
            connection.closeStream(session.id());
        }
    }

    private record StoredBatchView(StoredBatch batch) implements FetchedBatch {
        @Override
        public long baseOffset() {
            return batch.baseOffset();
        }

        @Override
        public int recordCount() {
            return batch.recordCount();
        }

        @Override
        public byte[] key(int index) {
            return batch.key(index);
        }

        @Override
        public byte[] value(int index) {
            return batch.value(index);
        }

        @Override
        public long timestamp(int index) {
            return batch.timestamp(index);
        }
    }
}

package org.fluviokit.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.fluviokit.client.spi.TransportException;
import org.fluviokit.protocol.CodedError;
import org.fluviokit.protocol.ErrorCode;
import org.fluviokit.protocol.FluvioApi;
import org.fluviokit.protocol.sc.Metadata;
import org.fluviokit.protocol.sc.MetadataUpdate;
import org.fluviokit.protocol.sc.ObjectKind;
import org.fluviokit.protocol.sc.PartitionSpec;
import org.fluviokit.protocol.sc.PartitionStatus;
import org.fluviokit.protocol.sc.SpuSpec;
import org.fluviokit.protocol.sc.SpuStatus;
import org.fluviokit.protocol.sc.TopicSpec;
import org.fluviokit.protocol.sc.TopicStatus;
import org.fluviokit.protocol.sc.WatchRequest;
import org.fluviokit.protocol.sc.WatchResponse;

/**
 * The SC connection and what the client knows of the cluster through it: the SPUs, partitions and
 * topics the SC publishes on three Watch streams (spec wire-protocol §2.2–2.3). A look-up waits for
 * the first publication (up to the metadata timeout); after that a missing object is missing.
 */
final class ScMetadata implements AutoCloseable {

    /** The oldest platform the client talks to (Fluvio's {@code MINIMUM_PLATFORM_VERSION}). */
    private static final String MINIMUM_PLATFORM_VERSION = "0.9.0";

    private final WireSocket sc;
    private final Duration metadataTimeout;
    private final Store<SpuSpec, SpuStatus> spus = new Store<>(ObjectKind.SPU);
    private final Store<PartitionSpec, PartitionStatus> partitions = new Store<>(ObjectKind.PARTITION);
    private final Store<TopicSpec, TopicStatus> topics = new Store<>(ObjectKind.TOPIC);

    private ScMetadata(WireSocket sc, Duration metadataTimeout) {
        this.sc = sc;
        this.metadataTimeout = metadataTimeout;
    }

    static ScMetadata connect(String host, int port, ClusterSettings settings) {
        WireSocket sc = WireSocket.connect(host, port, settings.clientId(), settings);
        Optional<Short> watchVersion = sc.negotiate(FluvioApi.WATCH);
        if (watchVersion.isEmpty()) {
            sc.close();
            throw new FluvioException(ErrorCode.OTHER, "Fluvio Client " + WireSocket.CLIENT_VERSION + " and Cluster "
                    + sc.platformVersion() + " versions are not compatible. Please use a client compatible with "
                    + sc.platformVersion());
        }
        if (compareVersions(sc.platformVersion(), MINIMUM_PLATFORM_VERSION) < 0) {
            sc.close();
            throw new FluvioException(ErrorCode.OTHER, "Cluster (with platform version " + sc.platformVersion()
                    + ") is older than the minimum required version " + MINIMUM_PLATFORM_VERSION);
        }
        ScMetadata metadata = new ScMetadata(sc, settings.metadataTimeout());
        // §2.2: three watches, in this order, with the client id "dummy"
        metadata.watch(metadata.spus, watchVersion.get());
        metadata.watch(metadata.partitions, watchVersion.get());
        metadata.watch(metadata.topics, watchVersion.get());
        return metadata;
    }

    WireSocket socket() {
        return sc;
    }

    boolean isClosed() {
        return sc.isClosed();
    }

    Optional<Metadata<TopicSpec, TopicStatus>> topic(String name) {
        return topics.get(name);
    }

    List<Metadata<TopicSpec, TopicStatus>> topics() {
        return topics.all();
    }

    /** Partitions are named {@code <topic>-<n>} (§2.3). */
    Optional<Metadata<PartitionSpec, PartitionStatus>> partition(String topic, int partition) {
        return partitions.get(topic + "-" + partition);
    }

    Optional<SpuSpec> spu(int id) {
        for (Metadata<SpuSpec, SpuStatus> spu : spus.all()) {
            if (spu.spec().id() == id) {
                return Optional.of(spu.spec());
            }
        }
        return Optional.empty();
    }

    /** Waits until the condition over the known metadata holds, or the metadata timeout passes. */
    boolean awaitChange(BooleanSupplier condition) {
        long deadline = System.nanoTime() + metadataTimeout.toNanos();
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || sc.isClosed()) {
                    return condition.getAsBoolean();
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void close() {
        sc.close();
    }

    private <S, T> void watch(Store<S, T> store, short version) {
        sc.stream(WatchRequest.API_KEY, version, WatchRequest.of(store.kind), "dummy",
                frame -> {
                    store.apply(WatchResponse.decode(frame, version, store.kind).update());
                    changed();
                },
                reason -> {
                    store.fail(reason);
                    changed();
                });
    }

    private synchronized void changed() {
        notifyAll();
    }

    /** Compares dotted version numbers, ignoring pre-release and build parts. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("[-+]")[0].split("\\.");
        String[] right = b.split("[-+]")[0].split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? parse(left[i]) : 0;
            long r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One kind of object, as the watch publishes it. */
    private final class Store<S, T> {
        final ObjectKind<S, T> kind;
        final Map<String, Metadata<S, T>> objects = new LinkedHashMap<>();
        boolean synced;
        String failure;

        Store(ObjectKind<S, T> kind) {
            this.kind = kind;
        }

        /**
         * §2.3: a non-empty {@code all} replaces everything; otherwise the changes apply one by one;
         * an update with neither changes nothing (and does not count as the first publication).
         */
        void apply(MetadataUpdate<S, T> update) {
            synchronized (ScMetadata.this) {
                if (!update.all().isEmpty()) {
                    objects.clear();
                    for (Metadata<S, T> object : update.all()) {
                        objects.put(object.name(), object);
                    }
                    synced = true;
                } else if (!update.changes().isEmpty()) {
                    for (MetadataUpdate.Message<S, T> change : update.changes()) {
                        if (change.header() == MetadataUpdate.MsgType.DELETE) {
                            objects.remove(change.content().name());
                        } else {
                            objects.put(change.content().name(), change.content());
                        }
                    }
                    synced = true;
                }
            }
        }

        void fail(String reason) {
            synchronized (ScMetadata.this) {
                failure = reason;
            }
        }

        Optional<Metadata<S, T>> get(String name) {
            awaitSync();
            synchronized (ScMetadata.this) {
                return Optional.ofNullable(objects.get(name));
            }
        }

        List<Metadata<S, T>> all() {
            awaitSync();
            synchronized (ScMetadata.this) {
                return new ArrayList<>(objects.values());
            }
        }

        private void awaitSync() {
            boolean ready = awaitChange(() -> synced || failure != null);
            synchronized (ScMetadata.this) {
                if (!synced && failure != null) {
                    throw new TransportException("the SC connection " + failure);
                }
                if (!ready || !synced) {
                    throw new FluvioException(CodedError.other("timed out searching metadata " + kind.label()),
                            "timed out searching metadata " + kind.label() + " failed due to timeout: "
                                    + metadataTimeout.toMillis() + " ms");
                }
            }
        }
    }
}

package org.fluviokit.fake.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.fluviokit.fake.ConsumerOffsetEntry;

/**
 * The broker's consumer offsets: last write wins, no validation (G2), keyed by
 * (topic, partition, consumer id) (F6). Entries come out in the order they were first written;
 * a real SPU answers in hash-map order (G3), so nothing should depend on the order.
 */
final class ConsumerOffsetStore {

    record Key(String topic, int partition, String consumerId) {
    }

    record Value(long offset, long modifiedTime) {
    }

    private final Map<Key, Value> entries = new LinkedHashMap<>();

    synchronized void put(Key key, long offset, long modifiedTime) {
        entries.put(key, new Value(offset, modifiedTime));
    }

    /** G4: removing an absent key is not an error. Returns whether there was an entry. */
    synchronized boolean remove(Key key) {
        return entries.remove(key) != null;
    }

    synchronized boolean contains(Key key) {
        return entries.containsKey(key);
    }

    /** J1: a deleted topic takes its offsets with it. Returns the keys removed. */
    synchronized List<Key> removeTopic(String topic) {
        List<Key> removed = new ArrayList<>();
        entries.keySet().removeIf(key -> {
            boolean match = key.topic().equals(topic);
            if (match) {
                removed.add(key);
            }
            return match;
        });
        return removed;
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized Map<Key, Value> snapshot() {
        return new LinkedHashMap<>(entries);
    }

    /** G3: both filters must match when given, exactly; entries of partitions that no longer exist are left out. */
    synchronized List<ConsumerOffsetEntry> list(Optional<ReplicaKey> replica, Optional<String> consumerId,
                                                Predicate<ReplicaKey> partitionExists) {
        List<ConsumerOffsetEntry> result = new ArrayList<>();
        for (Map.Entry<Key, Value> entry : entries.entrySet()) {
            Key key = entry.getKey();
            ReplicaKey keyReplica = new ReplicaKey(key.topic(), key.partition());
            if (replica.isPresent() && !replica.get().equals(keyReplica)) {
                continue;
            }
            if (consumerId.isPresent() && !consumerId.get().equals(key.consumerId())) {
                continue;
            }
            if (!partitionExists.test(keyReplica)) {
                continue;
            }
            Value value = entry.getValue();
            result.add(new ConsumerOffsetEntry(key.consumerId(), key.topic(), key.partition(), value.offset(),
                    value.modifiedTime()));
        }
        return result;
    }
}

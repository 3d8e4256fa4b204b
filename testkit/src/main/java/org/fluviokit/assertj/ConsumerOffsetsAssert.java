package org.fluviokit.assertj;

import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;
import org.fluviokit.client.ConsumerOffset;

/** Assertions on stored consumer offsets. */
public class ConsumerOffsetsAssert extends AbstractAssert<ConsumerOffsetsAssert, List<ConsumerOffset>> {

    ConsumerOffsetsAssert(List<ConsumerOffset> actual) {
        super(actual, ConsumerOffsetsAssert.class);
    }

    /** The consumer has offset {@code offset} stored for the partition (the last record it was given, B1). */
    public ConsumerOffsetsAssert hasOffset(String consumerId, String topic, int partition, long offset) {
        isNotNull();
        Optional<ConsumerOffset> found = find(consumerId, topic, partition);
        if (found.isEmpty()) {
            failWithMessage("Expected consumer <%s> to have offset <%s> stored for <%s-%s>, but it has none.%n"
                    + "Stored offsets: %s", consumerId, offset, topic, partition, actual);
        } else if (found.get().offset() != offset) {
            failWithMessage("Expected consumer <%s> to have offset <%s> stored for <%s-%s>, but it has <%s>.",
                    consumerId, offset, topic, partition, found.get().offset());
        }
        return this;
    }

    /** No offset is stored for the consumer on the partition. */
    public ConsumerOffsetsAssert hasNoOffset(String consumerId, String topic, int partition) {
        isNotNull();
        find(consumerId, topic, partition).ifPresent(entry -> failWithMessage(
                "Expected no offset stored for consumer <%s> on <%s-%s>, but found <%s>.",
                consumerId, topic, partition, entry.offset()));
        return this;
    }

    /** No offset is stored for the consumer on any topic. */
    public ConsumerOffsetsAssert hasNoOffsetsFor(String consumerId) {
        isNotNull();
        List<ConsumerOffset> entries = actual.stream().filter(o -> o.consumerId().equals(consumerId)).toList();
        if (!entries.isEmpty()) {
            failWithMessage("Expected no offsets stored for consumer <%s>, but found %s.", consumerId, entries);
        }
        return this;
    }

    /** Nothing at all is stored. */
    public ConsumerOffsetsAssert isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("Expected no consumer offsets, but found %s.", actual);
        }
        return this;
    }

    private Optional<ConsumerOffset> find(String consumerId, String topic, int partition) {
        return actual.stream()
                .filter(o -> o.consumerId().equals(consumerId) && o.topic().equals(topic) && o.partition() == partition)
                .findFirst();
    }
}

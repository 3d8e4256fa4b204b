package org.fluviokit.assertj;

import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.fluviokit.client.ConsumerOffset;

/**
 * Assertions on stored consumer offsets: AssertJ's list assertions ({@code hasSize},
 * {@code extracting}, {@code containsExactly}, …) plus Fluvio's own words.
 *
 * <pre>{@code
 * assertThatOffsets(fluvio.consumerOffsets()).hasOffset("c1", "orders", 0, 4)
 *         .extracting(ConsumerOffset::consumerId).containsOnly("c1", "c2");
 * }</pre>
 */
public class ConsumerOffsetsAssert
        extends AbstractListAssert<ConsumerOffsetsAssert, List<ConsumerOffset>, ConsumerOffset, ObjectAssert<ConsumerOffset>> {

    ConsumerOffsetsAssert(List<ConsumerOffset> actual) {
        super(actual, ConsumerOffsetsAssert.class);
    }

    /**
     * The consumer has offset {@code offset} stored for the partition (the last record it was given,
     * B1). A different offset fails with both values, so an IDE shows them side by side.
     */
    public ConsumerOffsetsAssert hasOffset(String consumerId, String topic, int partition, long offset) {
        isNotNull();
        Optional<ConsumerOffset> found = find(consumerId, topic, partition);
        if (found.isEmpty()) {
            failWithMessage("Expected consumer <%s> to have offset <%s> stored for <%s-%s>, but it has none.%n"
                    + "Stored offsets: %s", consumerId, offset, topic, partition, actual);
        } else if (found.get().offset() != offset) {
            failWithActualExpectedAndMessage(found.get().offset(), offset,
                    "Expected consumer <%s> to have offset <%s> stored for <%s-%s>, but it has <%s>.",
                    consumerId, offset, topic, partition, found.get().offset());
        }
        return myself;
    }

    /** No offset is stored for the consumer on the partition. */
    public ConsumerOffsetsAssert hasNoOffset(String consumerId, String topic, int partition) {
        isNotNull();
        find(consumerId, topic, partition).ifPresent(entry -> failWithMessage(
                "Expected no offset stored for consumer <%s> on <%s-%s>, but found <%s>.",
                consumerId, topic, partition, entry.offset()));
        return myself;
    }

    /** No offset is stored for the consumer on any topic. */
    public ConsumerOffsetsAssert hasNoOffsetsFor(String consumerId) {
        isNotNull();
        List<ConsumerOffset> entries = actual.stream().filter(o -> o.consumerId().equals(consumerId)).toList();
        if (!entries.isEmpty()) {
            failWithMessage("Expected no offsets stored for consumer <%s>, but found %s.", consumerId, entries);
        }
        return myself;
    }

    @Override
    protected ObjectAssert<ConsumerOffset> toAssert(ConsumerOffset value, String description) {
        return new ObjectAssert<>(value).as(description);
    }

    @Override
    protected ConsumerOffsetsAssert newAbstractIterableAssert(Iterable<? extends ConsumerOffset> iterable) {
        List<ConsumerOffset> offsets = new java.util.ArrayList<>();
        iterable.forEach(offsets::add);
        return new ConsumerOffsetsAssert(offsets);
    }

    private Optional<ConsumerOffset> find(String consumerId, String topic, int partition) {
        return actual.stream()
                .filter(o -> o.consumerId().equals(consumerId) && o.topic().equals(topic) && o.partition() == partition)
                .findFirst();
    }
}

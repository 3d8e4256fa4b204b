package org.fluviokit.assertj;

import java.util.List;

import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;

/**
 * Entry point for fluviokit's AssertJ assertions.
 *
 * <pre>{@code
 * assertThat(fluvio).hasConsumerOffset("c1", "hello-topic", 0, 1);
 * assertThat(stream).yieldsValues("One", "Two");
 * }</pre>
 */
public final class FluvioAssertions {

    private FluvioAssertions() {
    }

    /** Assertions on the consumer offsets a cluster stores (read when each assertion runs). */
    public static FluvioAssert assertThat(Fluvio actual) {
        return new FluvioAssert(actual);
    }

    /** Assertions on a list of consumer offsets, e.g. from {@link Fluvio#consumerOffsets()}. */
    public static ConsumerOffsetsAssert assertThatOffsets(List<ConsumerOffset> actual) {
        return new ConsumerOffsetsAssert(actual);
    }

    public static ConsumerRecordAssert assertThat(ConsumerRecord actual) {
        return new ConsumerRecordAssert(actual);
    }

    /** Assertions that read from a stream. */
    public static ConsumerStreamAssert assertThat(ConsumerStream actual) {
        return new ConsumerStreamAssert(actual);
    }
}

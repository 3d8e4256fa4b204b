package org.fluviokit.assertj;

import org.assertj.core.api.AbstractAssert;
import org.fluviokit.client.Fluvio;

/** Assertions on what a cluster stores, read through a client. */
public class FluvioAssert extends AbstractAssert<FluvioAssert, Fluvio> {

    FluvioAssert(Fluvio actual) {
        super(actual, FluvioAssert.class);
    }

    /** Assertions on the consumer offsets stored right now. */
    public ConsumerOffsetsAssert consumerOffsets() {
        isNotNull();
        return new ConsumerOffsetsAssert(actual.consumerOffsets());
    }

    public FluvioAssert hasConsumerOffset(String consumerId, String topic, int partition, long offset) {
        consumerOffsets().hasOffset(consumerId, topic, partition, offset);
        return this;
    }

    public FluvioAssert hasNoConsumerOffset(String consumerId, String topic, int partition) {
        consumerOffsets().hasNoOffset(consumerId, topic, partition);
        return this;
    }

    public FluvioAssert hasNoConsumerOffsets() {
        consumerOffsets().isEmpty();
        return this;
    }
}

package org.fluviokit.assertj;

import java.util.Objects;

import org.assertj.core.api.AbstractAssert;
import org.fluviokit.client.ConsumerRecord;

/** Assertions on one record; a mismatch fails with actual and expected, so an IDE shows the difference. */
public class ConsumerRecordAssert extends AbstractAssert<ConsumerRecordAssert, ConsumerRecord> {

    ConsumerRecordAssert(ConsumerRecord actual) {
        super(actual, ConsumerRecordAssert.class);
    }

    public ConsumerRecordAssert hasValue(String value) {
        isNotNull();
        if (!actual.valueAsString().equals(value)) {
            failWithActualExpectedAndMessage(actual.valueAsString(), value, "Expected record value <%s> but was <%s> (%s)", value,
                    actual.valueAsString(), actual);
        }
        return this;
    }

    public ConsumerRecordAssert hasKey(String key) {
        isNotNull();
        if (!Objects.equals(actual.keyAsString(), key)) {
            failWithActualExpectedAndMessage(actual.keyAsString(), key, "Expected record key <%s> but was <%s> (%s)", key,
                    actual.keyAsString(), actual);
        }
        return this;
    }

    public ConsumerRecordAssert hasNoKey() {
        return hasKey(null);
    }

    public ConsumerRecordAssert hasOffset(long offset) {
        isNotNull();
        if (actual.offset() != offset) {
            failWithActualExpectedAndMessage(actual.offset(), offset, "Expected record offset <%s> but was <%s> (%s)", offset,
                    actual.offset(), actual);
        }
        return this;
    }

    public ConsumerRecordAssert isInPartition(int partition) {
        isNotNull();
        if (actual.partition() != partition) {
            failWithActualExpectedAndMessage(actual.partition(), partition,
                    "Expected record in partition <%s> but was in <%s> (%s)", partition, actual.partition(), actual);
        }
        return this;
    }
}

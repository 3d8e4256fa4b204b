package org.fluviokit.assertj;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;

/**
 * Assertions that read from a stream: each record is waited for up to {@link #within(Duration)}
 * (5 s by default); waiting ends as soon as the record arrives.
 */
public class ConsumerStreamAssert extends AbstractAssert<ConsumerStreamAssert, ConsumerStream> {

    private Duration timeout = Duration.ofSeconds(5);

    ConsumerStreamAssert(ConsumerStream actual) {
        super(actual, ConsumerStreamAssert.class);
    }

    /** How long to wait for each record. */
    public ConsumerStreamAssert within(Duration perRecord) {
        this.timeout = perRecord;
        return this;
    }

    /** The next records' values, as UTF-8, are exactly these, in this order. */
    public ConsumerStreamAssert yieldsValues(String... values) {
        isNotNull();
        List<String> read = actual.next(values.length, timeout).stream().map(ConsumerRecord::valueAsString).toList();
        if (!read.equals(Arrays.asList(values))) {
            failWithMessage("Expected the stream to yield %s but it yielded %s", Arrays.asList(values), read);
        }
        return this;
    }

    /** Nothing more is available right now (or a disable-continuous stream has ended). */
    public ConsumerStreamAssert hasNoMoreRecords() {
        isNotNull();
        Optional<ConsumerRecord> next = actual.next(Duration.ZERO);
        next.ifPresent(record -> failWithMessage("Expected no more records but the stream yielded %s", record));
        return this;
    }
}

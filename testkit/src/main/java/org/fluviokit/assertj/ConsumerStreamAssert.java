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
 * (5 s of real time by default, which only a failing assertion ever waits out); waiting ends as
 * soon as the record arrives. On the fake, records are there when produced, so a passing
 * assertion never waits.
 *
 * <pre>{@code
 * assertThat(stream).within(Duration.ofSeconds(30)).yieldsValues("a", "b").hasNoMoreRecords();
 * }</pre>
 */
public class ConsumerStreamAssert extends AbstractAssert<ConsumerStreamAssert, ConsumerStream> {

    private Duration timeout = Duration.ofSeconds(5);
    private Duration quiet = Duration.ZERO;

    ConsumerStreamAssert(ConsumerStream actual) {
        super(actual, ConsumerStreamAssert.class);
    }

    /**
     * How long to wait for each record, and how long {@link #hasNoMoreRecords()} watches for one
     * (by default it only looks at what is already there, which is all there is on a fake).
     */
    public ConsumerStreamAssert within(Duration perRecord) {
        this.timeout = perRecord;
        this.quiet = perRecord;
        return this;
    }

    /** The next records' values, as UTF-8, are exactly these, in this order. */
    public ConsumerStreamAssert yieldsValues(String... values) {
        isNotNull();
        List<String> read = actual.next(values.length, timeout).stream().map(ConsumerRecord::valueAsString).toList();
        if (!read.equals(Arrays.asList(values))) {
            failWithActualExpectedAndMessage(read, Arrays.asList(values),
                    "Expected the stream to yield %s but it yielded %s (waiting up to %s ms per record)",
                    Arrays.asList(values), read, timeout.toMillis());
        }
        return this;
    }

    /** Nothing more comes (watched for the {@link #within(Duration)} time, if one was set), or a disable-continuous stream has ended. */
    public ConsumerStreamAssert hasNoMoreRecords() {
        isNotNull();
        Optional<ConsumerRecord> next = actual.next(quiet);
        next.ifPresent(record -> failWithMessage("Expected no more records but the stream yielded %s", record));
        return this;
    }
}

package org.fluviokit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.fluviokit.client.OffsetManagementStrategy;

/**
 * Injects a {@link org.fluviokit.client.ConsumerStream}, opened when the parameter is resolved and
 * closed after the test.
 *
 * <pre>{@code
 * @Test
 * void resumes(@FluvioConsumer(topic = "orders", consumer = "billing", strategy = AUTO, flush = "2s")
 *              ConsumerStream stream) { … }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FluvioConsumer {

    /** The topic; may be left out when the test declares exactly one {@link Topic}. */
    String topic() default "";

    /** The partitions to read; none means every partition (F1). */
    int[] partitions() default {};

    /** The consumer id offsets are stored under; empty for none. */
    String consumer() default "";

    /**
     * Where to start, in the words of Fluvio's connector configuration: {@code beginning} (the
     * default here), {@code end}, {@code absolute N}, {@code from-beginning N}, {@code from-end N}.
     */
    String start() default "beginning";

    /** How offsets are stored (Fluvio's default is NONE even with a consumer id, E1). */
    OffsetManagementStrategy strategy() default OffsetManagementStrategy.NONE;

    /** The auto strategy's flush period, e.g. {@code 2s} or {@code 500ms} (Fluvio's default 10 s). */
    String flush() default "10s";

    /** Read what exists when the stream opens, then end (A7). */
    boolean disableContinuous() default false;
}

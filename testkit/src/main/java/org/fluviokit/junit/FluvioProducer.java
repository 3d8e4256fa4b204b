package org.fluviokit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@link org.fluviokit.client.TopicProducer} for a topic of the test's cluster.
 *
 * <pre>{@code
 * @Test
 * void sends(@FluvioProducer("orders") TopicProducer producer) { … }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FluvioProducer {

    /** The topic; may be left out when the test declares exactly one {@link Topic}. */
    String value() default "";

    /** Send every record to this partition (Fluvio's specific partitioner); -1 uses the default partitioner. */
    int partition() default -1;
}

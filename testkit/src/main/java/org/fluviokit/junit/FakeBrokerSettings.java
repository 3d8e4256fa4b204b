package org.fluviokit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link FluvioTest} builds the fake broker of a class (or of one test method, which wins over
 * its class), instead of building one by hand with {@code FakeBroker.builder()}. Only the fake
 * target reads it; on a cluster it is ignored. Under {@code @FluvioTest(lifecycle = PER_CLASS)} the
 * class's one broker is built from the class's settings: a method's are not read.
 *
 * <pre>{@code
 * @FluvioTest
 * @FakeBrokerSettings(spuCount = 3, clockStart = "2026-01-01T00:00:00Z")
 * class ReplicatedTopicsTest { … }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FakeBrokerSettings {

    /** SPUs the broker pretends to have: the largest replication factor it accepts (default 1). */
    int spuCount() default 1;

    /**
     * Where the virtual clock starts, as an ISO-8601 instant ({@code 2026-01-01T00:00:00Z}); empty
     * for now. Stored offsets are stamped with it (C2), so a fixed start makes times repeatable.
     */
    String clockStart() default "";

    /** Run on the system clock instead of a virtual one (then {@code advanceClock} cannot be used). */
    boolean realClock() default false;

    /** The largest batch a produce may carry before MessageTooLarge (default Fluvio's 1 GiB segment). */
    long maxBatchBytes() default 1_073_741_824L;
}

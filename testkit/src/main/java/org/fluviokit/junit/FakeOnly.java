package org.fluviokit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link FluvioTest} test (or class) that only makes sense on the fake broker, e.g. because it
 * inspects the broker or relies on names a shared cluster's prefix would change. On another target
 * it is skipped with {@link #value()} as the reason. A test with a {@link org.fluviokit.fake.FakeBroker}
 * parameter is fake-only without saying so.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FakeOnly {

    /** Why the test needs the fake. */
    String value();
}

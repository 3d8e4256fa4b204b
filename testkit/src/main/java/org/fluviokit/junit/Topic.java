package org.fluviokit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A topic to create before each test of a {@link FluvioTest} class (on the class) or before one
 * test (on the method). Repeatable.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Topics.class)
public @interface Topic {

    /** The topic's name (Fluvio's rule: lowercase letters, digits and '-', L3). */
    String value();

    /** Number of partitions. */
    int partitions() default 1;
}

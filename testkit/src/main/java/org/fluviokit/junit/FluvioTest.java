package org.fluviokit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a Fluvio target, with a fresh, isolated cluster for every test.
 *
 * <h2>What a test gets</h2>
 * Parameters of test methods, lifecycle methods and constructors of these types are injected:
 * <ul>
 *   <li>{@link org.fluviokit.client.Fluvio}: a client connected to the test's cluster;</li>
 *   <li>{@link FluvioCluster}: control over the cluster ({@code restart()}, {@code advanceClock(…)});</li>
 *   <li>{@link org.fluviokit.client.FluvioAdmin}: topic administration;</li>
 *   <li>{@link org.fluviokit.fake.FakeBroker}: the fake itself, for fault injection (fake target only);</li>
 *   <li>{@link org.fluviokit.client.TopicProducer} annotated with {@link FluvioProducer};</li>
 *   <li>{@link org.fluviokit.client.ConsumerStream} annotated with {@link FluvioConsumer}.</li>
 * </ul>
 * Topics declared with {@link Topic} on the class (for every test) or on the method are created
 * before the test.
 *
 * <h2>Scope and clean-up</h2>
 * By default ({@link Lifecycle#PER_METHOD}) each test method gets its own cluster, created before
 * its {@code @BeforeEach} methods and closed, with every producer and stream injected into it, after
 * its {@code @AfterEach} methods. Nothing is shared between tests, so tests may run in parallel.
 * With {@code @FluvioTest(lifecycle = PER_CLASS)} the tests of a class share one cluster (as a
 * Testcontainers container per class, or {@code @EmbeddedKafka}): created before the
 * {@code @BeforeAll} methods (which, like constructors, may then take the cluster, a client or an
 * admin), with the class's {@link Topic}s; a method's own {@code @Topic}s are created before it and
 * deleted after it; producers and streams injected into a test are closed after it; the cluster is
 * closed after the class. The fake's broker is configured with {@link FakeBrokerSettings}.
 *
 * <h2>Choosing the target</h2>
 * The configuration parameter or system property {@value #TARGET_PROPERTY}, else the environment
 * variable {@value #TARGET_ENV}, names the target:
 * <ul>
 *   <li>{@code fake} (the default): a new in-memory {@link org.fluviokit.fake.FakeBroker} on a virtual
 *       clock for every test;</li>
 *   <li>{@code cluster}: the cluster at {@code fluviokit.endpoint}, {@code FLUVIO_ENDPOINT} or the current
 *       Fluvio profile ({@code embedded} starts the fake's wire server in this JVM). Each test sees the
 *       cluster through a prefix of its own (topic names and consumer ids read back without it), so
 *       tests do not meet; what needs the fake ({@code FakeBroker} parameters, {@code advanceClock(…)},
 *       and {@code restart()} unless the cluster is {@code embedded} or has a restart command,
 *       {@code fluviokit.cluster.restart-command}) is skipped with the reason.</li>
 *   <li>{@code local}: a real Fluvio cluster (one SC, one SPU) started once per JVM from your own
 *       {@code fluvio-run}, seen through a prefix per test; it can be restarted; without
 *       {@code fluvio-run} every test is skipped with the reason.</li>
 *   <li>{@code container}: Fluvio in a Docker container ({@link org.fluviokit.testcontainers.FluvioContainer},
 *       one per JVM, image {@value #CONTAINER_IMAGE_PROPERTY}, default {@value #DEFAULT_CONTAINER_IMAGE}),
 *       seen through a prefix per test as a cluster is; {@code restart()} restarts its SC and SPU. Without
 *       Docker every test is skipped with the reason. Needs {@code org.testcontainers:testcontainers} on
 *       the test classpath.</li>
 * </ul>
 * Any other value is a configuration error. A class can pin its target instead, whatever the
 * configuration says: {@code @FluvioTest(target = CONTAINER)}.
 */
@java.lang.annotation.Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FluvioExtension.class)
public @interface FluvioTest {

    /** Configuration parameter (or system property) naming the target: {@code fake}, {@code cluster}, {@code local} or {@code container}. */
    String TARGET_PROPERTY = org.fluviokit.client.FluvioTarget.TARGET_PROPERTY;

    /** Environment variable naming the target when the property is not set. */
    String TARGET_ENV = org.fluviokit.client.FluvioTarget.TARGET_ENV;

    /** Configuration parameter (or system property) with the image of the {@code container} target. */
    String CONTAINER_IMAGE_PROPERTY = "fluviokit.container.image";

    /** The image of the {@code container} target unless {@value #CONTAINER_IMAGE_PROPERTY} names another. */
    String DEFAULT_CONTAINER_IMAGE = "infinyon/fluvio:" + org.fluviokit.testcontainers.FluvioContainer.DEFAULT_TAG;

    /** The target of this class's tests; {@link Target#CONFIGURED} leaves the choice to the configuration. */
    Target target() default Target.CONFIGURED;

    /** Whether each test gets its own cluster (the default) or the tests of the class share one. */
    Lifecycle lifecycle() default Lifecycle.PER_METHOD;

    /** How long a cluster lives. */
    enum Lifecycle {
        /** A cluster for each test method. */
        PER_METHOD,
        /** One cluster for all the tests of the class, closed after the class. */
        PER_CLASS
    }

    /** Where a class's tests run. */
    enum Target {
        /** As {@value #TARGET_PROPERTY} or {@value #TARGET_ENV} says (the fake when neither does). */
        CONFIGURED,
        /** A new fake broker per test. */
        FAKE,
        /** The cluster at {@code fluviokit.endpoint}, {@code FLUVIO_ENDPOINT} or the current Fluvio profile. */
        CLUSTER,
        /** A real Fluvio cluster started from your own {@code fluvio-run}; skipped with the reason without one. */
        LOCAL,
        /** Fluvio in a Docker container; skipped with the reason without Docker. */
        CONTAINER
    }
}

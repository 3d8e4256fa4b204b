package org.fluviokit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Durations;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioAdmin;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link FluvioTest} seen from the outside: example test classes (static nested, so that they only
 * run through the engine test kit) and what happened when they ran.
 */
class FluvioExtensionTest {

    private static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .configurationParameter(Example.PARAMETER, "true")
                .selectors(selectClass(testClass))
                .execute();
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    @Test
    void injectsClientClusterAdminBrokerAndCreatesDeclaredTopics() {
        run(Injection.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void everyTestGetsAFreshClusterEvenInParallel() {
        FreshCluster.BROKERS.clear();
        run(FreshCluster.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent"))
                .testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));
        assertThat(FreshCluster.BROKERS).hasSize(8);
    }

    @Test
    void injectedStreamsAreClosedAfterTheTest() {
        run(InjectedStream.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        // closing the auto stream sent its last flush (C6)
        assertThat(InjectedStream.broker.consumerOffsets()).extracting(e -> e.offset()).containsExactly(1L);
        assertThat(InjectedStream.broker.openConnections()).isZero();
    }

    @Test
    void anUnknownTargetIsAConfigurationError() {
        run(Injection.class, Map.of(FluvioTest.TARGET_PROPERTY, "mars")).testEvents()
                .assertThatEvents().haveExactly(2, event(test(), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("Unknown fluviokit target 'mars' (from fluviokit.target): use 'cluster', 'container',"
                                + " 'embedded', 'fake', 'local'"))));
    }

    /**
     * Whether asking Docker cannot hold this run up: on the container target, or where no Docker engine
     * is configured at all (then Testcontainers answers at once). Elsewhere a hung engine would hold a
     * run of another target for as long as it hangs.
     */
    private static void assumeNoDockerEngine() {
        boolean containerTarget = TargetSettings.system().targetName().equals("container");
        boolean engineConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        org.junit.jupiter.api.Assumptions.assumeTrue(containerTarget || !engineConfigured,
                "asks Docker whether it runs: only on the container target or where no Docker engine is configured");
        org.junit.jupiter.api.Assumptions.assumeFalse(org.fluviokit.testcontainers.FluvioContainer.isDockerAvailable(),
                "Docker is available here, so the container target would run");
    }

    @Test
    void withoutDockerTheContainerTargetSkipsEveryTestWithTheReason() {
        assumeNoDockerEngine();
        EngineExecutionResults results = run(Injection.class, Map.of(FluvioTest.TARGET_PROPERTY, "container"));
        // The whole class is skipped, as Testcontainers' disabledWithoutDocker skips it.
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(Injection.class), skippedWithReason(
                "Docker is not available: the container target runs Fluvio in a Docker container")));
        results.testEvents().assertStatistics(stats -> stats.started(0).succeeded(0).failed(0));
    }

    @Test
    void theTargetCanBeNamedExplicitly() {
        run(Injection.class, Map.of(FluvioTest.TARGET_PROPERTY, "FAKE")).testEvents()
                .assertStatistics(stats -> stats.succeeded(2));
    }

    @Test
    void aClassPinnedToATargetRunsThereWhateverTheConfigurationSays() {
        run(PinnedToFake.class, Map.of(FluvioTest.TARGET_PROPERTY, "mars")).testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aClassPinnedToTheContainerTargetIsSkippedWithoutDocker() {
        assumeNoDockerEngine();
        EngineExecutionResults results = run(PinnedToContainer.class, Map.of(FluvioTest.TARGET_PROPERTY, "fake"));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(PinnedToContainer.class),
                skippedWithReason("Docker is not available: the container target runs Fluvio in a Docker container")));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void withoutFluvioRunTheLocalTargetSkipsEveryTestWithTheReasonAndTheRemedy() {
        EngineExecutionResults results = run(PinnedToLocal.class, Map.of("fluviokit.fluvio-run", "/nowhere/fluvio-run"));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(PinnedToLocal.class),
                skippedWithReason("no fluvio-run found (looked at /nowhere/fluvio-run): install Fluvio (its installer"
                        + " puts fluvio-run in ~/.fluvio/bin) or name one with -Dfluviokit.fluvio-run=/path/to/fluvio-run"
                        + " or FLUVIO_RUN")));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void constructorInjectionIsRefusedWithAReason() {
        run(ConstructorInjection.class).testEvents().assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("injects") && m.contains("not into constructors")))));
    }

    @Test
    void aParameterWithoutTopicNeedsExactlyOneDeclaredTopic() {
        run(AmbiguousTopic.class).testEvents().assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("names no topic and the test declares 2 (one, two): name the one to use here")))));
    }

    @Test
    void aBadFlushPeriodIsReported() {
        run(BadFlush.class).testEvents().assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("not a duration: 'soon'")))));
    }

    @Test
    void durationsParseAsFluviosCliWritesThem() {
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1m 30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("2 s x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- example test classes

    @Example
    @FluvioTest
    @Topic(value = "orders", partitions = 2)
    static class Injection {
        @Test
        @Topic("audit")
        void getsEverything(Fluvio fluvio, FluvioCluster cluster, FluvioAdmin admin, FakeBroker broker) {
            assertThat(cluster.fluvio()).isSameAs(fluvio);
            assertThat(cluster.fakeBroker()).contains(broker);
            assertThat(admin.listTopics()).extracting(TopicMetadata::name).containsExactly("audit", "orders");
            assertThat(admin.listTopics().get(1).partitions()).hasSize(2);
        }

        @Test
        void methodTopicsAreOnlyForTheirMethod(FluvioAdmin admin) {
            assertThat(admin.listTopics()).extracting(TopicMetadata::name).containsExactly("orders");
        }
    }

    @Example
    @FluvioTest(target = FluvioTest.Target.FAKE)
    static class PinnedToFake {
        @Test
        void runsOnAFake(FluvioCluster cluster) {
            assertThat(cluster.fakeBroker()).isPresent();
        }
    }

    @Example
    @FluvioTest(target = FluvioTest.Target.CONTAINER)
    static class PinnedToContainer {
        @Test
        void wouldRunInDocker(FluvioCluster cluster) {
            assertThat(cluster.fakeBroker()).isEmpty();
        }
    }

    @Example
    @FluvioTest
    @Topic("shared-name")
    static class FreshCluster {
        static final Map<FakeBroker, Boolean> BROKERS = new ConcurrentHashMap<>();

        @RepeatedTest(8)
        void startsEmpty(@FluvioProducer TopicProducer producer, FakeBroker broker) {
            BROKERS.put(broker, true);
            assertThat(producer.send(null, "first").join().offset()).isZero();
        }
    }

    @Example
    @FluvioTest
    @Topic("events")
    static class InjectedStream {
        static FakeBroker broker;

        @Test
        void reads(@FluvioProducer TopicProducer producer,
                   @FluvioConsumer(consumer = "reader", strategy = OffsetManagementStrategy.AUTO, flush = "1000s")
                   ConsumerStream stream, FakeBroker broker) {
            InjectedStream.broker = broker;
            producer.send(null, "a").join();
            producer.send(null, "b").join();
            assertThat(stream.next(2, Duration.ofSeconds(1))).hasSize(2);
            assertThat(broker.consumerOffsets()).extracting(e -> e.offset()).containsExactly(0L);
        }
    }

    @Example
    @FluvioTest(target = FluvioTest.Target.LOCAL)
    static class PinnedToLocal {
        @Test
        void wouldRunOnARealCluster(FluvioCluster cluster) {
        }
    }

    @Example
    @FluvioTest
    static class ConstructorInjection {
        ConstructorInjection(Fluvio fluvio) {
        }

        @Test
        void never() {
        }
    }

    @Example
    @FluvioTest
    @Topic("one")
    @Topic("two")
    static class AmbiguousTopic {
        @Test
        void which(@FluvioConsumer ConsumerStream stream) {
        }
    }

    @Example
    @FluvioTest
    @Topic("one")
    static class BadFlush {
        @Test
        void when(@FluvioConsumer(flush = "soon") ConsumerStream stream) {
        }
    }

}

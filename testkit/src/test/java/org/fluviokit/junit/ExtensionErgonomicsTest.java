package org.fluviokit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioAdmin;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioProfiles;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.Offset;
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.client.TopicSpec;
import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a test writer meets: errors that name the annotation, class, method and parameter at fault;
 * producers and consumers checked alike at injection; a cluster per class; the fake configured from
 * an annotation; an endpoint and profile for other clients. Example classes run through the engine
 * test kit, on the configured target unless they pin the fake.
 */
class ExtensionErgonomicsTest {

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Example.PARAMETER, "true")
                .selectors(selectClass(testClass))
                .execute();
    }

    private static void failsWith(Class<?> example, Class<? extends Throwable> type, String text) {
        run(example).testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                instanceOf(type), message(text))));
    }

    // ---------------------------------------------------------------- errors that name the culprit

    @Test
    void aBadTopicNameNamesTheAnnotationAndTheClassAroundFluviosOwnText() {
        run(BadTopicName.class).testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message("@Topic(\"Bad_Topic\") on BadTopicName: Invalid topic name: topic name may only include lowercase"
                        + " letters (a-z), numbers (0-9), and hyphens (-)."),
                // Fluvio's own error stays as it is, as the cause: the same text a real cluster gives.
                cause(instanceOf(FluvioException.class)))));
    }

    @Test
    void zeroPartitionsNamesTheAnnotationAndTheMethod() {
        failsWith(ZeroPartitions.class, ExtensionConfigurationException.class,
                "@Topic(value = \"zero\", partitions = 0) on ZeroPartitions.create(): partition must be greater than 0");
    }

    @Test
    void aParameterWithoutATopicInATestWithoutTopicsSaysToDeclareOne() {
        failsWith(NoTopicAnywhere.class, ParameterResolutionException.class,
                "@FluvioProducer on parameter 'producer' of NoTopicAnywhere.sends(…) names no topic and the test declares"
                        + " none: add @Topic(\"name\") to the test class or method (the test then creates it) and leave"
                        + " the topic out here, or name it here too");
    }

    @Test
    void aNamedTopicThatWasNeverDeclaredSaysHowToCreateIt() {
        failsWith(UndeclaredTopic.class, ParameterResolutionException.class,
                "@FluvioProducer(\"orders\") on parameter 'producer' of UndeclaredTopic.sends(…): Topic not found: orders"
                        + " (declare the topic with @Topic on the test class or method, and the test creates it)");
    }

    @Test
    void producersAndConsumersOfAPartitionTheTopicLacksFailAlikeAtInjection() {
        failsWith(ProducerOfMissingPartition.class, ParameterResolutionException.class,
                "@FluvioProducer(partition = 5) on parameter 'producer' of ProducerOfMissingPartition.sends(…):"
                        + " Partition not found: orders-5 (the topic has 1 partition)");
        failsWith(ConsumerOfMissingPartition.class, ParameterResolutionException.class,
                "@FluvioConsumer on parameter 'stream' of ConsumerOfMissingPartition.reads(…): Partition not found:"
                        + " orders-3");
    }

    @Test
    void badFakeBrokerSettingsNameTheAnnotation() {
        failsWith(BadClockStart.class, ExtensionConfigurationException.class,
                "@FakeBrokerSettings on BadClockStart: Text 'yesterday' could not be parsed at index 0");
    }

    // ---------------------------------------------------------------- a cluster per class

    @Test
    void perClassTestsShareOneClusterAndTheirOwnTopicsComeAndGo() {
        PerClass.CLUSTERS.clear();
        run(PerClass.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(PerClass.CLUSTERS).hasSize(1);
    }

    // ---------------------------------------------------------------- the fake from the annotation

    @Test
    void theFakeIsBuiltAsItsAnnotationSays() {
        run(ConfiguredFake.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    // ---------------------------------------------------------------- other clients

    @Test
    void otherClientsReachTheFakeThroughItsEndpointAndProfile() {
        run(OtherClients.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void everyTargetHasAnEndpointAndAProfileForOtherClients() {
        run(AnyTargetsEndpoint.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test(), org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
    }

    // ---------------------------------------------------------------- example test classes

    @Example
    @FluvioTest
    @Topic("Bad_Topic")
    static class BadTopicName {
        @Test
        void never() {
        }
    }

    @Example
    @FluvioTest
    static class ZeroPartitions {
        @Test
        @Topic(value = "zero", partitions = 0)
        void create() {
        }
    }

    @Example
    @FluvioTest
    static class NoTopicAnywhere {
        @Test
        void sends(@FluvioProducer TopicProducer producer) {
        }
    }

    @Example
    @FluvioTest
    static class UndeclaredTopic {
        @Test
        void sends(@FluvioProducer("orders") TopicProducer producer) {
        }
    }

    @Example
    @FluvioTest
    @Topic("orders")
    static class ProducerOfMissingPartition {
        @Test
        void sends(@FluvioProducer(partition = 5) TopicProducer producer) {
        }
    }

    @Example
    @FluvioTest
    @Topic("orders")
    static class ConsumerOfMissingPartition {
        @Test
        void reads(@FluvioConsumer(partitions = 3) ConsumerStream stream) {
        }
    }

    @Example
    @FluvioTest(target = FluvioTest.Target.FAKE)
    @FakeBrokerSettings(clockStart = "yesterday")
    static class BadClockStart {
        @Test
        void never() {
        }
    }

    @Example
    @FluvioTest(lifecycle = FluvioTest.Lifecycle.PER_CLASS)
    @Topic("shared")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        static final Set<FluvioCluster> CLUSTERS = ConcurrentHashMap.newKeySet();
        private static Fluvio fromBeforeAll;

        private final FluvioAdmin admin;

        PerClass(FluvioAdmin admin) {
            this.admin = admin;
        }

        @BeforeAll
        static void seed(FluvioCluster cluster, Fluvio fluvio) {
            CLUSTERS.add(cluster);
            fromBeforeAll = fluvio;
            fluvio.topicProducer("shared").send(null, "from @BeforeAll").join();
        }

        @Test
        @Order(1)
        @Topic("mine")
        void firstSeesTheSeedAndItsOwnTopic(FluvioCluster cluster, @FluvioProducer("shared") TopicProducer producer) {
            CLUSTERS.add(cluster);
            assertThat(cluster.fluvio()).isSameAs(fromBeforeAll);
            assertThat(names(admin)).contains("shared", "mine");
            producer.send(null, "from the first test").join();
        }

        @Test
        @Order(2)
        void secondSeesWhatTheFirstLeftButNotItsTopic(FluvioCluster cluster) {
            CLUSTERS.add(cluster);
            assertThat(names(admin)).contains("shared").doesNotContain("mine");
            assertThat(readAll(cluster.fluvio(), "shared")).containsExactly("from @BeforeAll", "from the first test");
        }

        @Test
        @Order(3)
        @Topic("mine")
        void aMethodTopicCanBeDeclaredAgain(FluvioAdmin admin) {
            assertThat(names(admin)).contains("mine");
        }
    }

    @Example
    @FluvioTest(target = FluvioTest.Target.FAKE)
    @FakeBrokerSettings(spuCount = 3, clockStart = "2026-01-01T00:00:00Z")
    static class ConfiguredFake {
        @Test
        void hasThreeSpus(FluvioAdmin admin, FakeBroker broker) {
            assertThat(broker.spuCount()).isEqualTo(3);
            admin.createTopic("replicated", new TopicSpec(1, 3, java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), "any", false));
        }

        @Test
        @FakeBrokerSettings(clockStart = "2030-06-01T12:00:00Z")
        void aMethodsSettingsWinOverItsClass(Fluvio fluvio, FakeBroker broker) {
            assertThat(Instant.ofEpochMilli(fluvio.currentTimeMillis())).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
            assertThat(broker.spuCount()).isEqualTo(1);
        }
    }

    @Example
    @FluvioTest(target = FluvioTest.Target.FAKE)
    @Topic("orders")
    static class OtherClients {
        @Test
        void seeWhatTheTestProduced(FluvioCluster cluster, @FluvioProducer TopicProducer producer) {
            producer.send("k", "made in process").join();
            String endpoint = cluster.endpoint();
            assertThat(endpoint).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(FluvioProfiles.endpoint(cluster.profile(), null)).isEqualTo(endpoint);
            try (FluvioTarget overTheWire = FluvioTarget.cluster(endpoint); Fluvio other = Fluvio.connect(overTheWire)) {
                assertThat(readAll(other, "orders")).containsExactly("made in process");
            }
        }
    }

    @Example
    @FluvioTest
    @Topic("orders")
    static class AnyTargetsEndpoint {
        @Test
        void reachesTheSameCluster(FluvioCluster cluster, @FluvioProducer TopicProducer producer) {
            producer.send(null, "one").join();
            try (ConsumerStream stream = cluster.fluvio().consumerWithConfig(ConsumerConfig.builder().topic("orders")
                    .offsetStart(Offset.beginning()).offsetConsumer("seen")
                    .offsetStrategy(org.fluviokit.client.OffsetManagementStrategy.MANUAL).build())) {
                assertThat(stream.next(Duration.ofSeconds(5))).isPresent();
                stream.offsetCommit();
                stream.offsetFlush();
            }
            String endpoint = cluster.endpoint();
            assertThat(FluvioProfiles.endpoint(cluster.profile(), null)).isEqualTo(endpoint);
            try (FluvioTarget overTheWire = FluvioTarget.cluster(endpoint); Fluvio other = Fluvio.connect(overTheWire)) {
                // Another client sees what the test stored, under the cluster's own names (on a shared
                // cluster the test's namespace prefixes them).
                assertThat(other.consumerOffsets()).anySatisfy(offset -> {
                    assertThat(offset.consumerId()).endsWith("seen");
                    assertThat(offset.topic()).endsWith("orders");
                    assertThat(offset.offset()).isZero();
                });
            }
        }
    }

    static List<String> names(FluvioAdmin admin) {
        return admin.listTopics().stream().map(TopicMetadata::name).toList();
    }

    static List<String> readAll(Fluvio fluvio, String topic) {
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic(topic)
                .offsetStart(Offset.beginning()).disableContinuous(true).build())) {
            return stream.next(100, Duration.ofSeconds(5)).stream().map(ConsumerRecord::valueAsString).toList();
        }
    }
}

package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.testkit.FakeTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing a target from the environment, what each target can do, and how a namespace keeps tests
 * apart on one shared cluster. Runs the same on every {@code fluviokit.target}: it builds its targets itself.
 */
class FluvioTargetTest {

    @TempDir
    Path dir;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private TargetSettings settings() {
        return TargetSettings.of(key -> Optional.ofNullable(properties.get(key)), environment);
    }

    private FluvioTarget fromEnvironment() {
        return FluvioTarget.from(settings());
    }

    @Test
    void theFakeIsTheDefaultTarget() {
        environment.put("FLV_PROFILE_PATH", dir.resolve("absent").toString());
        FluvioTarget target = fromEnvironment();
        assertThat(target).isInstanceOf(FakeTarget.class);
        ((FakeTarget) target).broker().close();
    }

    @Test
    void thePropertyNamesTheTargetBeforeTheEnvironmentVariable() {
        properties.put(FluvioTarget.TARGET_PROPERTY, "cluster");
        properties.put(FluvioTarget.ENDPOINT_PROPERTY, "127.0.0.1:9003");
        environment.put(FluvioTarget.TARGET_ENV, "fake");
        assertThat(fromEnvironment().endpoint()).contains("127.0.0.1:9003");

        properties.clear();
        environment.put(FluvioTarget.TARGET_ENV, "Cluster");
        environment.put(FluvioTarget.ENDPOINT_ENV, "10.1.2.3:9003");
        assertThat(fromEnvironment().endpoint()).contains("10.1.2.3:9003");
    }

    @Test
    void anUnknownTargetNamesWhereItCameFrom() {
        environment.put(FluvioTarget.TARGET_ENV, "mars");
        assertThatThrownBy(this::fromEnvironment).isInstanceOf(FluvioException.class)
                .hasMessage("Unknown fluviokit target 'mars' (from FLUVIOKIT_TARGET): use 'cluster', 'container', 'embedded',"
                        + " 'fake', 'local'");
    }

    @Test
    void theEndpointComesFromThePropertyThenTheVariableThenTheCurrentProfile() throws IOException {
        Path profiles = Files.writeString(dir.resolve("config"), FluvioProfiles.render("local", "127.0.0.1:19003"));
        environment.put("FLV_PROFILE_PATH", profiles.toString());
        assertThat(FluvioTarget.clusterEndpoint(settings())).isEqualTo("127.0.0.1:19003");

        environment.put(FluvioTarget.ENDPOINT_ENV, "127.0.0.1:2");
        assertThat(FluvioTarget.clusterEndpoint(settings())).isEqualTo("127.0.0.1:2");

        properties.put(FluvioTarget.ENDPOINT_PROPERTY, " 127.0.0.1:1 ");
        assertThat(FluvioTarget.clusterEndpoint(settings())).isEqualTo("127.0.0.1:1");
    }

    @Test
    void aProfileMayNameItsEndpointAddr() throws IOException { // §6.8
        Path profiles = Files.writeString(dir.resolve("config"), """
                version = "2.0"
                current_profile = "old"

                [profile.old]
                cluster = "old"

                [cluster.old]
                addr = "localhost:9003"
                """);
        assertThat(FluvioProfiles.endpoint(profiles, null)).isEqualTo("localhost:9003");
    }

    @Test
    void withoutAnyEndpointTheClusterTargetSaysWhereItLooked() throws IOException {
        Path missing = dir.resolve("config");
        environment.put("FLV_PROFILE_PATH", missing.toString());
        assertThatThrownBy(() -> FluvioTarget.clusterEndpoint(settings()))
                .isInstanceOf(FluvioException.class)
                .hasMessage("Config error: no Fluvio profile file at " + missing);

        Files.writeString(missing, "version = \"2.0\"\n");
        assertThatThrownBy(() -> FluvioTarget.clusterEndpoint(settings()))
                .hasMessage("Config error: Config has no active profile");
    }

    @Test
    void onlyAClusterThisJvmRunsCanBeRestarted() {
        try (FakeBroker broker = FakeBroker.create()) {
            assertThat(FakeTarget.of(broker).canRestart()).isTrue();
        }
        try (FluvioTarget embedded = FluvioTarget.cluster(FluvioTarget.EMBEDDED_ENDPOINT)) {
            assertThat(embedded.canRestart()).isTrue();
            assertThat(embedded.isolated().canRestart()).isTrue();
        }

        FluvioTarget elsewhere = FluvioTarget.cluster("127.0.0.1:1");
        assertThat(elsewhere.canRestart()).isFalse();
        assertThat(elsewhere.isolated().canRestart()).isFalse();
        assertThatThrownBy(elsewhere::restart).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("cluster 127.0.0.1:1 cannot be restarted from here");
    }

    @Test
    void namespacesKeepTestsApartOnOneCluster() {
        try (FluvioTarget cluster = FluvioTarget.cluster(FluvioTarget.EMBEDDED_ENDPOINT);
             Fluvio one = Fluvio.connect(cluster.namespaced("ns-first-"));
             Fluvio two = Fluvio.connect(cluster.namespaced("ns-second-"));
             Fluvio all = Fluvio.connect(cluster)) {
            one.admin().createTopic("orders", 1);
            two.admin().createTopic("orders", 1);
            one.topicProducer("orders").send(null, "mine").join();
            readAll(one, "orders", "c1");
            readAll(two, "orders", "c1");

            assertThat(names(one)).containsExactly("orders");
            assertThat(readAll(two, "orders", "reader")).isEmpty(); // the other namespace's record is not here
            assertThat(one.consumerOffsets()).extracting(ConsumerOffset::consumerId, ConsumerOffset::topic)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "orders"));
            assertThat(names(all)).contains("ns-first-orders", "ns-second-orders");
            assertThat(all.consumerOffsets()).extracting(ConsumerOffset::consumerId)
                    .contains("ns-first-c1").doesNotContain("c1");

            one.admin().deleteTopic("orders");
            two.admin().deleteTopic("orders");
            assertThat(names(all)).doesNotContain("ns-first-orders", "ns-second-orders");
        }
    }

    private static List<String> names(Fluvio fluvio) {
        return fluvio.admin().listTopics().stream().filter(topic -> !topic.spec().system()).map(TopicMetadata::name)
                .toList();
    }

    private static List<String> readAll(Fluvio fluvio, String topic, String consumer) {
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic(topic)
                .offsetStart(Offset.beginning()).offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.AUTO)
                .disableContinuous(true).build())) {
            return stream.next(10, java.time.Duration.ofSeconds(2)).stream().map(ConsumerRecord::valueAsString)
                    .toList();
        }
    }
}

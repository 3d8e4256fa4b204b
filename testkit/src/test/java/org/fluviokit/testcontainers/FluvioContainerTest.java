package org.fluviokit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerOffset;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.junit.FluvioTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.utility.DockerImageName;

class FluvioContainerTest {

    @Test
    void theStarterScriptRegistersTheSpuAtTheAddressDockerMapped() {
        String script = FluvioContainer.starterScript("docker.example", 32771);

        assertThat(script).contains("    port: 32771\n    ingress:\n    - hostname: docker.example\n");
        assertThat(script).contains("spuType: Custom", "spuId: 5001");
        // Inside the container the SPU listens on its own port; only the registration names the mapped one.
        assertThat(script).contains("./fluvio-run spu -i 5001 -p 0.0.0.0:9010 ");
        assertThat(script.indexOf("./fluvio-run sc")).isLessThan(script.indexOf("./fluvio-run spu"));
        assertThat(script.indexOf("resolution: Online")).isLessThan(script.indexOf(FluvioContainer.READY_LINE));
    }

    @Test
    void everyStartWritesTheSpuRegistrationBeforeTheScReadsIt() {
        String script = FluvioContainer.starterScript("docker.example", 32771);
        String start = script.substring(script.indexOf("start() {"));

        // A killed SC can leave the file empty, and an SC that reads an empty file never starts (REAL-CLUSTER #22).
        assertThat(start.indexOf("> \"$registration\"")).isNotNegative().isLessThan(start.indexOf("./fluvio-run sc"));
        assertThat(script).contains("registration=" + FluvioContainer.SPU_REGISTRATION);
    }

    @Test
    void aRestartStopsTheScBeforeTheSpu() {
        String script = FluvioContainer.starterScript("docker.example", 32771);

        // With the SPU up, the SC is not rewriting the SPU's registration when it is stopped.
        assertThat(script).contains("for process in sc spu; do");
    }

    @Test
    void theScriptNeedsNoNetcat() {
        // Fluvio's image is Alpine, ours Debian's busybox: their nc builds differ (Debian's has no -z).
        assertThat(FluvioContainer.starterScript("docker.example", 32771)).doesNotContain("nc ")
                .contains("listening 232C", "listening 2332");
    }

    @Test
    void onlyFluviosImageOrADeclaredSubstituteIsAccepted() {
        assertThatThrownBy(() -> new FluvioContainer(DockerImageName.parse("alpine:3.14")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infinyon/fluvio");
    }

    @Test
    void anImageThatCannotBeHadIsNamedWithTestcontainersSettingsForThatCase() {
        String message = FluvioContainer.cannotGet(DockerImageName.parse("testcontainers/ryuk:0.14.0"),
                "Testcontainers' resource reaper, Ryuk", "no such host", "set TESTCONTAINERS_RYUK_DISABLED=true");

        assertThat(message).startsWith("Cannot get the Docker image testcontainers/ryuk:0.14.0 (Testcontainers'")
                .contains("no such host", "TESTCONTAINERS_RYUK_DISABLED=true", "hub.image.name.prefix");
    }

    /** Starts containers of the configured image (a local one where nothing can be pulled). */
    @Nested
    @OnContainerTarget
    class InDocker {

        private final String image = TargetSettings.system().get(FluvioTest.CONTAINER_IMAGE_PROPERTY)
                .orElse(FluvioTest.DEFAULT_CONTAINER_IMAGE);

        private FluvioContainer started() {
            return FluvioContainer.start(image);
        }

        private ConsumerStream autoStream(Fluvio fluvio, String topic, String consumer) {
            return fluvio.consumerWithConfig(ConsumerConfig.builder().topic(topic).offsetStart(Offset.beginning())
                    .offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.AUTO).disableContinuous(true)
                    .build());
        }

        @Test
        void aContainerClusterStoresConsumerOffsets() {
            try (FluvioContainer container = started(); Fluvio fluvio = Fluvio.connect(container.target())) {
                fluvio.admin().createTopic("hello-topic", 1);
                // Once a topic exists, a consumer-offset partition that is not there yet fails at once with
                // Partition not found: consumer-offset-0 (REAL-CLUSTER #9), as it did before start() waited for it.
                assertThat(fluvio.consumerOffsets()).isEmpty();
                fluvio.topicProducer("hello-topic").send(null, "One").join();
                try (ConsumerStream stream = autoStream(fluvio, "hello-topic", "c1")) {
                    assertThat(stream.next(10, Duration.ofSeconds(10))).extracting(ConsumerRecord::valueAsString)
                            .containsExactly("One");
                }
                assertThat(fluvio.consumerOffsets()).singleElement()
                        .satisfies(offset -> assertThat(offset.offset()).isZero());
            }
        }

        @Test
        void aRestartKeepsRecordsFlushedOffsetsAndTheMappedPorts() { // K4
            try (FluvioContainer container = started()) {
                FluvioTarget target = container.target();
                String endpoint = container.getEndpoint();
                try (Fluvio fluvio = Fluvio.connect(target)) {
                    fluvio.admin().createTopic("kept", 1);
                    fluvio.topicProducer("kept").send(null, "before").join();
                    try (ConsumerStream stream = autoStream(fluvio, "kept", "c1")) {
                        assertThat(stream.next(10, Duration.ofSeconds(10))).hasSize(1);
                    }

                    assertThat(target.canRestart()).isTrue();
                    target.restart();

                    assertThat(container.getEndpoint()).isEqualTo(endpoint);
                    assertThat(fluvio.consumerOffsets()).extracting(ConsumerOffset::consumerId, ConsumerOffset::offset)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 0L));
                    assertThat(fluvio.topicProducer("kept").send(null, "after").join().offset()).isEqualTo(1);
                    try (ConsumerStream stream = autoStream(fluvio, "kept", "c1")) {
                        assertThat(stream.next(10, Duration.ofSeconds(10))).extracting(ConsumerRecord::valueAsString)
                                .containsExactly("after");
                    }
                }
            }
        }

        @Test
        void aRestartRecoversFromAnSpuRegistrationTheScLeftEmpty() throws Exception { // REAL-CLUSTER #22
            try (FluvioContainer container = started(); Fluvio fluvio = Fluvio.connect(container.target())) {
                fluvio.admin().createTopic("kept", 1);
                fluvio.topicProducer("kept").send(null, "before").join();
                Container.ExecResult emptied = container.execInContainer("sh", "-c",
                        ": > " + FluvioContainer.SPU_REGISTRATION + " && wc -c < " + FluvioContainer.SPU_REGISTRATION);
                assertThat(emptied.getStdout().trim()).isEqualTo("0");

                container.target().restart();

                assertThat(container.execInContainer("cat", FluvioContainer.SPU_REGISTRATION).getStdout())
                        .contains("resolution: Online");
                assertThat(fluvio.topicProducer("kept").send(null, "after").join().offset()).isEqualTo(1);
            }
        }

        @Test
        void anImageThatIsNeitherHereNorPullableFailsInSeconds() {
            FluvioContainer absent = new FluvioContainer(DockerImageName.parse("fluviokit/no-such-image:0")
                    .asCompatibleSubstituteFor(FluvioContainer.IMAGE));
            Instant started = Instant.now();

            // Testcontainers' own images come first where they are needed (Ryuk, the host look-up in a container).
            assertThatThrownBy(absent::start).isInstanceOf(ContainerFetchException.class)
                    .hasMessageStartingWith("Cannot get the Docker image ")
                    .hasMessageContaining(". Where images cannot be pulled: ");
            // Testcontainers alone retries a failing pull for 2 minutes.
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
        }
    }
}

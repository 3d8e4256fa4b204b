package org.fluviokit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class FluvioContainerTest {

    @Test
    void theStarterScriptRegistersTheSpuAtTheAddressDockerMapped() {
        String script = FluvioContainer.starterScript("docker.example", 32771);

        assertThat(script).contains("    port: 32771\n    ingress:\n    - hostname: docker.example\n");
        assertThat(script).contains("spuType: Custom", "spuId: 5001");
        // Inside the container the SPU listens on its own port; only the registration names the mapped one.
        assertThat(script).contains("./fluvio-run spu -i 5001 -p 0.0.0.0:9010 ");
        assertThat(script.indexOf("custom-spu-5001.yaml <<'EOF'")).isLessThan(script.indexOf("./fluvio-run sc"));
        assertThat(script.indexOf("./fluvio-run sc")).isLessThan(script.indexOf("./fluvio-run spu"));
        assertThat(script.indexOf("resolution: Online")).isLessThan(script.indexOf(FluvioContainer.READY_LINE));
    }

    @Test
    void onlyFluviosImageOrADeclaredSubstituteIsAccepted() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FluvioContainer(
                org.testcontainers.utility.DockerImageName.parse("alpine:3.14")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infinyon/fluvio");
    }

    @Test
    @EnabledIf(value = "org.fluviokit.testcontainers.FluvioContainer#isDockerAvailable",
            disabledReason = "Docker is not available")
    void aContainerClusterStoresConsumerOffsets() {
        try (FluvioContainer container = new FluvioContainer()) {
            container.start();
            try (Fluvio fluvio = Fluvio.connect(container.target())) {
                fluvio.admin().createTopic("hello-topic", 1);
                fluvio.topicProducer("hello-topic").send(null, "One").join();
                try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder().topic("hello-topic")
                        .offsetStart(Offset.beginning()).offsetConsumer("c1")
                        .offsetStrategy(OffsetManagementStrategy.AUTO).disableContinuous(true).build())) {
                    assertThat(stream.next(10, Duration.ofSeconds(10))).extracting(ConsumerRecord::valueAsString)
                            .containsExactly("One");
                }
                assertThat(fluvio.consumerOffsets()).singleElement()
                        .satisfies(offset -> assertThat(offset.offset()).isZero());
            }
        }
    }
}

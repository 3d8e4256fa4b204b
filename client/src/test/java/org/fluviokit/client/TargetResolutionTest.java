package org.fluviokit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fluviokit.client.spi.TargetSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client alone, as a production application has it: only {@code cluster} is a target here;
 * the names the test kit provides say where to get them.
 */
class TargetResolutionTest {

    @TempDir
    Path dir;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private TargetSettings settings() {
        return TargetSettings.of(key -> Optional.ofNullable(properties.get(key)), environment);
    }

    @Test
    void theClusterTargetNeedsNothingButTheClient() {
        properties.put(FluvioTarget.TARGET_PROPERTY, "cluster");
        properties.put(FluvioTarget.ENDPOINT_PROPERTY, "127.0.0.1:9003");
        assertThat(FluvioTarget.from(settings()).endpoint()).contains("127.0.0.1:9003");
        assertThat(FluvioTarget.from(settings()).describe()).isEqualTo("cluster 127.0.0.1:9003");
    }

    @Test
    void theTestKitsTargetsSayWhichArtifactProvidesThem() {
        environment.put(FluvioTarget.TARGET_ENV, "Fake");
        assertThatThrownBy(() -> FluvioTarget.from(settings())).isInstanceOf(FluvioException.class)
                .hasMessage("Unknown fluviokit target 'fake' (from FLUVIOKIT_TARGET): it is provided by fluviokit-testkit,"
                        + " which is not on the classpath");
        assertThatThrownBy(() -> FluvioTarget.cluster(FluvioTarget.EMBEDDED_ENDPOINT))
                .hasMessage("Unknown fluviokit target 'embedded' (from the endpoint): it is provided by fluviokit-testkit,"
                        + " which is not on the classpath");
    }

    @Test
    void anUnknownNameListsTheNamesThereAre() {
        properties.put(FluvioTarget.TARGET_PROPERTY, "mars");
        assertThatThrownBy(() -> FluvioTarget.from(settings()))
                .hasMessage("Unknown fluviokit target 'mars' (from fluviokit.target): use 'cluster'");
    }

    @Test
    void anOverrideNamesItsSourceAndWinsOverPropertiesAndEnvironment() {
        properties.put(FluvioTarget.TARGET_PROPERTY, "fake");
        environment.put(FluvioTarget.TARGET_ENV, "fake");
        TargetSettings pinned = settings().with(FluvioTarget.TARGET_PROPERTY, "mars", "@FluvioTest(target = MARS)");
        assertThat(pinned.targetName()).isEqualTo("mars");
        assertThat(pinned.sourceOf(FluvioTarget.TARGET_PROPERTY)).contains("@FluvioTest(target = MARS)");
        assertThat(settings().sourceOf(FluvioTarget.TARGET_PROPERTY)).contains("fluviokit.target");
    }

    @Test
    void blankSettingsCountAsUnset() {
        properties.put(FluvioTarget.TARGET_PROPERTY, "  ");
        environment.put(FluvioTarget.ENDPOINT_ENV, "");
        environment.put("FLV_PROFILE_PATH", dir.resolve("none").toString());
        assertThat(settings().targetName()).isEqualTo("fake");
        assertThatThrownBy(() -> FluvioTarget.clusterEndpoint(settings()))
                .hasMessage("Config error: no Fluvio profile file at " + dir.resolve("none"));
    }

    @Test
    void anEndpointThatIsNotHostAndPortIsRefusedAtOnce() {
        assertThatThrownBy(() -> FluvioTarget.cluster("no-port")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cluster endpoint is host:port, not 'no-port'");
    }
}

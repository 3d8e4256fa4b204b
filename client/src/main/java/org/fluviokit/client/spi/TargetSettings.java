package org.fluviokit.client.spi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a target's configuration comes from: a key's value from a lookup (system properties, or
 * JUnit's configuration parameters, which fall back to them), else the environment variable that
 * stands for the key, and where each value came from, so that an error can name it.
 */
public final class TargetSettings {

    /** Environment variables that stand for a key when the key is not set. */
    private static final Map<String, String> ENVIRONMENT_NAMES = Map.of(
            "fluviokit.target", "FLUVIOKIT_TARGET",
            "fluviokit.endpoint", "FLUVIO_ENDPOINT",
            "fluviokit.fluvio-run", "FLUVIO_RUN",
            "fluviokit.cluster.restart-command", "FLUVIOKIT_RESTART_COMMAND");

    private final Function<String, Optional<String>> properties;
    private final Map<String, String> environment;
    private final Map<String, Setting> overrides;

    private TargetSettings(Function<String, Optional<String>> properties, Map<String, String> environment,
                           Map<String, Setting> overrides) {
        this.properties = properties;
        this.environment = environment;
        this.overrides = overrides;
    }

    /** System properties, then the process's environment. */
    public static TargetSettings system() {
        return of(key -> Optional.ofNullable(System.getProperty(key)), System.getenv());
    }

    /** {@code properties}, then {@code environment}. */
    public static TargetSettings of(Function<String, Optional<String>> properties, Map<String, String> environment) {
        return new TargetSettings(Objects.requireNonNull(properties, "properties"), Map.copyOf(environment), Map.of());
    }

    /** These settings with {@code key} set to {@code value}, whatever the others say; {@code source} names who set it. */
    public TargetSettings with(String key, String value, String source) {
        Map<String, Setting> copy = new HashMap<>(overrides);
        copy.put(key, new Setting(value, source));
        return new TargetSettings(properties, environment, Map.copyOf(copy));
    }

    /** The value of {@code key}, blank values counting as unset. */
    public Optional<String> get(String key) {
        return setting(key).map(Setting::value);
    }

    /** Where the value of {@code key} came from: an override's source, the key, or its environment variable. */
    public Optional<String> sourceOf(String key) {
        return setting(key).map(Setting::source);
    }

    /** The target's name in lower case: {@code fluviokit.target}, else {@code FLUVIOKIT_TARGET}, else {@code fake}. */
    public String targetName() {
        return get("fluviokit.target").map(name -> name.trim().toLowerCase(Locale.ROOT)).orElse("fake");
    }

    /** The process environment these settings read (for {@code FLV_PROFILE_PATH}, {@code HOME}, …). */
    public Map<String, String> environment() {
        return environment;
    }

    private Optional<Setting> setting(String key) {
        Setting override = overrides.get(key);
        if (override != null) {
            return Optional.of(override);
        }
        Optional<String> property = properties.apply(key).filter(value -> !value.isBlank());
        if (property.isPresent()) {
            return Optional.of(new Setting(property.get().trim(), key));
        }
        String variable = ENVIRONMENT_NAMES.get(key);
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Setting(value.trim(), variable));
    }

    private record Setting(String value, String source) {
    }
}

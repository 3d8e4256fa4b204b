package org.fluviokit.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.fluviokit.protocol.ErrorCode;

/**
 * Fluvio's profile file ({@code $FLV_PROFILE_PATH}, else {@code ~/.fluvio/config}, TOML): which
 * cluster the current profile, or a named one, points at (spec wire-protocol §6.8).
 */
public final class FluvioProfiles {

    private FluvioProfiles() {
    }

    /** Where the profile file is: {@code $FLV_PROFILE_PATH}, else {@code ~/.fluvio/config}. */
    public static Path location(Map<String, String> environment) {
        String configured = environment.get("FLV_PROFILE_PATH");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".fluvio", "config");
    }

    /**
     * The SC endpoint of profile {@code profile}, or of the current profile when it is null.
     *
     * @throws FluvioException {@code Config error: …} when the file, the profile or its cluster is missing
     */
    public static String endpoint(Path file, String profile) {
        JsonNode config;
        try {
            config = new TomlMapper().readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw configError("no Fluvio profile file at " + file);
        } catch (IOException e) {
            throw configError("cannot read " + file + ": " + e.getMessage());
        }
        String name = profile;
        if (name == null) {
            JsonNode current = config.get("current_profile");
            if (current == null || current.asText().isEmpty()) {
                throw configError("Config has no active profile");
            }
            name = current.asText();
        }
        JsonNode profileTable = config.path("profile").get(name);
        if (profileTable == null) {
            throw configError("profile " + name + " not found in " + file);
        }
        String cluster = profileTable.path("cluster").asText();
        JsonNode clusterTable = config.path("cluster").get(cluster);
        if (clusterTable == null) {
            throw configError("cluster " + cluster + " of profile " + name + " not found in " + file);
        }
        // "addr" is accepted as an alias of "endpoint" (§6.8)
        JsonNode endpoint = clusterTable.has("endpoint") ? clusterTable.get("endpoint") : clusterTable.get("addr");
        if (endpoint == null || endpoint.asText().isEmpty()) {
            throw configError("cluster " + cluster + " in " + file + " has no endpoint");
        }
        return endpoint.asText();
    }

    /** A profile file pointing at {@code endpoint}, current profile {@code name} (to point the real CLI at a cluster). */
    public static String render(String name, String endpoint) {
        return "version = \"2.0\"\ncurrent_profile = \"" + name + "\"\n\n[profile." + name + "]\ncluster = \"" + name
                + "\"\n\n[cluster." + name + "]\nendpoint = \"" + endpoint + "\"\n";
    }

    private static FluvioException configError(String detail) {
        return new FluvioException(ErrorCode.OTHER, "Config error: " + detail);
    }
}

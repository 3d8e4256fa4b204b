package org.fluviokit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the cluster {@code java -jar fluvio.jar} talks to, as the real CLI does: the root
 * {@code -c/--cluster HOST:PORT}, else the profile named by {@code -P/--profile}, else the current
 * profile of the config file ({@code $FLV_PROFILE_PATH}, default {@code ~/.fluvio/config}).
 * Reads only the TOML the CLI writes itself ({@code current_profile}, {@code [profile.NAME] cluster},
 * {@code [cluster.NAME] endpoint}).
 */
final class ClusterProfiles {

    private ClusterProfiles() {
    }

    /** The endpoint to connect to, or a message saying why there is none. */
    static String endpoint(Map<String, String> rootOptions, Map<String, String> env) {
        String cluster = rootOptions.get("cluster");
        String profile = rootOptions.get("profile");
        if (cluster != null && profile != null) {
            throw CliFailure.invalidArgument("cluster addr is not valid when profile is used");
        }
        if (cluster != null) {
            return cluster;
        }
        Path path = env.containsKey("FLV_PROFILE_PATH") ? Path.of(env.get("FLV_PROFILE_PATH"))
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".fluvio", "config");
        Map<String, Map<String, String>> config;
        try {
            config = read(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliFailure("Config error: no Fluvio profile at " + path + " (give the cluster with -c HOST:PORT)");
        } catch (IOException e) {
            throw new CliFailure("Config error: cannot read " + path + ": " + e.getMessage());
        }
        String name = profile != null ? profile
                : Optional.ofNullable(config.get("").get("current_profile"))
                        .orElseThrow(() -> new CliFailure("No active profile set in config"));
        Map<String, String> profileTable = config.get("profile." + name);
        if (profileTable == null) {
            throw new CliFailure("Profile not found in config: " + name);
        }
        String clusterName = profileTable.get("cluster");
        Map<String, String> clusterTable = clusterName == null ? null : config.get("cluster." + clusterName);
        if (clusterTable == null || clusterTable.get("endpoint") == null) {
            throw new CliFailure("Cluster not found in config: " + clusterName);
        }
        return clusterTable.get("endpoint");
    }

    /** Tables by dotted name ("" for the top level), each with its string and bare values. */
    static Map<String, Map<String, String>> read(Path path) throws IOException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        tables.put("", current);
        for (String raw : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                String name = line.substring(1, line.lastIndexOf(']')).strip().replace("\"", "");
                current = tables.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().replace("\"", "");
            String value = line.substring(eq + 1).strip();
            if (value.startsWith("\"") && value.lastIndexOf('"') > 0) {
                value = value.substring(1, value.lastIndexOf('"'));
            }
            current.put(key, value);
        }
        return tables;
    }
}

package org.fluviokit.cli;

import java.util.Map;

import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioProfiles;

/**
 * Finds the cluster {@code java -jar fluvio.jar} talks to, as the real CLI does: the root
 * {@code -c/--cluster HOST:PORT}, else the profile named by {@code -P/--profile}, else the current
 * profile of the config file ({@code $FLV_PROFILE_PATH}, default {@code ~/.fluvio/config}).
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
        try {
            return FluvioProfiles.endpoint(FluvioProfiles.location(env), profile);
        } catch (FluvioException e) {
            throw new CliFailure(e.getMessage() + " (give the cluster with -c HOST:PORT)");
        }
    }
}

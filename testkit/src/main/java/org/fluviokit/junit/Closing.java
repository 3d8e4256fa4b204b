package org.fluviokit.junit;

import java.util.List;

/** Closes resources in the order given; the first failure is thrown, later ones suppressed into it. */
final class Closing {

    private Closing() {
    }

    static void all(List<? extends AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("closing " + resource + " failed", e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

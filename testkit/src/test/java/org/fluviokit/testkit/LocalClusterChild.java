package org.fluviokit.testkit;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A JVM that starts a local cluster, says where, and waits to be killed ({@link LocalClusterTest}). */
public final class LocalClusterChild {

    private LocalClusterChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalCluster cluster = LocalCluster.start(Path.of(args[0]));
        System.out.println("pids " + String.join(" ", cluster.processes().stream().map(p -> Long.toString(p.pid())).toList()));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

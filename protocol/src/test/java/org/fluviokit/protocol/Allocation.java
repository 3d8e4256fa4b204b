package org.fluviokit.protocol;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;

/** Measures the heap bytes the current thread allocates (HotSpot's per-thread counter). */
public final class Allocation {

    private Allocation() {
    }

    /** Bytes allocated by this thread while running {@code action}; exceptions are swallowed. */
    public static long bytesAllocatedBy(Runnable action) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).as("per-thread allocation counter available")
                .isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        try {
            action.run();
        } catch (RuntimeException expected) {
            // callers assert on the exception separately
        }
        return threads.getThreadAllocatedBytes(id) - before;
    }
}

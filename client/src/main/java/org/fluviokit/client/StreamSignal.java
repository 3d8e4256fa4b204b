package org.fluviokit.client;

import java.util.concurrent.TimeUnit;

/** Wakes a consumer waiting for records when any of its partition streams may have something new. */
final class StreamSignal {

    private long version;

    synchronized void signal() {
        version++;
        notifyAll();
    }

    synchronized long version() {
        return version;
    }

    /** Waits until a signal newer than {@code seen} arrives; false when the deadline passed first. */
    synchronized boolean awaitAfter(long seen, long deadlineNanos) throws InterruptedException {
        while (version == seen) {
            long waitNanos = deadlineNanos - System.nanoTime();
            if (waitNanos <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
        }
        return true;
    }
}

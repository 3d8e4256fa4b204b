package org.fluviokit.testcontainers;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.fluviokit.testkit.internal.ConsumerOffsetProbe;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.LogMessageWaitStrategy;

/**
 * Fluvio in the container is ready when the starter script reported its SPU online (once more
 * after each restart) and the {@code consumer-offset} partition answers FetchConsumerOffsets: the
 * SC creates that partition about a second after it starts (REAL-CLUSTER #10), and until then
 * every consumer-offset call fails with {@code Partition not found: consumer-offset-0}.
 */
final class FluvioReady extends AbstractWaitStrategy {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final int LOG_LINES_SHOWN = 20;

    private int starts = 1;

    FluvioReady() {
        // Testcontainers' default of one attempt a second would add up to a second to every start.
        withRateLimiter(RateLimiterBuilder.newBuilder().withRate(5, TimeUnit.SECONDS).withConstantThroughput().build());
    }

    /** The next wait is for the start after a restart. */
    synchronized void startedAgain() {
        starts++;
    }

    /** The next wait is for a new container. */
    synchronized void reset() {
        starts = 1;
    }

    @Override
    protected void waitUntilReady() {
        Instant deadline = Instant.now().plus(startupTimeout);
        int expected;
        synchronized (this) {
            expected = starts;
        }
        try {
            new LogMessageWaitStrategy().withRegEx(".*" + FluvioContainer.READY_LINE + ".*").withTimes(expected)
                    .withStartupTimeout(startupTimeout).waitUntilReady(waitStrategyTarget);
        } catch (ContainerLaunchException e) {
            throw notReady("the starter script did not report the SPU online within " + startupTimeout.toSeconds()
                    + " s", e);
        }
        String endpoint = waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(FluvioContainer.SC_PUBLIC_PORT);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                getRateLimiter().doWhenReady(() -> ConsumerOffsetProbe.list(endpoint));
                return;
            } catch (RuntimeException notYet) {
                last = notYet;
            }
        }
        throw notReady("the consumer-offset partition did not answer within " + startupTimeout.toSeconds()
                + " s (last answer: " + (last == null ? "none" : last.getMessage()) + ")", last);
    }

    private ContainerLaunchException notReady(String why, RuntimeException cause) {
        return new ContainerLaunchException("Fluvio in container " + waitStrategyTarget.getContainerId()
                + " is not ready: " + why + ". The container's last log lines:\n" + logTail(), cause);
    }

    private String logTail() {
        try {
            String[] lines = ANSI.matcher(waitStrategyTarget.getLogs()).replaceAll("").split("\n");
            StringBuilder tail = new StringBuilder();
            for (int i = Math.max(0, lines.length - LOG_LINES_SHOWN); i < lines.length; i++) {
                tail.append("  ").append(lines[i]).append('\n');
            }
            return tail.toString();
        } catch (RuntimeException e) {
            return "  (unavailable: " + e.getMessage() + ")\n";
        }
    }
}

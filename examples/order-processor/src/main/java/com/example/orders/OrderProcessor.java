package com.example.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;

/**
 * Bills orders exactly where it left off: a named consumer with the MANUAL strategy, which commits
 * and flushes its position only after an order was billed, so a restart never skips one.
 */
public final class OrderProcessor {

    public static final String TOPIC = "orders";
    public static final String CONSUMER = "billing";

    private final Fluvio fluvio;
    private final List<String> billed = new ArrayList<>();

    public OrderProcessor(Fluvio fluvio) {
        this.fluvio = fluvio;
    }

    /** Bills every order waiting now, then returns how many it billed. */
    public int billWaitingOrders() {
        int count = 0;
        try (ConsumerStream stream = fluvio.consumerWithConfig(ConsumerConfig.builder()
                .topic(TOPIC)
                .offsetStart(Offset.beginning())
                .offsetConsumer(CONSUMER)
                .offsetStrategy(OffsetManagementStrategy.MANUAL)
                .disableContinuous(true)
                .build())) {
            Optional<ConsumerRecord> order;
            while ((order = stream.next(Duration.ofSeconds(5))).isPresent()) {
                billed.add(order.get().valueAsString());
                count++;
                stream.offsetCommit();
                stream.offsetFlush();
            }
        }
        return count;
    }

    public List<String> billed() {
        return List.copyOf(billed);
    }
}

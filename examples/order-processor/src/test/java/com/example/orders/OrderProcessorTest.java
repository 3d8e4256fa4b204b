package com.example.orders;

import static org.fluviokit.assertj.FluvioAssertions.assertThat;

import org.fluviokit.client.Fluvio;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.junit.FluvioCluster;
import org.fluviokit.junit.FluvioProducer;
import org.fluviokit.junit.FluvioTest;
import org.fluviokit.junit.Topic;
import org.junit.jupiter.api.Test;

@FluvioTest
@Topic(OrderProcessor.TOPIC)
class OrderProcessorTest {

    @Test
    void billsEachOrderOnceAcrossARestart(FluvioCluster cluster, @FluvioProducer TopicProducer orders) {
        orders.send("customer-1", "order-1").join();
        orders.send("customer-2", "order-2").join();
        OrderProcessor processor = new OrderProcessor(cluster.fluvio());
        org.assertj.core.api.Assertions.assertThat(processor.billWaitingOrders()).isEqualTo(2);
        assertThat(cluster.fluvio()).hasConsumerOffset(OrderProcessor.CONSUMER, OrderProcessor.TOPIC, 0, 1);

        cluster.restart();
        orders.send("customer-3", "order-3").join();

        Fluvio afterRestart = cluster.newClient();
        OrderProcessor resumed = new OrderProcessor(afterRestart);
        org.assertj.core.api.Assertions.assertThat(resumed.billWaitingOrders()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(resumed.billed()).containsExactly("order-3");
        assertThat(afterRestart).hasConsumerOffset(OrderProcessor.CONSUMER, OrderProcessor.TOPIC, 0, 2);
    }
}

package org.fluviokit.testkit.internal;

import java.time.Clock;
import java.time.Duration;

import org.fluviokit.client.ClusterSettings;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.wire.WireServer;

/**
 * {@code embedded}, the endpoint of the {@code cluster} target that stands for a fake broker behind
 * its wire server, on loopback ports the OS chooses: the cluster code path without a cluster. It
 * runs on the system clock, as a real cluster does, and can be restarted: the restart returns once
 * the clients of it have seen their connections close, as they would while a real cluster is down.
 * Closing the target stops the server.
 */
public final class EmbeddedTargetProvider implements FluvioTargetProvider {

    @Override
    public String name() {
        return FluvioTarget.EMBEDDED_ENDPOINT;
    }

    @Override
    public FluvioTarget open(TargetSettings settings) {
        return EmbeddedCluster.start();
    }

    private static final class EmbeddedCluster extends FluvioTarget {
        private final FakeBroker broker;
        private final WireServer server;

        private EmbeddedCluster(FakeBroker broker, WireServer server) {
            // The fake needs no pause between a delete and a create.
            super(FluvioTarget.restartableCluster(server.scEndpoint(),
                    ClusterSettings.defaults().withDeleteSettleTime(Duration.ZERO), () -> {
                        broker.restart();
                        return server.ports();
                    }));
            this.broker = broker;
            this.server = server;
        }

        static EmbeddedCluster start() {
            FakeBroker broker = FakeBroker.builder().clock(Clock.systemUTC()).build();
            return new EmbeddedCluster(broker, WireServer.start(broker));
        }

        @Override
        public String describe() {
            return "cluster " + server.scEndpoint() + " (the fake's wire server)";
        }

        @Override
        public void close() {
            server.close();
            broker.close();
        }
    }
}

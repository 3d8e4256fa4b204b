package org.fluviokit.testkit.internal;

import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.testkit.FakeTarget;

/** {@code fake}: a new fake broker on a virtual clock each time. */
public final class FakeTargetProvider implements FluvioTargetProvider {

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public FluvioTarget open(TargetSettings settings) {
        return FakeTarget.of(FakeBroker.create());
    }
}

package org.fluviokit.conformance;

import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.Supplier;

import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of produce, open, read, commit, flush, close, advance time, restart, delete
 * consumer offset and recreate topic, run on the target and on the {@link ReferenceModel}; any
 * difference fails with the shrunk sequence printed as a scenario file. The seed is fixed for CI
 * and printed; {@value #SEED_PROPERTY} and {@value #EXAMPLES_PROPERTY} change it.
 */
@DisplayName("properties")
class ModelPropertySuite {

    static final String SEED_PROPERTY = "fluviokit.property.seed";
    static final String EXAMPLES_PROPERTY = "fluviokit.property.examples";
    static final long CI_SEED = 20261127L;
    static final int CI_EXAMPLES = 300;
    static final int MAX_OPERATIONS = 30;

    @Test
    @DisplayName("[model] the fake broker behaves as the reference model on random operation sequences")
    void fakeBrokerMatchesTheModel() {
        SuiteTarget target = SuiteTarget.current();
        AllureLabels.check("model property", "properties", List.of(), target);
        Assumptions.assumeTrue(target.isFake(), "the model property runs on fake brokers: its sequences"
                + " restart the broker and move its clock, which a cluster cannot do from here");
        check(ModelHarness::newBroker);
    }

    /** Runs the property on brokers from {@code brokers}; throws with the shrunk scenario on a difference. */
    static void check(Supplier<FakeBroker> brokers) {
        long seed = Long.getLong(SEED_PROPERTY, CI_SEED);
        int examples = Integer.getInteger(EXAMPLES_PROPERTY, CI_EXAMPLES);
        System.out.println("model property: seed " + seed + ", " + examples + " sequences (-D" + SEED_PROPERTY
                + "=… -D" + EXAMPLES_PROPERTY + "=… to change)");
        ModelHarness harness = new ModelHarness(brokers);
        qt().withFixedSeed(seed)
                .withExamples(examples)
                .withShrinkCycles(2000)
                .forAll(ModelOp.sequences(MAX_OPERATIONS)
                        .describedAs(sequence -> ModelHarness.scenario(harness.minimize(sequence))))
                .checkAssert(harness::check);
    }
}

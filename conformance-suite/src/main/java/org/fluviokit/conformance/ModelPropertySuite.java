package org.fluviokit.conformance;

import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of produce, open, read, commit, flush, close, advance time, restart, delete
 * consumer offset and recreate topic, run on the target and on the {@link ReferenceModel}; any
 * difference fails with the shrunk sequence printed as a scenario file. The seed is fixed for CI
 * and printed; {@value #SEED_PROPERTY} and {@value #EXAMPLES_PROPERTY} change it.
 *
 * <p>On a fake broker the sequences move its virtual clock and cover every strategy; on a cluster
 * they run in real time, restricted to what a cluster answers the same way every run
 * ({@link ModelOp#realTimeSequences}), {@value #REAL_TIME_EXAMPLES} of them by default within
 * {@link #REAL_TIME_BUDGET}.
 */
@DisplayName("properties")
class ModelPropertySuite {

    static final String SEED_PROPERTY = "fluviokit.property.seed";
    static final String EXAMPLES_PROPERTY = "fluviokit.property.examples";
    static final long CI_SEED = 20261127L;
    static final int CI_EXAMPLES = 300;
    static final int MAX_OPERATIONS = 30;
    static final int REAL_TIME_EXAMPLES = 24;
    static final int REAL_TIME_REQUIRED = 20;
    static final int REAL_TIME_MAX_OPERATIONS = 15;
    static final Duration REAL_TIME_BUDGET = Duration.ofMinutes(5);

    @Test
    @DisplayName("[model] the target behaves as the reference model on random operation sequences")
    void targetMatchesTheModel() {
        SuiteTarget target = SuiteTarget.current();
        AllureLabels.check("model property", "properties", List.of(), target);
        if (target.isFake()) {
            check(ModelHarness::newBroker);
        } else {
            checkInRealTime(target);
        }
    }

    /** Runs the property on brokers from {@code brokers}; throws with the shrunk scenario on a difference. */
    static void check(Supplier<FakeBroker> brokers) {
        long seed = Long.getLong(SEED_PROPERTY, CI_SEED);
        int examples = Integer.getInteger(EXAMPLES_PROPERTY, CI_EXAMPLES);
        System.out.println("model property: seed " + seed + ", " + examples + " sequences (-D" + SEED_PROPERTY
                + "=… -D" + EXAMPLES_PROPERTY + "=… to change)");
        ModelHarness harness = ModelHarness.onBrokers(brokers);
        qt().withFixedSeed(seed)
                .withExamples(examples)
                .withShrinkCycles(2000)
                .forAll(ModelOp.sequences(MAX_OPERATIONS)
                        .describedAs(sequence -> ModelHarness.scenario(harness.minimize(sequence))))
                .checkAssert(harness::check);
    }

    /**
     * The real-time property: sequences on the cluster, each in a namespace of its own. A difference
     * is printed as a scenario without further shrinking (each try costs real seconds); the run stops
     * at {@link #REAL_TIME_BUDGET} and says how many sequences it ran.
     */
    static void checkInRealTime(SuiteTarget target) {
        long seed = Long.getLong(SEED_PROPERTY, CI_SEED);
        int examples = Integer.getInteger(EXAMPLES_PROPERTY, REAL_TIME_EXAMPLES);
        boolean restarts = target.cluster().map(cluster -> cluster.canRestart()).orElse(false);
        long deadline = System.nanoTime() + REAL_TIME_BUDGET.toNanos();
        int[] ran = {0};
        ModelHarness harness = new ModelHarness(target::forScenario);
        qt().withFixedSeed(seed)
                .withExamples(examples)
                .withShrinkCycles(0)
                .forAll(ModelOp.realTimeSequences(REAL_TIME_MAX_OPERATIONS, restarts).describedAs(ModelHarness::scenario))
                .checkAssert(sequence -> {
                    if (System.nanoTime() - deadline < 0) {
                        harness.check(sequence);
                        ran[0]++;
                    }
                });
        String summary = "model property in real time on " + target.describe() + ": seed " + seed + ", " + ran[0]
                + " of " + examples + " sequences within " + REAL_TIME_BUDGET.toMinutes() + " min"
                + (restarts ? ", restarts included" : ", without restarts (the target cannot restart)");
        System.out.println(summary);
        int required = Math.min(REAL_TIME_REQUIRED, examples);
        if (ran[0] < required) {
            // Sequences cut off by the budget are not checks that passed.
            throw new AssertionError(summary + ": fewer than the " + required + " a run must check");
        }
    }
}

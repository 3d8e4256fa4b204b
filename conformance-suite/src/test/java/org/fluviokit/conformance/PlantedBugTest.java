package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.Test;

/**
 * The model property against a deliberately wrong broker, one that stores the next offset instead
 * of the last (B1): the property must find it and print a small scenario that replays the
 * difference, passing on a correct broker and failing on the wrong one.
 */
class PlantedBugTest {

    private static FakeBroker storesTheNextOffset() {
        FakeBroker broker = ModelHarness.newBroker();
        broker.faults().rewriteStoredOffsets(offset -> offset + 1);
        return broker;
    }

    @Test
    void propertyFindsABrokerThatStoresTheNextOffsetAndPrintsAShrunkScenario() {
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> ModelPropertySuite.check(PlantedBugTest::storesTheNextOffset));

        assertThat(error).as("the property must notice the planted bug").isNotNull();
        String scenarioText = error.getMessage()
                .substring(error.getMessage().indexOf("Smallest found falsifying value(s) :-\n")
                        + "Smallest found falsifying value(s) :-\n".length());
        scenarioText = scenarioText.substring(0, scenarioText.indexOf("\nCause was"));
        Scenario scenario = ScenarioParser.parse(scenarioText, "shrunk.yaml");

        // shrunk: create the topic, produce, open a stream with an id, read, and the expected offsets
        assertThat(scenario.steps()).hasSizeLessThanOrEqualTo(7);
        assertThat(scenario.steps()).extracting(Scenario.Step::action).contains("read", "expect-offsets");

        assertThatCode(() -> {
            try (ScenarioCluster correct = ScenarioCluster.of(ModelHarness.newBroker())) {
                ScenarioRunner.run(scenario, correct);
            }
        }).as("the printed scenario holds on a correct broker").doesNotThrowAnyException();
        assertThatThrownBy(() -> {
            try (ScenarioCluster wrong = ScenarioCluster.of(storesTheNextOffset())) {
                ScenarioRunner.run(scenario, wrong);
            }
        }).as("and fails on the wrong one").isInstanceOf(ScenarioRunner.ScenarioFailure.class)
                .hasMessageContaining("expected: stored offsets");
    }
}

package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ScenarioRunnerTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken/wrong-expectation.yaml");

    private static void run(String yaml) {
        try (ScenarioCluster target = ScenarioCluster.fake()) {
            ScenarioRunner.run(ScenarioParser.parse(yaml, "inline.yaml"), target);
        }
    }

    @Test
    void aWrongExpectationFailsWithTheFileLineStepExpectedAndActual() {
        Scenario scenario = ScenarioParser.parse(BROKEN);
        assertThatThrownBy(() -> {
            try (ScenarioCluster target = ScenarioCluster.fake()) {
                ScenarioRunner.run(scenario, target);
            }
        }).isInstanceOf(ScenarioRunner.ScenarioFailure.class)
                .hasMessage(BROKEN + ":14: step 6 'expect-offsets: [{consumer: a, topic: t, partition: 0, offset: 1}]'\n"
                        + "  expected: stored offsets [a t-0 at 1]\n"
                        + "  actual:   stored offsets [a t-0 at 2]");
    }

    @Test
    void anExpectedErrorThatDoesNotComeFails() {
        assertThatThrownBy(() -> run("""
                name: x
                area: y
                steps:
                  - create-topic: t
                    expect-error: {code: TOPIC_ALREADY_EXISTS}
                """)).hasMessageContaining("expected: error {code: TOPIC_ALREADY_EXISTS}")
                .hasMessageContaining("actual:   success");
    }

    @Test
    void anUnexpectedErrorFailsWithItsCodeAndText() {
        assertThatThrownBy(() -> run("""
                name: x
                area: y
                steps:
                  - produce: {topic: nope, values: [a]}
                """)).hasMessageContaining("expected: success")
                .hasMessageContaining("actual:   error {code: TOPIC_NOT_FOUND, message: Topic not found: nope}");
    }

    @Test
    void aWrongErrorTextFails() {
        assertThatThrownBy(() -> run("""
                name: x
                area: y
                steps:
                  - delete-topic: nope
                    expect-error: {code: 2001, message: "not found"}
                """)).hasMessageContaining("actual:   error {code: TOPIC_NOT_FOUND, message: Topic not found}");
    }

    @Test
    void errorCodesMatchByNameOrTag() {
        run("""
                name: x
                area: y
                steps:
                  - delete-topic: nope
                    expect-error: {code: 2001, message: Topic not found}
                  - delete-topic: nope
                    expect-error: {code: topic-not-found}
                """);
    }

    @Test
    void aScenarioNeedingWhatTheTargetLacksIsSkippedWithTheReason() {
        Scenario scenario = new Scenario("x", "y", List.of(), java.util.Set.of("fake"), List.of(
                new Scenario.Step("restart", null, null, java.util.Set.of(), null, 1)), 1, "x.yaml");
        try (ScenarioCluster target = ScenarioCluster.fake()) {
            assertThat(target.missing("fake")).isEmpty();
            assertThat(target.missing("virtual-time")).isEmpty();
            ScenarioRunner.run(scenario, target);
        }
        assertThat(new TestAbortedException("r")).hasMessage("r");
    }

    @Test
    void readingTooFewRecordsFails() {
        assertThatThrownBy(() -> run("""
                name: x
                area: y
                steps:
                  - create-topic: t
                  - produce: {topic: t, values: [a]}
                  - open: {topic: t}
                  - read: {count: 2}
                """)).hasMessageContaining("expected: 2 records").hasMessageContaining("actual:   1 records: [0@0 a]");
    }

    @Test
    void countingFlushesFailsWhenASecondHoldsMoreThanAllowed() {
        // a zero period flushes every record (C2), so one second of the broker's clock holds several offsets
        assertThatThrownBy(() -> run("""
                name: x
                area: y
                steps:
                  - create-topic: t
                  - produce: {topic: t, values: [a, b, c, d]}
                  - open: {topic: t, consumer: c, strategy: auto, flush: 0s}
                  - read-counting-flushes: {count: 4, every: 100ms, consumer: c, topic: t, most-per-second: 1}
                """)).hasMessageContaining("expected: at least 0 flushes, at most 1 in any second")
                .hasMessageMatching("(?s).*actual: {3}offsets stored, by second: \\{\\d+=\\[0, 1, 2, 3]}");
    }

    @Test
    void alignToSecondWaitsUntilTheClockIsThatFarIntoASecond() {
        try (ScenarioCluster target = ScenarioCluster.fake()) {
            long start = target.fluvio().currentTimeMillis();
            ScenarioRunner.run(ScenarioParser.parse("""
                    name: x
                    area: y
                    steps:
                      - advance-time: 400ms
                      - align-to-second: 300ms
                    """, "inline.yaml"), target);
            assertThat(target.fluvio().currentTimeMillis() - start).isEqualTo(1300);
        }
    }
}

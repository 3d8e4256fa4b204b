package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    @Test
    void readsAScenarioWithLinesForEveryStep() {
        Scenario scenario = ScenarioParser.parse("""
                name: produce then consume
                area: produce
                ids: [A1, B1]
                requires: [virtual-time]
                steps:
                  - create-topic: t
                  - produce: {topic: t, values: [a, ~]}
                  - delete-topic: t
                    expect-error: {code: TOPIC_NOT_FOUND}
                """, "s.yaml");
        assertThat(scenario.name()).isEqualTo("produce then consume");
        assertThat(scenario.ids()).containsExactly("A1", "B1");
        assertThat(scenario.requires()).containsExactly("virtual-time");
        assertThat(scenario.steps()).extracting(Scenario.Step::action, Scenario.Step::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("create-topic", 6),
                        org.assertj.core.groups.Tuple.tuple("produce", 7),
                        org.assertj.core.groups.Tuple.tuple("delete-topic", 8));
        assertThat(scenario.steps().get(1).describe()).isEqualTo("produce: {topic: t, values: [a, null]}");
        assertThat(scenario.steps().get(2).expectError()).containsEntry("code", "TOPIC_NOT_FOUND");
    }

    @Test
    void unknownActionsKeysAndRequirementsAreReportedWithTheirLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("name: x\narea: y\nsteps:\n  - fly: away\n", "s.yaml"))
                .hasMessageStartingWith("s.yaml:4: unknown action 'fly'");
        assertThatThrownBy(() -> ScenarioParser.parse("name: x\narea: y\ncolour: red\nsteps:\n  - restart: x\n", "s.yaml"))
                .hasMessageStartingWith("s.yaml:3: unknown key 'colour'");
        assertThatThrownBy(() -> ScenarioParser.parse("name: x\narea: y\nrequires: [magic]\nsteps:\n  - restart: x\n",
                "s.yaml")).hasMessageStartingWith("s.yaml:3: unknown requirement 'magic'");
        assertThatThrownBy(() -> ScenarioParser.parse("name: x\narea: y\nsteps:\n  - restart: x\n    close: s\n", "s.yaml"))
                .hasMessageStartingWith("s.yaml:5: a step has one action, here both 'restart' and 'close'");
    }

    @Test
    void aScenarioNeedsANameAnAreaAndSteps() {
        assertThatThrownBy(() -> ScenarioParser.parse("area: y\nsteps:\n  - restart: x\n", "s.yaml"))
                .hasMessage("s.yaml: a scenario needs a name, an area and steps");
        assertThatThrownBy(() -> ScenarioParser.parse("- just a list", "s.yaml"))
                .hasMessageStartingWith("s.yaml: a scenario is a mapping");
        assertThatThrownBy(() -> ScenarioParser.parse("name: [unclosed", "s.yaml"))
                .hasMessageStartingWith("s.yaml: not valid YAML");
    }
}

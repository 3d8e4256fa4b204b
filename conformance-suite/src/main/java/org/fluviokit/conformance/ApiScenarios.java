package org.fluviokit.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.qameta.allure.Allure;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * API-level scenarios as JUnit dynamic tests: one container per area, one test per scenario,
 * each step an Allure step, each scenario labelled with its area, behaviour ids and target.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> myScenarios() {
 *     return ApiScenarios.in(Path.of("src/test/scenarios"));
 * }
 * }</pre>
 */
public final class ApiScenarios {

    private ApiScenarios() {
    }

    /** The scenarios shipped with fluviokit and those of the folders in {@code -Dfluviokit.scenarios}. */
    public static Stream<DynamicNode> builtInAndExtra() {
        List<Path> files = new ArrayList<>(ScenarioFiles.builtIn("api", ".yaml", ".yml"));
        files.addAll(ScenarioFiles.extra(".yaml", ".yml"));
        return tests(files);
    }

    /** The scenarios (YAML files) of a folder and its sub-folders. */
    public static Stream<DynamicNode> in(Path folder) {
        return tests(ScenarioFiles.in(folder, ".yaml", ".yml"));
    }

    private static Stream<DynamicNode> tests(List<Path> files) {
        Map<String, List<DynamicNode>> byArea = new LinkedHashMap<>();
        for (Path file : files) {
            Scenario scenario = ScenarioParser.parse(file);
            byArea.computeIfAbsent(scenario.area(), area -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(displayName(scenario), file.toUri(), () -> run(scenario)));
        }
        return byArea.entrySet().stream()
                .map(area -> DynamicContainer.dynamicContainer(area.getKey(), area.getValue().stream()));
    }

    static String displayName(Scenario scenario) {
        return (scenario.ids().isEmpty() ? "" : "[" + String.join(" ", scenario.ids()) + "] ") + scenario.name();
    }

    private static void run(Scenario scenario) {
        SuiteTarget suite = SuiteTarget.current();
        AllureLabels.check(scenario.source(), scenario.area(), scenario.ids(), suite);
        Allure.description("Scenario file: " + scenario.source());
        List<String> voided = new ArrayList<>();
        for (int attempt = 1; attempt <= scenario.attempts(); attempt++) {
            try (ScenarioCluster target = suite.forScenario()) {
                ScenarioRunner.run(scenario, target);
                if (!voided.isEmpty()) {
                    Allure.step("held at attempt " + attempt + " of " + scenario.attempts() + "; voided before: "
                            + String.join("; ", voided));
                }
                return;
            } catch (ScenarioRunner.AttemptVoided e) {
                voided.add(e.getMessage());
            }
        }
        throw new TestAbortedException("real time did not place the steps in any of " + scenario.attempts()
                + " attempts, so the scenario could tell nothing: " + String.join("; ", voided));
    }
}

package org.fluviokit.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An API-level scenario: a named list of steps, with the area and the behaviour ids
 * ({@code docs/behaviours.md}) it checks. Read from YAML by {@link ScenarioParser};
 * the step vocabulary is documented in {@code scenarios/README.md}.
 *
 * @param name     what the scenario shows, in a sentence
 * @param area     the area of the verdict matrix (consume, auto-commit, …)
 * @param ids      behaviour ids, e.g. B3
 * @param requires what the target must be able to do (virtual-time, restart, fake)
 * @param steps    the steps, in order
 * @param attempts how many times a real-time target may run it when a step overran its {@code within}
 *                 (1: no second attempt)
 * @param source   where it was read from, for messages
 */
record Scenario(String name, String area, List<String> ids, Set<String> requires, List<Step> steps, int attempts,
                String source) {


    /** What a scenario may require of its target. */
    static final Set<String> CAPABILITIES = Set.of("virtual-time", "restart", "fake");

    Scenario {
        ids = List.copyOf(ids);
        requires = Set.copyOf(requires);
        steps = List.copyOf(steps);
    }

    /**
     * One step: an action with its arguments, and optionally the error it must fail with.
     *
     * @param action      the action's name, e.g. {@code produce}
     * @param argument    the action's argument: a scalar, a list or a map, as written
     * @param expectError the error the step must fail with (code and message), or null
     * @param requires    what the target must be able to do for this step to run ({@link #CAPABILITIES});
     *                    elsewhere the step is left out, for a check only a virtual clock can time
     * @param within      on a real-time target, the longest the step may end after the step before it ended
     *                    (null: no limit); a step that overruns it voids the attempt, as real time did not place
     *                    it where the scenario can tell one behaviour from another
     * @param line        the line of the step in its file
     */
    record Step(String action, Object argument, Map<String, Object> expectError, Set<String> requires,
                Duration within, int line) {

        Step {
            requires = Set.copyOf(requires);
        }

        /** The step as the scenario wrote it, on one line, for reports. */
        String describe() {
            return action + (argument == null ? "" : ": " + Yaml.inline(argument))
                    + (expectError == null ? "" : " (expect error " + Yaml.inline(expectError) + ")")
                    + (requires.isEmpty() ? "" : " (requires " + String.join(", ", new java.util.TreeSet<>(requires)) + ")")
                    + (within == null ? "" : " (within " + within.toMillis() + " ms)");
        }
    }
}

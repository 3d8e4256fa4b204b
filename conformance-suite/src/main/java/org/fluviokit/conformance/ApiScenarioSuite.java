package org.fluviokit.conformance;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The API-level scenarios: the built-in ones and those of {@code -Dfluviokit.scenarios} folders. */
@DisplayName("API scenarios")
class ApiScenarioSuite {

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicNode> scenarios() {
        return ApiScenarios.builtInAndExtra();
    }
}

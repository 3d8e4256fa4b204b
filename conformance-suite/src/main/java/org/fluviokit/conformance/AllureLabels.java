package org.fluviokit.conformance;

import java.util.List;

import io.qameta.allure.Allure;

/**
 * The labels every check carries in the Allure report, so the report groups them as the verdict
 * matrix does: the area (also Allure's feature) and the behaviour ids (also its stories).
 */
final class AllureLabels {

    private AllureLabels() {
    }

    static void check(String area, List<String> behaviourIds) {
        Allure.label("area", area);
        Allure.feature(area);
        for (String id : behaviourIds) {
            Allure.label("behaviour", id);
            Allure.story(id);
        }
    }

    /** What the check ran on, e.g. {@code fake broker} or {@code cluster 127.0.0.1:9003}. */
    static void target(String description) {
        Allure.label("target", description);
    }
}

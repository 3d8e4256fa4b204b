package org.fluviokit.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;

/**
 * The labels every check carries in the Allure report, so the report groups them as the verdict
 * matrix does: Suites by target, then area; Behaviors by area (Allure's feature) and behaviour id
 * (its story). A check is one test case per target: the same scenario on the fake and on a cluster
 * are two cases, not one case and its retry.
 */
final class AllureLabels {

    private static final Set<String> SUITE_LABELS = Set.of("parentSuite", "suite", "subSuite");

    private AllureLabels() {
    }

    /**
     * Labels the running check. {@code check} names it across runs (a scenario's file, for
     * example): Allure's history follows a check by it, on each target apart.
     */
    static void check(String check, String area, List<String> behaviourIds, SuiteTarget target) {
        String targetName = target.name();
        Allure.getLifecycle().updateTestCase(result -> {
            result.getLabels().removeIf(label -> SUITE_LABELS.contains(label.getName()));
            result.getLabels().add(new Label().setName("parentSuite").setValue(targetName));
            result.getLabels().add(new Label().setName("suite").setValue(area));
            String identity = check + " on " + targetName;
            result.setHistoryId(md5(identity));
            result.setTestCaseId(md5(identity));
        });
        Allure.label("area", area);
        Allure.label("target", target.describe());
        Allure.feature(area);
        for (String id : behaviourIds) {
            Allure.label("behaviour", id);
            Allure.story(id);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

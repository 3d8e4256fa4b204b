package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The main job, run in-process as the README's command runs it. */
class ConformanceMainTest {

    @TempDir
    Path temp;

    @AfterEach
    void clearProperties() {
        System.clearProperty(Targets.PROPERTY);
        System.clearProperty(ScenarioFiles.EXTRA_FOLDERS_PROPERTY);
        System.clearProperty("allure.results.directory");
    }

    private int run(ByteArrayOutputStream output, String... args) {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return new CommandLine(new ConformanceMain(out)).execute(args);
    }

    @Test
    void theWholeSuitePassesOnTheFakeAndPrintsAMatrixWithEveryArea() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path allure = temp.resolve("allure-results");
        int exit = run(output, "--allure-results", allure.toString());
        String matrix = output.toString(StandardCharsets.UTF_8);

        assertThat(matrix).contains("fluviokit conformance on fake broker (embedded)");
        for (String area : new String[] {"produce", "consume", "manual-commit", "auto-commit", "flush-timing",
                "restart", "deletion", "validation", "multi-partition", "properties"}) {
            assertThat(matrix).containsPattern("(?m)^  " + area + " +\\d+ passed, 0 failed");
        }
        assertThat(matrix).containsPattern("Total: \\d+ passed, 0 failed, 0 skipped");
        assertThat(exit).isZero();
        try (Stream<Path> files = Files.list(allure)) {
            String results = files.filter(f -> f.toString().endsWith("-result.json")).map(ConformanceMainTest::read)
                    .reduce("", String::concat);
            assertThat(results).contains("\"name\":\"area\"", "\"value\":\"auto-commit\"", "\"name\":\"behaviour\"",
                    "\"value\":\"C1\"", "\"name\":\"target\"", "\"value\":\"fake broker\"");
            assertThat(results).contains("\"name\":\"1. create-topic: t\"");
        }
    }

    @Test
    void aFailingScenarioFromAnExtraFolderMakesTheRunFailAndShowsWhy() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = run(output, "--scenarios", Path.of("src/test/resources/broken").toString(),
                "--allure-results", temp.toString());
        String matrix = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(matrix).containsPattern("fixtures +\\[C1\\] a deliberately wrong scenario.* FAIL");
        assertThat(matrix).contains("expected: stored offsets [a t-0 at 1]", "actual:   stored offsets [a t-0 at 2]");
        assertThat(matrix).containsPattern("Total: \\d+ passed, 1 failed");
    }

    @Test
    void theClusterTargetStopsWithAClearMessageUntilItExists() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertThat(run(output, "--target", "cluster")).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("The cluster target (fluviokit.target=cluster) is"
                + " not available in this release");
        ByteArrayOutputStream unknown = new ByteArrayOutputStream();
        assertThat(run(unknown, "--target", "mars")).isEqualTo(2);
        assertThat(unknown.toString(StandardCharsets.UTF_8)).contains("Unknown target 'mars'");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.fluviokit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        System.clearProperty(org.fluviokit.client.FluvioTarget.TARGET_PROPERTY);
        System.clearProperty(org.fluviokit.client.FluvioTarget.ENDPOINT_PROPERTY);
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

        assertThat(matrix).contains("fluviokit conformance on fake broker");
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
        // A second run leaves only its own results: the report's totals are the last run's.
        long firstRun = resultFiles(allure).size();
        assertThat(run(new ByteArrayOutputStream(), "--allure-results", allure.toString())).isZero();
        assertThat(resultFiles(allure)).hasSize((int) firstRun);
    }

    private static List<Path> resultFiles(Path allure) throws IOException {
        try (Stream<Path> files = Files.list(allure)) {
            return files.filter(f -> f.toString().endsWith("-result.json")).toList();
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
    void bothTargetsRunSideBySideAndTheClusterSkipsWhatItCannotDoWithTheReason() throws IOException {
        // The embedded cluster runs in this JVM, so it can be restarted; its clock is real.
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = run(output, "--target", "fake,cluster", "--endpoint", "embedded", "--allure-results", temp.toString());
        String matrix = output.toString(StandardCharsets.UTF_8);

        assertThat(matrix).contains("fluviokit conformance, one column per target", "[1] fake broker\n");
        assertThat(matrix).containsPattern("\\[2\\] cluster 127\\.0\\.0\\.1:\\d+ \\(the fake's wire server\\)");
        assertThat(matrix).containsPattern("(?m)^restart +\\[K4\\] records and flushed offsets survive .* pass +pass$");
        assertThat(matrix).containsPattern("(?m)^produce +\\[O5 F1\\] .* pass +pass$");
        assertThat(matrix).containsPattern("(?m)^cli +The Fluvio docs' consumer-offsets session +pass +pass$");
        assertThat(matrix).containsPattern("(?m)^\\[1\\] fake broker: \\d+ passed, 0 failed, 0 skipped$");
        assertThat(matrix).containsPattern("(?m)^\\[2\\] cluster .*: \\d+ passed, 0 failed, \\d+ skipped$");
        assertThat(matrix).containsPattern("skipped flush-timing / \\[C2\\] .*: needs virtual time: cluster .* runs in real time, .*REAL-CLUSTER.md #26 lists the forms .* that run in real time instead\\)");
        // The model property runs on the cluster too, in real time.
        assertThat(matrix).containsPattern("(?m)^properties +\\[model\\] the target behaves as the reference model on"
                + " random operation sequences +pass +pass$");
        assertThat(exit).isZero();
        // In Allure each check is a case per target (not one case and its retry), under Suites target > area.
        List<String> results = resultFiles(temp).stream().map(ConformanceMainTest::read).toList();
        assertThat(results.stream().map(r -> field(r, "historyId")).distinct().count()).isEqualTo(results.size());
        assertThat(results).anyMatch(r -> r.contains("{\"name\":\"parentSuite\",\"value\":\"fake\"}"))
                .anyMatch(r -> r.contains("{\"name\":\"parentSuite\",\"value\":\"cluster\"}"))
                .allMatch(r -> r.contains("{\"name\":\"suite\",\"value\":\""));
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void aTargetThatCannotBeUsedStopsWithAClearMessage() {
        ByteArrayOutputStream unknown = new ByteArrayOutputStream();
        assertThat(run(unknown, "--target", "mars")).isEqualTo(2);
        assertThat(unknown.toString(StandardCharsets.UTF_8)).contains("Unknown fluviokit target 'mars' (from --target):"
                + " use 'cluster', 'container', 'embedded', 'fake', 'local'");
        ByteArrayOutputStream badEndpoint = new ByteArrayOutputStream();
        assertThat(run(badEndpoint, "--target", "cluster", "--endpoint", "no-port")).isEqualTo(2);
        assertThat(badEndpoint.toString(StandardCharsets.UTF_8)).contains("a cluster endpoint is host:port, not 'no-port'");
        ByteArrayOutputStream nobody = new ByteArrayOutputStream();
        assertThat(run(nobody, "--target", "cluster", "--endpoint", "127.0.0.1:1")).isEqualTo(2);
        assertThat(nobody.toString(StandardCharsets.UTF_8)).startsWith("Cannot reach the cluster 127.0.0.1:1: ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

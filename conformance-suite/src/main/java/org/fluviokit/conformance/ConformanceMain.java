package org.fluviokit.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.TargetSettings;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The conformance suite's main job: every API scenario, CLI transcript and model property on a
 * target, a verdict matrix on stdout, Allure results on disk, and a non-zero exit on any failure.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Runs fluviokit's conformance suite against a Fluvio target and prints a verdict matrix.")
public final class ConformanceMain implements Callable<Integer> {

    @Option(names = "--target", split = ",", description = "fake (default), cluster, local or container; several"
            + " (fake,cluster) for a matrix with a column each; also -Dfluviokit.target or FLUVIOKIT_TARGET")
    List<String> targets = List.of();

    @Option(names = "--endpoint", description = "the cluster's SC, host:port, or 'embedded' for the fake's wire server"
            + " (default: -Dfluviokit.endpoint, FLUVIO_ENDPOINT, or the current Fluvio profile)")
    String endpoint;

    @Option(names = "--scenarios", split = ",", description = "extra folders of scenarios and transcripts")
    List<Path> scenarios = List.of();

    @Option(names = "--allure-results", description = "where to write Allure results (default: ${DEFAULT-VALUE})")
    Path allureResults = Path.of("conformance-suite", "target", "allure-results");

    @Option(names = "--seed", description = "seed of the model property tests (default: the fixed CI seed)")
    Long seed;

    @Option(names = "--examples", description = "sequences each property tries (default: the CI number)")
    Integer examples;

    private final PrintStream out;

    ConformanceMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConformanceMain(System.out)).execute(args));
    }

    @Override
    public Integer call() {
        if (!scenarios.isEmpty()) {
            System.setProperty(ScenarioFiles.EXTRA_FOLDERS_PROPERTY,
                    String.join(",", scenarios.stream().map(Path::toString).toList()));
        }
        if (seed != null) {
            System.setProperty(ModelPropertySuite.SEED_PROPERTY, seed.toString());
        }
        if (examples != null) {
            System.setProperty(ModelPropertySuite.EXAMPLES_PROPERTY, examples.toString());
        }
        TargetSettings settings = TargetSettings.system();
        if (endpoint != null) {
            settings = settings.with(FluvioTarget.ENDPOINT_PROPERTY, endpoint, "--endpoint");
        }
        List<TargetSettings> runs = new ArrayList<>();
        for (String target : targets) {
            runs.add(settings.with(FluvioTarget.TARGET_PROPERTY, target, "--target"));
        }
        if (runs.isEmpty()) {
            runs.add(settings);
        }
        // Each run's report shows that run only (the directory is this tool's output, not a history).
        AllureResults.clear(allureResults);
        Map<String, VerdictMatrix> matrices = new LinkedHashMap<>();
        for (TargetSettings run : runs) {
            try (SuiteTarget target = SuiteTarget.open(run)) {
                matrices.put(target.describe(), runWithAllure());
            } catch (SuiteTarget.UnsupportedTargetException e) {
                out.println(e.getMessage());
                return 2;
            }
        }
        VerdictMatrix.printColumns(out, matrices);
        out.println("Allure results: " + allureResults);
        boolean allRan = matrices.values().stream().allMatch(matrix -> !matrix.rows().isEmpty());
        boolean noneFailed = matrices.values().stream().allMatch(matrix -> matrix.count(VerdictMatrix.Verdict.FAIL) == 0);
        return allRan && noneFailed ? 0 : 1;
    }

    private VerdictMatrix runWithAllure() {
        AllureLifecycle previous = Allure.getLifecycle();
        // A lifecycle of our own, so the results land where asked even when this runs inside another test run.
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allureResults)));
        try {
            return run(suiteClasses());
        } finally {
            Allure.setLifecycle(previous);
        }
    }

    static List<Class<?>> suiteClasses() {
        return List.of(ApiScenarioSuite.class, TranscriptSuite.class, ModelPropertySuite.class);
    }

    static VerdictMatrix run(List<Class<?>> classes) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        for (Class<?> type : classes) {
            request.selectors(selectClass(type));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        VerdictMatrix matrix = new VerdictMatrix();
        launcher.execute(discovery, matrix);
        return matrix;
    }
}

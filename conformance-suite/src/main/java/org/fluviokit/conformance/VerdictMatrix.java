package org.fluviokit.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects what happened to every scenario, transcript and property while the suite runs, and
 * prints it as a matrix: area × scenario, with pass / FAIL / skipped and the reason, then totals.
 * The area of a test is the container it sits in (one per area).
 */
final class VerdictMatrix implements TestExecutionListener {

    enum Verdict { PASS, FAIL, SKIPPED }

    record Row(String area, String scenario, Verdict verdict, String reason) {
    }

    private final Map<UniqueId, Row> rows = new ConcurrentHashMap<>();
    private final Map<UniqueId, Integer> order = new ConcurrentHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier identifier) {
        order.putIfAbsent(identifier.getUniqueIdObject(), order.size());
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) {
            record(identifier, Verdict.SKIPPED, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> record(identifier, Verdict.PASS, "");
                case ABORTED -> record(identifier, Verdict.SKIPPED, message(result));
                case FAILED -> record(identifier, Verdict.FAIL, message(result));
                default -> throw new IllegalStateException(result.toString());
            }
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED && identifier.isContainer()) {
            // A container that failed before its tests ran (e.g. an unreadable scenario file).
            record(identifier, Verdict.FAIL, message(result));
        }
    }

    private void record(TestIdentifier identifier, Verdict verdict, String reason) {
        order.putIfAbsent(identifier.getUniqueIdObject(), order.size());
        rows.put(identifier.getUniqueIdObject(), new Row(area(identifier), identifier.getDisplayName(), verdict, reason));
    }

    private String area(TestIdentifier identifier) {
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(identifier);
        return parent.map(TestIdentifier::getDisplayName).orElse("");
    }

    private static String message(TestExecutionResult result) {
        String text = result.getThrowable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("");
        // JUnit's assumptions prefix their reason; the matrix shows the reason alone.
        return text.startsWith("Assumption failed: ") ? text.substring("Assumption failed: ".length()) : text;
    }

    List<Row> rows() {
        List<Map.Entry<UniqueId, Row>> entries = new ArrayList<>(rows.entrySet());
        entries.sort(Map.Entry.comparingByKey((a, b) -> Integer.compare(order.getOrDefault(a, 0), order.getOrDefault(b, 0))));
        return entries.stream().map(Map.Entry::getValue).toList();
    }

    long count(Verdict verdict) {
        return rows.values().stream().filter(row -> row.verdict() == verdict).count();
    }

    /** Prints the matrix and the totals; failure details (step, expected, actual) follow the table. */
    void print(PrintStream out, String target) {
        List<Row> all = rows();
        int areaWidth = Math.max(4, all.stream().mapToInt(r -> r.area().length()).max().orElse(0));
        int nameWidth = Math.min(100, Math.max(8, all.stream().mapToInt(r -> r.scenario().length()).max().orElse(0)));
        out.println();
        out.println("fluviokit conformance on " + target);
        out.printf("%-" + areaWidth + "s  %-" + nameWidth + "s  %s%n", "AREA", "SCENARIO", "VERDICT");
        Map<String, long[]> perArea = new LinkedHashMap<>();
        for (Row row : all) {
            String name = row.scenario().length() > nameWidth ? row.scenario().substring(0, nameWidth - 1) + "…"
                    : row.scenario();
            String verdict = switch (row.verdict()) {
                case PASS -> "pass";
                case FAIL -> "FAIL";
                case SKIPPED -> "skipped: " + firstLine(row.reason());
            };
            out.printf("%-" + areaWidth + "s  %-" + nameWidth + "s  %s%n", row.area(), name, verdict);
            perArea.computeIfAbsent(row.area(), a -> new long[3])[row.verdict().ordinal()]++;
        }
        out.println();
        for (Map.Entry<String, long[]> area : perArea.entrySet()) {
            long[] counts = area.getValue();
            out.printf("  %-" + areaWidth + "s  %d passed, %d failed, %d skipped%n", area.getKey(), counts[0], counts[1],
                    counts[2]);
        }
        out.printf("Total: %d passed, %d failed, %d skipped%n", count(Verdict.PASS), count(Verdict.FAIL),
                count(Verdict.SKIPPED));
        for (Row row : all) {
            if (row.verdict() == Verdict.FAIL) {
                out.println();
                out.println("FAILED " + row.area() + " / " + row.scenario());
                out.println(indent(row.reason()));
            }
        }
    }

    /**
     * Prints the matrices of several runs of the same suite side by side: one verdict column per
     * target, the reasons for skips below the table, then the totals and failures of each target.
     */
    static void printColumns(PrintStream out, Map<String, VerdictMatrix> byTarget) {
        if (byTarget.size() == 1) {
            Map.Entry<String, VerdictMatrix> only = byTarget.entrySet().iterator().next();
            only.getValue().print(out, only.getKey());
            return;
        }
        List<String> targets = new ArrayList<>(byTarget.keySet());
        Map<String, Map<String, Row>> table = new LinkedHashMap<>();
        for (String target : targets) {
            for (Row row : byTarget.get(target).rows()) {
                table.computeIfAbsent(row.area() + "\u0000" + row.scenario(), key -> new LinkedHashMap<>()).put(target, row);
            }
        }
        int areaWidth = 4;
        int nameWidth = 8;
        for (Map<String, Row> line : table.values()) {
            Row any = line.values().iterator().next();
            areaWidth = Math.max(areaWidth, any.area().length());
            nameWidth = Math.min(100, Math.max(nameWidth, any.scenario().length()));
        }
        out.println();
        out.println("fluviokit conformance, one column per target");
        for (int i = 0; i < targets.size(); i++) {
            out.println("  [" + (i + 1) + "] " + targets.get(i));
        }
        StringBuilder header = new StringBuilder(String.format("%-" + areaWidth + "s  %-" + nameWidth + "s", "AREA", "SCENARIO"));
        for (int i = 0; i < targets.size(); i++) {
            header.append(String.format("  %-8s", "[" + (i + 1) + "]"));
        }
        out.println(header.toString().stripTrailing());
        for (Map<String, Row> line : table.values()) {
            Row any = line.values().iterator().next();
            String name = any.scenario().length() > nameWidth ? any.scenario().substring(0, nameWidth - 1) + "…"
                    : any.scenario();
            StringBuilder text = new StringBuilder(String.format("%-" + areaWidth + "s  %-" + nameWidth + "s", any.area(), name));
            for (String target : targets) {
                Row row = line.get(target);
                String verdict = row == null ? "-" : switch (row.verdict()) {
                    case PASS -> "pass";
                    case FAIL -> "FAIL";
                    case SKIPPED -> "skipped";
                };
                text.append(String.format("  %-8s", verdict));
            }
            out.println(text.toString().stripTrailing());
        }
        for (int i = 0; i < targets.size(); i++) {
            VerdictMatrix matrix = byTarget.get(targets.get(i));
            out.println();
            out.printf("[%d] %s: %d passed, %d failed, %d skipped%n", i + 1, targets.get(i), matrix.count(Verdict.PASS),
                    matrix.count(Verdict.FAIL), matrix.count(Verdict.SKIPPED));
            for (Row row : matrix.rows()) {
                if (row.verdict() == Verdict.SKIPPED) {
                    out.println("  skipped " + row.area() + " / " + row.scenario() + ": " + firstLine(row.reason()));
                }
            }
            for (Row row : matrix.rows()) {
                if (row.verdict() == Verdict.FAIL) {
                    out.println("  FAILED " + row.area() + " / " + row.scenario());
                    out.println(indent(indent(row.reason())));
                }
            }
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}

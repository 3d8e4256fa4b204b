package org.fluviokit.conformance;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fluviokit.client.Durations;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads scenario files (YAML). The runner reads every value as text, so {@code 0} and
 * {@code "0"} mean the same; {@code ~}/{@code null} is null; every step keeps its line so failures
 * point into the file.
 */
final class ScenarioParser {

    private ScenarioParser() {
    }

    static Scenario parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ScenarioFormatException(file + ": cannot read: " + e.getMessage());
        }
    }

    static Scenario parse(String text, String source) {
        Node root;
        try (Reader reader = new StringReader(text)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException | IOException e) {
            throw new ScenarioFormatException(source + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode document)) {
            throw new ScenarioFormatException(source + ": a scenario is a mapping with name, area, ids and steps");
        }
        String name = null;
        String area = null;
        List<String> ids = new ArrayList<>();
        Set<String> requires = new LinkedHashSet<>();
        List<Scenario.Step> steps = new ArrayList<>();
        int attempts = 1;
        for (NodeTuple entry : document.getValue()) {
            String key = scalar(entry.getKeyNode(), source);
            Node value = entry.getValueNode();
            switch (key) {
                case "name" -> name = scalar(value, source);
                case "area" -> area = scalar(value, source);
                case "ids" -> ids.addAll(strings(value, source));
                case "requires" -> {
                    for (String capability : strings(value, source)) {
                        if (!Scenario.CAPABILITIES.contains(capability)) {
                            throw error(value, source, "unknown requirement '" + capability + "' (known: "
                                    + Scenario.CAPABILITIES + ")");
                        }
                        requires.add(capability);
                    }
                }
                case "doc" -> {
                    // free text for readers
                }
                case "steps" -> steps.addAll(steps(value, source));
                case "attempts" -> {
                    try {
                        attempts = Integer.parseInt(scalar(value, source));
                    } catch (NumberFormatException e) {
                        throw error(value, source, "attempts is a whole number");
                    }
                    if (attempts < 1) {
                        throw error(value, source, "attempts is at least 1");
                    }
                }
                default -> throw error(entry.getKeyNode(), source, "unknown key '" + key
                        + "' (a scenario has name, area, ids, requires, attempts, doc and steps)");
            }
        }
        if (name == null || area == null || steps.isEmpty()) {
            throw new ScenarioFormatException(source + ": a scenario needs a name, an area and steps");
        }
        return new Scenario(name, area, ids, requires, steps, attempts, source);
    }

    private static List<Scenario.Step> steps(Node node, String source) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, source, "steps are a list");
        }
        List<Scenario.Step> steps = new ArrayList<>();
        for (Node stepNode : sequence.getValue()) {
            if (!(stepNode instanceof MappingNode mapping)) {
                throw error(stepNode, source, "a step is a mapping such as '- produce: {topic: t, values: [a]}'");
            }
            String action = null;
            Object argument = null;
            Map<String, Object> expectError = null;
            java.util.Set<String> requires = java.util.Set.of();
            Duration within = null;
            for (NodeTuple entry : mapping.getValue()) {
                String key = scalar(entry.getKeyNode(), source);
                if (key.equals("within")) {
                    try {
                        within = Durations.parse(scalar(entry.getValueNode(), source));
                    } catch (IllegalArgumentException e) {
                        throw error(entry.getValueNode(), source, "within is a duration such as 100ms: " + e.getMessage());
                    }
                } else if (key.equals("requires")) {
                    Object value = value(entry.getValueNode(), source);
                    if (!(value instanceof List<?> list) || !Scenario.CAPABILITIES.containsAll(list)) {
                        throw error(entry.getValueNode(), source, "a step's requires is a list of " + Scenario.CAPABILITIES);
                    }
                    requires = new java.util.TreeSet<>(list.stream().map(String::valueOf).toList());
                } else if (key.equals("expect-error")) {
                    Object value = value(entry.getValueNode(), source);
                    if (!(value instanceof Map<?, ?> map)) {
                        throw error(entry.getValueNode(), source, "expect-error is a mapping with code and message");
                    }
                    expectError = stringKeys(map);
                } else if (action == null) {
                    action = key;
                    argument = value(entry.getValueNode(), source);
                } else {
                    throw error(entry.getKeyNode(), source, "a step has one action, here both '" + action
                            + "' and '" + key + "'");
                }
            }
            if (action == null) {
                throw error(stepNode, source, "a step needs an action");
            }
            if (!ScenarioRunner.ACTIONS.contains(action)) {
                throw error(stepNode, source, "unknown action '" + action + "' (known: " + ScenarioRunner.ACTIONS + ")");
            }
            steps.add(new Scenario.Step(action, argument, expectError, requires, within,
                    stepNode.getStartMark().getLine() + 1));
        }
        return steps;
    }

    private static Object value(Node node, String source) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.NULL)) {
                return null;
            }
            if (scalar.getTag().equals(Tag.INT)) {
                // kept as a number so that reports show it as the file wrote it; the runner reads text
                try {
                    return Long.parseLong(scalar.getValue());
                } catch (NumberFormatException notADecimal) {
                    return scalar.getValue();
                }
            }
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(value(item, source));
            }
            return list;
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            map.put(scalar(entry.getKeyNode(), source), value(entry.getValueNode(), source));
        }
        return map;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static String scalar(Node node, String source) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, source, "expected a single value here");
        }
        return scalar.getValue();
    }

    private static List<String> strings(Node node, String source) {
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, source, "expected a list");
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            values.add(scalar(item, source));
        }
        return values;
    }

    private static ScenarioFormatException error(Node node, String source, String message) {
        return new ScenarioFormatException(source + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    /** A scenario file that cannot be read as a scenario. */
    static final class ScenarioFormatException extends RuntimeException {
        ScenarioFormatException(String message) {
            super(message);
        }
    }
}

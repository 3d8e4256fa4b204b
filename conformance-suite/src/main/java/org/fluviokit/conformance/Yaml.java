package org.fluviokit.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;

/** Renders values as the scenario files write them. */
final class Yaml {

    private Yaml() {
    }

    /** One line, flow style: {@code {topic: t, values: [a, b]}}. */
    static String inline(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        options.setWidth(Integer.MAX_VALUE);
        String text = new org.yaml.snakeyaml.Yaml(options).dump(value).strip();
        return text;
    }

    /** A whole scenario document, block style with flow-style steps, as a person would write it. */
    static String document(String name, String area, List<String> ids, List<Map<String, Object>> steps) {
        StringBuilder out = new StringBuilder();
        out.append("name: ").append(inline(name)).append('\n');
        out.append("area: ").append(area).append('\n');
        out.append("ids: ").append(inline(ids)).append('\n');
        out.append("steps:\n");
        for (Map<String, Object> step : steps) {
            out.append("  - ").append(inline(new LinkedHashMap<>(step)).replaceAll("^\\{|\\}$", "")).append('\n');
        }
        return out.toString();
    }
}

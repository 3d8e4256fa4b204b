package org.fluviokit.cli;

import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML as Fluvio's CLI writes it ({@code serde_yaml} 0.9 over libyaml): block style, two-space
 * indent, sequences inside a mapping not indented, no line folding, ambiguous strings single-quoted,
 * and a Rust enum variant holding data written as a tag ({@code replicas: !computed}).
 */
final class SerdeYaml {

    /** A Rust enum variant with data, which serde_yaml 0.9 writes as {@code !variant} before its content. */
    record Variant(String name, Map<String, Object> content) {
    }

    private SerdeYaml() {
    }

    /** {@code serde_yaml::to_string}: ends with one newline. */
    static String write(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setExplicitStart(false);
        Representer representer = new Representer(options) {
            {
                this.representers.put(Variant.class, new RepresentVariant());
            }

            final class RepresentVariant implements Represent {
                @Override
                public Node representData(Object data) {
                    Variant variant = (Variant) data;
                    return representMapping(new Tag("!" + variant.name()), variant.content(),
                            DumperOptions.FlowStyle.BLOCK);
                }
            }
        };
        return new Yaml(representer, options).dump(value);
    }
}

package org.fluviokit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.fluviokit.client.ConsumerOffset;

/** {@code fluvio consumer list | delete} (spec H, I and 2.4). */
final class ConsumerCommands {

    private ConsumerCommands() {
    }

    /** H1–H4: a table sorted by consumer, topic, partition; JSON and YAML in the broker's order. */
    static int list(Shell shell, Syntax.Parsed parsed) {
        List<ConsumerOffset> offsets = shell.fluvio().consumerOffsets();
        if (offsets.isEmpty()) {
            shell.println("No consumers found"); // H1: whatever -O is
            return 0;
        }
        String output = parsed.has("output") ? parsed.value("output") : "table";
        switch (output) {
            case "json" -> {
                ArrayNode array = SerdeJson.array();
                for (ConsumerOffset offset : offsets) {
                    array.addObject().put("consumer_id", offset.consumerId()).put("topic", offset.topic())
                            .put("partition", offset.partition()).put("offset", offset.offset())
                            .put("modified_time", offset.modifiedTime());
                }
                shell.println(SerdeJson.pretty(array));
            }
            case "yaml" -> {
                List<Map<String, Object>> list = new ArrayList<>();
                for (ConsumerOffset offset : offsets) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("consumer_id", offset.consumerId());
                    entry.put("topic", offset.topic());
                    entry.put("partition", offset.partition());
                    entry.put("offset", offset.offset());
                    entry.put("modified_time", offset.modifiedTime());
                    list.add(entry);
                }
                shell.println(SerdeYaml.write(list));
            }
            case "toml" -> throw new CliFailure("Fluvio client error"); // a bare list is no TOML document
            default -> {
                long now = shell.nowSeconds();
                TextTable table = new TextTable(List.of("CONSUMER", "TOPIC", "PARTITION", "OFFSET", "LAST SEEN"));
                List<ConsumerOffset> sorted = new ArrayList<>(offsets);
                sorted.sort(null);
                for (ConsumerOffset offset : sorted) {
                    // H3: the CLI subtracts unsigned; an SPU clock ahead of the CLI's would overflow there
                    long age = Math.max(0, now - offset.modifiedTime());
                    table.addRow(List.of(offset.consumerId(), offset.topic(), Integer.toString(offset.partition()),
                            Long.toString(offset.offset()), Humantime.format(age)));
                }
                shell.context.stdout().print(table.renderPlain());
                shell.context.stdout().flush();
            }
        }
        return 0;
    }

    /** I1–I5: by name (all topics), by name and topic, or one partition without looking first. */
    static int delete(Shell shell, Syntax.Parsed parsed) {
        String consumer = parsed.positional();
        String topic = parsed.value("topic");
        String partition = parsed.value("partition");
        if (topic != null && partition != null) {
            delete(shell, consumer, topic, Integer.parseUnsignedInt(partition));
            return 0;
        }
        List<ConsumerOffset> matching = new ArrayList<>();
        for (ConsumerOffset offset : shell.fluvio().consumerOffsets()) {
            if (offset.consumerId().equals(consumer) && (topic == null || offset.topic().equals(topic))) {
                matching.add(offset);
            }
        }
        if (matching.isEmpty()) {
            shell.println("no consumers found"); // I4: not an error
            return 0;
        }
        for (ConsumerOffset offset : matching) {
            delete(shell, offset.consumerId(), offset.topic(), offset.partition());
        }
        return 0;
    }

    private static void delete(Shell shell, String consumer, String topic, int partition) {
        shell.fluvio().deleteConsumerOffset(consumer, topic, partition);
        shell.println("consumer \"" + consumer + "\" on topic \"" + topic + "\" and partition \"" + partition
                + "\" deleted");
    }
}

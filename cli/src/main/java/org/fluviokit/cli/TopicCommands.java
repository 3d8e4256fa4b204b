package org.fluviokit.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fluviokit.client.FluvioAdmin;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.client.TopicSpec;
import org.fluviokit.protocol.ErrorCode;

/** {@code fluvio topic create | delete | list} (spec 2.3, K2, K3, L3). */
final class TopicCommands {

    /** Fluvio's {@code STORAGE_RETENTION_SECONDS}: what RETENTION TIME shows for a topic without one. */
    static final long DEFAULT_RETENTION_SECONDS = 7 * 24 * 3600;
    static final int MAX_NAME_LENGTH = 63;

    private TopicCommands() {
    }

    static int create(Shell shell, Syntax.Parsed parsed) {
        FluvioCli.refuse(parsed, "config", "replica-assignment", "mirror-apply", "mirror", "dedup", "home-to-remote");
        String name = parsed.positional() == null ? "" : parsed.positional();
        int partitions = parsed.has("partitions") ? Integer.parseUnsignedInt(parsed.value("partitions")) : 1;
        int replication = parsed.has("replication") ? Integer.parseInt(parsed.value("replication")) : 1;
        TopicSpec spec = TopicSpec.partitions(partitions).withReplicationFactor(replication);
        if (parsed.has("retention-time")) {
            // the CLI keeps whole seconds (time_in_seconds)
            spec = spec.withRetentionTime(Duration.ofSeconds(Humantime.parse(parsed.value("retention-time")).getSeconds()));
        }
        if (parsed.has("compression-type")) {
            spec = spec.withCompression(parsed.value("compression-type"));
        }
        if (parsed.has("segment-size")) {
            spec = spec.withSegmentSize((int) Commands.parseBytes(parsed.value("segment-size")));
        }
        if (parsed.has("max-partition-size")) {
            spec = spec.withMaxPartitionSize(Commands.parseBytes(parsed.value("max-partition-size")));
        }
        if (parsed.has("system")) {
            spec = spec.asSystemTopic();
        }
        validateName(name);
        FluvioAdmin admin = shell.fluvio().admin();
        if (parsed.has("dry-run")) {
            admin.validateTopic(name, spec);
        } else {
            admin.createTopic(name, spec);
        }
        shell.println("topic \"" + name + "\" created");
        return 0;
    }

    /** L3: the CLI checks the name itself before asking the SC. */
    static void validateName(String name) {
        if (name.strip().isEmpty()) {
            throw CliFailure.invalidArgument("Topic name is required");
        }
        String problem = null;
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_LENGTH) {
            problem = "Name exceeds max characters allowed " + MAX_NAME_LENGTH;
        } else if (!name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
                || name.startsWith("-") || name.endsWith("-")) {
            problem = "Contain only lowercase alphanumeric characters or '-'";
        }
        if (problem != null) {
            throw CliFailure.invalidArgument("Invalid Topic name " + name + ". " + problem);
        }
    }

    /** Several names, in order; K3 for system topics; {@code -c} collects failures. */
    static int delete(Shell shell, Syntax.Parsed parsed) {
        FluvioAdmin admin = shell.fluvio().admin();
        boolean system = parsed.has("system");
        boolean force = parsed.has("force");
        boolean continueOnError = parsed.has("continue-on-error");
        boolean failed = false;
        for (String name : parsed.positionals) {
            try {
                admin.deleteTopic(name);
                shell.println("topic \"" + name + "\" deleted");
            } catch (FluvioException error) {
                if (system && error.errorCode() == ErrorCode.SYSTEM_SPEC_DELETION_ATTEMPT) {
                    if (!force && !userConfirms(shell, name)) {
                        shell.println("Aborted");
                        break;
                    }
                    try {
                        admin.deleteTopicForcibly(name);
                        shell.println("system topic \"" + name + "\" deleted");
                    } catch (FluvioException forced) {
                        failed = true;
                        if (!continueOnError) {
                            throw error; // the CLI reports the first refusal, not this one
                        }
                        shell.println("system topic \"" + name + "\" delete failed with: " + forced.getMessage());
                    }
                } else {
                    failed = true;
                    if (!continueOnError) {
                        throw error;
                    }
                    shell.println("topic \"" + name + "\" delete failed with: " + error.getMessage());
                }
            }
        }
        if (failed) {
            throw new CliFailure("Failed deleting topic(s). Check previous errors.");
        }
        return 0;
    }

    /** The (y/n) question of {@code topic delete --system} without {@code --force}, answered on stdin. */
    private static boolean userConfirms(Shell shell, String name) {
        shell.println("You are trying to delete a system topic '" + name + "'. It can affect the functioning of the cluster.\n"
                + " ".repeat(29) + "\nAre you sure you want to proceed? (y/n)");
        String answer = ProduceCommand.readLine(shell.context.stdin());
        String trimmed = answer == null ? "" : answer.stripTrailing().toLowerCase(java.util.Locale.ROOT);
        return trimmed.equals("y") || trimmed.equals("yes");
    }

    static int list(Shell shell, Syntax.Parsed parsed) {
        FluvioAdmin admin = shell.fluvio().admin();
        List<TopicMetadata> topics = parsed.has("system") ? admin.listSystemTopics() : admin.listTopics();
        if (topics.isEmpty()) {
            shell.println("No topics found");
            return 0;
        }
        String output = parsed.has("output") ? parsed.value("output") : "table";
        switch (output) {
            case "json" -> {
                ArrayNode array = SerdeJson.array();
                for (TopicMetadata topic : topics) {
                    array.add(json(topic));
                }
                shell.println(SerdeJson.pretty(array));
            }
            case "yaml" -> {
                List<Object> list = new ArrayList<>();
                for (TopicMetadata topic : topics) {
                    list.add(yaml(topic));
                }
                shell.println(SerdeYaml.write(list));
            }
            case "toml" -> throw new CliFailure("Fluvio client error");
            default -> {
                TextTable table = new TextTable(List.of("NAME", "TYPE", "PARTITIONS", "REPLICAS", "RETENTION TIME",
                        "COMPRESSION", "DEDUPLICATION", "STATUS", "REASON"));
                for (TopicMetadata topic : topics) {
                    TopicSpec spec = topic.spec();
                    long retention = spec.retentionTime().map(Duration::getSeconds).orElse(DEFAULT_RETENTION_SECONDS);
                    table.addRow(List.of(topic.name(), "computed", Integer.toString(spec.partitions()),
                            Integer.toString(spec.replicationFactor()), Humantime.format(retention), spec.compression(),
                            "none", "resolution::" + topic.status(), topic.reason()));
                }
                shell.context.stdout().print(table.renderPlain());
                shell.context.stdout().flush();
            }
        }
        return 0;
    }

    /** {@code Metadata<TopicSpec>} as serde writes it: camelCase fields, enums externally tagged. */
    private static ObjectNode json(TopicMetadata topic) {
        ObjectNode node = SerdeJson.object();
        node.put("name", topic.name());
        ObjectNode spec = node.putObject("spec");
        ObjectNode computed = spec.putObject("replicas").putObject("computed");
        computed.put("partitions", topic.spec().partitions());
        computed.put("replicationFactor", topic.spec().replicationFactor());
        computed.put("ignoreRackAssignment", false);
        topic.spec().retentionTime().ifPresent(retention ->
                spec.putObject("cleanupPolicy").putObject("segment").put("timeInSeconds", retention.getSeconds()));
        if (topic.spec().segmentSize().isPresent() || topic.spec().maxPartitionSize().isPresent()) {
            ObjectNode storage = spec.putObject("storage");
            if (topic.spec().segmentSize().isPresent()) {
                storage.put("segmentSize", topic.spec().segmentSize().get());
            } else {
                storage.putNull("segmentSize");
            }
            if (topic.spec().maxPartitionSize().isPresent()) {
                storage.put("maxPartitionSize", topic.spec().maxPartitionSize().get());
            } else {
                storage.putNull("maxPartitionSize");
            }
        }
        spec.put("compressionType", compressionVariant(topic.spec().compression()));
        spec.put("system", topic.spec().system());
        ObjectNode status = node.putObject("status");
        status.put("resolution", resolutionVariant(topic.status()));
        ObjectNode replicaMap = status.putObject("replicaMap");
        for (TopicMetadata.Partition partition : topic.partitions()) {
            replicaMap.putArray(Integer.toString(partition.partition())).add(partition.leader());
        }
        status.putObject("mirrorMap");
        status.put("reason", topic.reason());
        return node;
    }

    private static Map<String, Object> yaml(TopicMetadata topic) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", topic.name());
        Map<String, Object> spec = new LinkedHashMap<>();
        Map<String, Object> computed = new LinkedHashMap<>();
        computed.put("partitions", topic.spec().partitions());
        computed.put("replicationFactor", topic.spec().replicationFactor());
        computed.put("ignoreRackAssignment", false);
        spec.put("replicas", new SerdeYaml.Variant("computed", computed));
        topic.spec().retentionTime().ifPresent(retention ->
                spec.put("cleanupPolicy", new SerdeYaml.Variant("segment",
                        new LinkedHashMap<>(Map.of("timeInSeconds", retention.getSeconds())))));
        if (topic.spec().segmentSize().isPresent() || topic.spec().maxPartitionSize().isPresent()) {
            Map<String, Object> storage = new LinkedHashMap<>();
            storage.put("segmentSize", topic.spec().segmentSize().orElse(null));
            storage.put("maxPartitionSize", topic.spec().maxPartitionSize().orElse(null));
            spec.put("storage", storage);
        }
        spec.put("compressionType", compressionVariant(topic.spec().compression()));
        spec.put("system", topic.spec().system());
        node.put("spec", spec);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("resolution", resolutionVariant(topic.status()));
        Map<Object, Object> replicaMap = new LinkedHashMap<>();
        for (TopicMetadata.Partition partition : topic.partitions()) {
            replicaMap.put(partition.partition(), List.of(partition.leader()));
        }
        status.put("replicaMap", replicaMap);
        status.put("mirrorMap", new LinkedHashMap<>());
        status.put("reason", topic.reason());
        node.put("status", status);
        return node;
    }

    /** {@code CompressionAlgorithm}'s variant name: {@code any} → {@code Any}. */
    private static String compressionVariant(String compression) {
        return compression.isEmpty() ? compression : Character.toUpperCase(compression.charAt(0)) + compression.substring(1);
    }

    /** {@code TopicResolution}'s variant name: {@code provisioned} → {@code Provisioned}. */
    private static String resolutionVariant(String status) {
        if (status.equals("initializing")) {
            return "Init";
        }
        StringBuilder variant = new StringBuilder();
        for (String part : status.split("-")) {
            if (!part.isEmpty()) {
                variant.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return variant.toString();
    }
}

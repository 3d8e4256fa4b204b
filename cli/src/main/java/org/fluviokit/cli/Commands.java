package org.fluviokit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluviokit.cli.Syntax.Command;
import org.fluviokit.cli.Syntax.Group;
import org.fluviokit.cli.Syntax.Positionals;

/**
 * The commands, options and value names of Fluvio 0.18's CLI that this CLI speaks, as clap
 * declares them in {@code crates/fluvio-cli/src/client/**}. Options the fake cannot serve (smart
 * modules, mirrors, files) are still recognised, so that a command line fails the way the real one
 * would, and are refused when run.
 */
final class Commands {

    static final String PRODUCE = "fluvio produce";
    static final String CONSUME = "fluvio consume";
    static final String TOPIC_CREATE = "fluvio topic create";
    static final String TOPIC_DELETE = "fluvio topic delete";
    static final String TOPIC_LIST = "fluvio topic list";
    static final String CONSUMER_LIST = "fluvio consumer list";
    static final String CONSUMER_DELETE = "fluvio consumer delete";

    /** {@code -O} of the list commands (fluvio-extension-common's OutputType). */
    static final String[] LIST_OUTPUTS = {"table", "yaml", "json", "toml"};
    /** {@code -O} of consume (ConsumeOutputType). */
    static final String[] CONSUME_OUTPUTS = {"dynamic", "text", "binary", "json", "raw", "table", "full_table"};

    final Command root = new Command("fluvio");
    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Command> leaves = new LinkedHashMap<>();

    Commands() {
        root.value('c', "cluster", "host:port");
        root.value('P', "profile", "profile");
        groups.put("fluvio", new Group("fluvio", "Fluvio Command Line Interface",
                List.of("consume", "produce", "consumer", "topic")));
        groups.put("fluvio topic", new Group("fluvio topic", "Topic operations", List.of("create", "delete", "list")));
        groups.put("fluvio consumer", new Group("fluvio consumer", "Consumer operations", List.of("list", "delete")));
        leaves.put(PRODUCE, produce());
        leaves.put(CONSUME, consume());
        leaves.put(TOPIC_CREATE, topicCreate());
        leaves.put(TOPIC_DELETE, topicDelete());
        leaves.put(TOPIC_LIST, topicList());
        leaves.put(CONSUMER_LIST, consumerList());
        leaves.put(CONSUMER_DELETE, consumerDelete());
    }

    private static Command produce() {
        Command c = new Command(PRODUCE).positional(Positionals.ONE_REQUIRED, "topic").about("Write messages to a topic/partition");
        c.flag('v', "verbose");
        c.value(null, "key", "KEY").conflictsWith("key-separator");
        c.value(null, "key-separator", "KEY_SEPARATOR").conflictsWith("key", "raw").validatedBy(value -> value.isEmpty()
                ? "must be non-empty. If using '=', type it as '--key-separator \"=\"'" : null);
        c.flag(null, "raw");
        c.value(null, "compression", "COMPRESSION");
        c.value('f', "file", "FILE");
        c.value(null, "linger", "LINGER").validatedBy(Commands::duration);
        c.value(null, "batch-size", "BATCH_SIZE").validatedBy(Commands::usize);
        c.value(null, "max-request-size", "MAX_REQUEST_SIZE").validatedBy(Commands::usize);
        c.value(null, "isolation", "ISOLATION").validatedBy(Commands::isolation);
        c.value(null, "delivery-semantic", "DELIVERY_SEMANTIC").validatedBy(Commands::deliverySemantic);
        smartModuleOptions(c);
        c.value('p', "partition", "integer").conflictsWith("mirror").validatedBy(Syntax::u32);
        c.value('m', "mirror", "MIRROR").conflictsWith("partition");
        return c;
    }

    private static Command consume() {
        Command c = new Command(CONSUME).positional(Positionals.ONE_REQUIRED, "topic").about("Read messages from a topic/partition");
        c.repeated('p', "partition", "integer").validatedBy(Syntax::u32);
        c.value('m', "mirror", "MIRROR");
        c.flag('A', "all-partitions").conflictsWith("partition");
        c.flag('d', "disable-continuous");
        c.flag(null, "disable-progressbar");
        c.flag('k', "key-value");
        c.value('F', "format", "FORMAT").conflictsWith("output");
        c.value(null, "table-format", "TABLE_FORMAT");
        c.flag('B', "beginning").conflictsWith("head", "start", "tail");
        c.value('H', "head", "integer").conflictsWith("beginning", "start", "tail").validatedBy(Syntax::u32);
        c.value('T', "tail", "integer").conflictsWith("beginning", "head", "start").validatedBy(Syntax::u32);
        c.value(null, "start", "integer").conflictsWith("beginning", "head", "tail").validatedBy(Syntax::u32);
        c.value(null, "end", "integer").validatedBy(Syntax::u32);
        c.value('b', "maxbytes", "integer").validatedBy(Syntax::i32);
        c.value(null, "isolation", "ISOLATION").validatedBy(Commands::isolation);
        c.flag(null, "suppress-unknown");
        c.value('O', "output", "type").oneOf(CONSUME_OUTPUTS);
        smartModuleOptions(c);
        c.flag(null, "truncate").conflictsWith("output", "format");
        c.value('c', "consumer", "CONSUMER");
        return c;
    }

    private static void smartModuleOptions(Command c) {
        c.value(null, "smartmodule", "SMARTMODULE");
        c.value(null, "smartmodule-path", "SMARTMODULE_PATH");
        c.value(null, "aggregate-initial", "AGGREGATE_INITIAL");
        c.repeated('e', "params", "PARAMS");
        c.value('t', "transforms", "TRANSFORMS").conflictsWith("smartmodule", "smartmodule-path");
        c.repeated(null, "transforms-line", "TRANSFORMS_LINE").conflictsWith("smartmodule", "smartmodule-path", "transforms");
    }

    private static Command topicCreate() {
        Command c = new Command(TOPIC_CREATE).positional(Positionals.ONE_OPTIONAL, "name").about("Create a Topic with the given name");
        c.value('p', "partitions", "partitions").validatedBy(Syntax::u32);
        c.value('r', "replication", "integer").validatedBy(Syntax::i16);
        c.flag('i', "ignore-rack-assignment").conflictsWith("replica-assignment");
        c.value('f', "replica-assignment", "file.json").conflictsWith("partitions", "replication", "mirror-apply", "mirror");
        c.value('m', "mirror-apply", "file.json").conflictsWith("partitions", "replication", "replica-assignment", "mirror");
        c.flag(null, "mirror").conflictsWith("partitions", "mirror-apply", "replication", "replica-assignment");
        c.flag('d', "dry-run");
        c.value(null, "retention-time", "time").validatedBy(Commands::duration);
        c.value(null, "segment-size", "bytes").validatedBy(Commands::bytes);
        c.value(null, "compression-type", "compression").validatedBy(Commands::compression);
        c.value(null, "max-partition-size", "bytes").validatedBy(Commands::bytes);
        c.flag(null, "dedup");
        c.value(null, "dedup-count", "integer").requires("dedup");
        c.value(null, "dedup-age", "time").requires("dedup").validatedBy(Commands::duration);
        c.flag('s', "system");
        c.value('c', "config", "PATH");
        c.flag(null, "home-to-remote");
        return c;
    }

    private static Command topicDelete() {
        Command c = new Command(TOPIC_DELETE).positional(Positionals.MANY_REQUIRED, "name")
                .about("Delete one or more Topics with the given name(s)");
        c.flag('c', "continue-on-error");
        c.flag('s', "system");
        c.flag('f', "force");
        return c;
    }

    private static Command topicList() {
        Command c = new Command(TOPIC_LIST).about("List all of the Topics in the cluster");
        c.value('O', "output", "type").oneOf(LIST_OUTPUTS);
        c.flag('s', "system");
        return c;
    }

    private static Command consumerList() {
        Command c = new Command(CONSUMER_LIST).about("List all of the Consumer Offsets in this cluster");
        c.value('O', "output", "type").oneOf(LIST_OUTPUTS);
        return c;
    }

    private static Command consumerDelete() {
        Command c = new Command(CONSUMER_DELETE).positional(Positionals.ONE_REQUIRED, "CONSUMER").about("Delete the Consumer Offset");
        c.value('O', "output", "type").oneOf(LIST_OUTPUTS);
        c.value('t', "topic", "TOPIC");
        c.value('p', "partition", "PARTITION").requires("topic").validatedBy(Syntax::u32);
        return c;
    }

    // ------------------------------------------------------------------ value parsers

    private static String duration(String value) {
        try {
            Humantime.parse(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String usize(String value) {
        return Syntax.rustInteger(value, 0, Long.MAX_VALUE);
    }

    private static String isolation(String value) {
        return switch (value) {
            case "read_committed", "ReadCommitted", "readCommitted", "readcommitted",
                 "read_uncommitted", "ReadUncommitted", "readUncommitted", "readuncommitted" -> null;
            default -> "unrecognized isolation: " + value
                    + ". Supported: read_committed (ReadCommitted), read_uncommitted (ReadUncommitted)";
        };
    }

    private static String deliverySemantic(String value) {
        return switch (value) {
            case "at_most_once", "at-most-once", "AtMostOnce", "atMostOnce", "atmostonce",
                 "at_least_once", "at-least-once", "AtLeastOnce", "atLeastOnce", "atleastonce" -> null;
            default -> "unrecognized delivery semantic: " + value
                    + ". Supported: at_most_once (AtMostOnce), at_least_once (AtLeastOnce)";
        };
    }

    private static String compression(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "none", "gzip", "snappy", "lz4", "any", "zstd" -> null;
            default -> "Invalid compression type in topic";
        };
    }

    private static String bytes(String value) {
        return parseBytes(value) < 0 ? "couldn't parse \"" + value + "\" into a known SI unit, couldn't parse unit of \""
                + value.replaceAll("^[0-9.\\s]*", "") + "\"" : null;
    }

    /** {@code bytesize} 1.x: a number with an optional unit (B, K/KB/KiB, M/MB/MiB, …); -1 if unreadable. */
    static long parseBytes(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)\\s*")
                .matcher(value);
        if (!m.matches()) {
            return -1;
        }
        double number = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "", "b" -> 1L;
            case "k", "kb" -> 1_000L;
            case "ki", "kib" -> 1L << 10;
            case "m", "mb" -> 1_000_000L;
            case "mi", "mib" -> 1L << 20;
            case "g", "gb" -> 1_000_000_000L;
            case "gi", "gib" -> 1L << 30;
            case "t", "tb" -> 1_000_000_000_000L;
            case "ti", "tib" -> 1L << 40;
            default -> -1L;
        };
        return unit < 0 ? -1 : (long) (number * unit);
    }
}

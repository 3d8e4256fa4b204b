package org.fluviokit.cli;

import java.time.Duration;
import java.util.Optional;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerRecord;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.Offset;
import org.fluviokit.client.OffsetManagementStrategy;
import org.fluviokit.protocol.ErrorCode;

/**
 * {@code fluvio consume TOPIC} (spec 2.2): records on stdout, one per line; with {@code -c NAME}
 * a named consumer with the auto strategy and a 2 s flush period, plus an explicit commit and an
 * awaited flush when the loop ends normally.
 */
final class ConsumeCommand {

    /** The CLI's {@code DEFAULT_OFFSET_FLUSH_INTERVAL}. */
    static final Duration OFFSET_FLUSH = Duration.ofSeconds(2);

    /** How long a {@code -d} read may wait for the rest of its snapshot. */
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(30);
    /** How often a continuous read looks at the stop signal. */
    private static final Duration POLL_SLICE = Duration.ofMillis(50);

    private final Shell shell;
    private final Syntax.Parsed parsed;
    private final String output;
    private final boolean keyValue;
    private final boolean suppressUnknown;
    private final boolean continuous;
    private boolean firstTableRecord = true;

    ConsumeCommand(Shell shell, Syntax.Parsed parsed) {
        this.shell = shell;
        this.parsed = parsed;
        this.output = parsed.value("output");
        this.keyValue = parsed.has("key-value");
        this.suppressUnknown = parsed.has("suppress-unknown");
        this.continuous = !parsed.has("disable-continuous");
    }

    int run() {
        FluvioCli.refuse(parsed, "table-format", "mirror", "smartmodule", "smartmodule-path", "aggregate-initial",
                "params", "transforms", "transforms-line");
        String topic = parsed.positional();
        ConsumerConfig.Builder builder = ConsumerConfig.builder().topic(topic).offsetStart(startOffset());
        for (String partition : parsed.all("partition")) {
            builder.partition(Integer.parseUnsignedInt(partition));
        }
        String consumer = parsed.value("consumer");
        if (consumer != null) {
            builder.offsetConsumer(consumer).offsetStrategy(OffsetManagementStrategy.AUTO).offsetFlush(OFFSET_FLUSH);
        }
        if (parsed.has("maxbytes")) {
            builder.maxBytes(Integer.parseInt(parsed.value("maxbytes")));
        }
        if (!continuous) {
            builder.disableContinuous(true);
        }
        Long end = parsed.has("end") ? Long.parseLong(parsed.value("end")) : null;
        if (end != null && parsed.has("start") && end < Long.parseLong(parsed.value("start"))) {
            shell.eprintln("Argument end-offset must be greater than or equal to specified start offset");
            throw CliFailure.clientError("End offset: " + end + " cannot be less than starting offset: "
                    + parsed.value("start"));
        }
        if ("full_table".equals(output) && !shell.context.stdoutIsTerminal()) {
            // The real CLI reaches an unreachable!() here (a panic); refuse cleanly instead.
            throw new CliFailure("-O full_table needs stdout to be a terminal");
        }
        if (shell.context.stdoutIsTerminal()) {
            shell.eprintln("\u001b[1m" + banner() + "\u001b[0m");
        }
        try (ConsumerStream stream = shell.fluvio().consumerWithConfig(builder.build())) {
            long idleSince = System.nanoTime();
            while (true) {
                if (continuous && shell.context.stopRequested()) {
                    break;
                }
                Optional<ConsumerRecord> next;
                try {
                    next = stream.next(continuous ? pollSlice(idleSince) : SNAPSHOT_WAIT);
                } catch (FluvioException e) {
                    if (shell.context.stdoutIsTerminal() && e.errorCode() == ErrorCode.MAX_RETRY_REACHED) {
                        shell.eprintln("Max limit of retry connection reached");
                        break;
                    }
                    // no explicit commit and flush: only the stream's own last flush on close (spec 2.2 step 4)
                    throw e;
                }
                if (next.isEmpty()) {
                    if (!continuous) {
                        break;
                    }
                    Optional<Duration> limit = shell.context.idleLimit();
                    if (limit.isPresent() && System.nanoTime() - idleSince >= limit.get().toNanos()) {
                        break;
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                ConsumerRecord record = next.get();
                print(record);
                if (end != null && record.offset() >= end) {
                    shell.eprintln("End-offset has been reached; exiting");
                    break;
                }
            }
            if (continuous) {
                shell.eprintln("Consumer stream has closed");
            }
            if (consumer != null) {
                stream.offsetCommit();
                stream.offsetFlush();
            }
        }
        return 0;
    }

    private Duration pollSlice(long idleSince) {
        Optional<Duration> limit = shell.context.idleLimit();
        if (limit.isEmpty()) {
            return POLL_SLICE;
        }
        long left = limit.get().toNanos() - (System.nanoTime() - idleSince);
        return Duration.ofNanos(Math.max(0, Math.min(left, POLL_SLICE.toNanos())));
    }

    /** The CLI's {@code calculate_offset} (A1–A5): {@code -B} is from_beginning(0), none is end(). */
    private Offset startOffset() {
        if (parsed.has("beginning")) {
            return Offset.fromBeginning(0);
        }
        if (parsed.has("head")) {
            return Offset.fromBeginning(Long.parseLong(parsed.value("head")));
        }
        if (parsed.has("start")) {
            return Offset.absolute(Long.parseLong(parsed.value("start")));
        }
        if (parsed.has("tail")) {
            return Offset.fromEnd(Long.parseLong(parsed.value("tail")));
        }
        return Offset.end();
    }

    /** {@code format_status_string}: only the flags given, never the consumer or its resume point. */
    String banner() {
        StringBuilder text = new StringBuilder("Consuming records from '").append(parsed.positional()).append('\'');
        if (parsed.has("beginning")) {
            text.append(" starting from the beginning of log");
        } else if (parsed.has("head")) {
            text.append(" starting ").append(parsed.value("head")).append(" from the beginning of log");
        } else if (parsed.has("start")) {
            text.append(" starting at offset ").append(parsed.value("start"));
        } else if (parsed.has("tail")) {
            text.append(" starting ").append(parsed.value("tail")).append(" from the end of log");
        }
        if (parsed.has("end")) {
            text.append(" until offset ").append(parsed.value("end")).append(" (inclusive)");
        }
        return text.toString();
    }

    private void print(ConsumerRecord record) {
        String value;
        if (parsed.has("format")) {
            value = RecordFormats.template(parsed.value("format"), record);
        } else {
            value = switch (output == null ? "dynamic" : output) {
                case "json" -> RecordFormats.json(record.value(), suppressUnknown);
                case "text" -> RecordFormats.text(record.value(), suppressUnknown);
                case "binary" -> RecordFormats.binary(record.value());
                case "raw" -> RecordFormats.raw(record.value());
                case "table" -> {
                    String table = RecordFormats.table(record.value(), firstTableRecord, shell);
                    firstTableRecord = false;
                    yield table;
                }
                default -> RecordFormats.dynamic(record.value());
            };
        }
        if (value == null) {
            return;
        }
        if (keyValue) {
            String key = record.key() == null ? "null" : RecordFormats.lossy(record.key());
            shell.println("[" + key + "] " + value);
        } else {
            shell.println(value);
        }
    }
}

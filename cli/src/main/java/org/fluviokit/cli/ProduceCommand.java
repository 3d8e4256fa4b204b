package org.fluviokit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

import org.fluviokit.client.RecordMetadata;
import org.fluviokit.client.TopicProducer;

/**
 * {@code fluvio produce TOPIC} (spec 2.1): each stdin line becomes a record, keyless (round-robin
 * from partition 0), with one {@code --key}, or split at the first {@code --key-separator}; each
 * record is acknowledged before the next line is read (the default at-least-once delivery).
 */
final class ProduceCommand {

    /** The ANSI green {@code Ok!} of {@code print_cli_ok!}. */
    static final String OK = "\u001b[32mOk!\u001b[0m";

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Shell shell;
    private final Syntax.Parsed parsed;
    private final String separator;
    private final String key;
    private final boolean interactive;
    private TopicProducer producer;

    ProduceCommand(Shell shell, Syntax.Parsed parsed) {
        this.shell = shell;
        this.parsed = parsed;
        this.separator = parsed.value("key-separator");
        this.key = parsed.value("key");
        this.interactive = !parsed.has("file") && shell.context.stdinIsTerminal();
    }

    int run() {
        FluvioCli.refuse(parsed, "smartmodule", "smartmodule-path", "aggregate-initial", "params", "transforms",
                "transforms-line", "mirror");
        String topic = parsed.positional();
        String partition = parsed.value("partition");
        producer = partition == null ? shell.fluvio().topicProducer(topic)
                : shell.fluvio().topicProducer(topic, Integer.parseUnsignedInt(partition));
        try (TopicProducer open = producer) {
            if (parsed.has("raw")) {
                byte[] all = parsed.has("file") ? readFile(parsed.value("file")) : readAll(shell.context.stdin());
                send(key == null ? null : key.getBytes(StandardCharsets.UTF_8), all);
            } else if (parsed.has("file")) {
                produceLines(new java.io.ByteArrayInputStream(readFile(parsed.value("file"))));
            } else {
                produceLines(shell.context.stdin());
            }
            open.flush();
            if (interactive) {
                shell.println(OK);
            }
            return 0;
        }
    }

    private void produceLines(InputStream in) {
        if (interactive) {
            shell.eprint("> ");
        }
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return;
            }
            produceLine(line);
            if (interactive) {
                shell.println(OK);
                shell.eprint("> ");
            }
        }
    }

    private void produceLine(String line) {
        if (separator != null) {
            int at = line.indexOf(separator);
            if (at < 0) {
                // tracing's ERROR event, as the default subscriber writes it to stderr
                logError("Failed to find separator '" + separator + "' in record, skipping: '" + line + "'");
                return;
            }
            String recordKey = line.substring(0, at);
            String value = line.substring(at + separator.length());
            if (parsed.has("verbose")) {
                shell.println("[" + recordKey + "] " + value);
            }
            send(recordKey.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        } else {
            send(key == null ? null : key.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void send(byte[] recordKey, byte[] value) {
        CompletableFuture<RecordMetadata> sent = producer.send(recordKey, value);
        if (!"at-most-once".equals(normalisedSemantic())) {
            sent.join();
        }
    }

    private String normalisedSemantic() {
        String semantic = parsed.value("delivery-semantic");
        if (semantic == null) {
            return "at-least-once";
        }
        return semantic.toLowerCase(java.util.Locale.ROOT).replace("_", "-").startsWith("atmost")
                || semantic.toLowerCase(java.util.Locale.ROOT).replace("_", "-").startsWith("at-most")
                ? "at-most-once" : "at-least-once";
    }

    /**
     * A {@code tracing} ERROR event as {@code fluvio_future::subscriber::init_tracer} prints it:
     * dimmed RFC 3339 time in microseconds, red {@code ERROR}, dimmed target. The time comes from the
     * target's clock, so it is the fake's virtual time.
     */
    private void logError(String message) {
        String time = LOG_TIME.format(Instant.ofEpochMilli(shell.fluvio().currentTimeMillis()));
        shell.eprintln("\u001b[2m" + time + "\u001b[0m \u001b[31mERROR\u001b[0m \u001b[2mfluvio_cli::client::produce::cmd"
                + "\u001b[0m\u001b[2m:\u001b[0m " + message);
    }

    /**
     * One line as Rust's {@code BufRead::lines} gives it: without its {@code \n}, and without a
     * {@code \r} right before that {@code \n}; null at the end of input. A line that is not UTF-8
     * ends the input, as {@code while let Some(Ok(line))} does.
     */
    static String readLine(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean any = false;
        try {
            int b;
            while ((b = in.read()) >= 0) {
                any = true;
                if (b == '\n') {
                    break;
                }
                bytes.write(b);
            }
            if (!any) {
                return null;
            }
            byte[] raw = bytes.toByteArray();
            int length = raw.length;
            if (b == '\n' && length > 0 && raw[length - 1] == '\r') {
                length--;
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readFile(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (NoSuchFileException e) {
            throw new CliFailure("No such file or directory (os error 2)");
        } catch (IOException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}

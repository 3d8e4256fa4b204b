package org.fluviokit.conformance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fluviokit.cli.CliContext;
import org.fluviokit.cli.FluvioCli;
import org.fluviokit.client.FluvioTarget;

/** Runs a transcript's command lines and returns what a terminal would show. */
interface CommandShell {

    /** The terminal output (stdout and stderr together) of one command line. */
    String run(String commandLine);

    /** What runs the commands, for reports. */
    String describe();

    /**
     * fluviokit's Java {@code fluvio} CLI, in this JVM, over a target. Command lines are pipelines
     * of {@code echo}, {@code printf} and {@code fluvio} with shell quoting; the last command's
     * stdout is a terminal, as in the session the transcript shows.
     */
    final class JavaCli implements CommandShell {
        private final FluvioTarget target;

        JavaCli(FluvioTarget target) {
            this.target = target;
        }

        @Override
        public String describe() {
            return "fluviokit's Java fluvio CLI on " + target.describe();
        }

        @Override
        public String run(String commandLine) {
            List<List<String>> pipeline = ShellWords.pipeline(commandLine);
            byte[] input = new byte[0];
            ByteArrayOutputStream terminal = new ByteArrayOutputStream();
            for (int i = 0; i < pipeline.size(); i++) {
                List<String> words = pipeline.get(i);
                boolean last = i == pipeline.size() - 1;
                ByteArrayOutputStream stdout = last ? terminal : new ByteArrayOutputStream();
                PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(terminal, true, StandardCharsets.UTF_8);
                String program = words.get(0);
                switch (program) {
                    case "echo" -> out.print(ShellWords.echo(words.subList(1, words.size())));
                    case "printf" -> out.print(ShellWords.printf(words.subList(1, words.size())));
                    case "fluvio" -> {
                        InputStream stdin = new ByteArrayInputStream(input);
                        CliContext context = CliContext.of(stdin, out, err)
                                .withStdoutTerminal(last)
                                .withStdinTerminal(i == 0);
                        FluvioCli.run(target, words.subList(1, words.size()), context);
                    }
                    default -> throw new IllegalArgumentException("transcripts run echo, printf and fluvio; not '"
                            + program + "'");
                }
                out.flush();
                input = last ? input : stdout.toByteArray();
            }
            return terminal.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * A real {@code fluvio} binary under a pseudo-terminal ({@code script -qec}), with a profile
     * pointing at the target, so that it behaves as in a person's terminal.
     */
    final class Binary implements CommandShell {
        /** When this JVM's shells last deleted a topic (System.nanoTime()); transcripts follow each other. */
        private static final java.util.concurrent.atomic.AtomicLong LAST_DELETE =
                new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - java.time.Duration.ofHours(1).toNanos());

        private final Path binary;
        private final Path profile;
        private final java.time.Duration timeout;
        private final java.time.Duration deleteSettleTime;

        /**
         * {@code deleteSettleTime}: how long a {@code topic create} waits after this JVM's last
         * {@code topic delete}, as a person typing would: a 0.18 SC given a create within about a
         * second of a delete often never provisions it and the CLI waits 60 s for nothing
         * (REAL-CLUSTER.md #13). None is needed on the fake.
         */
        Binary(Path binary, Path profile, java.time.Duration deleteSettleTime) {
            this(binary, profile, java.time.Duration.ofMinutes(2), deleteSettleTime);
        }

        Binary(Path binary, Path profile, java.time.Duration timeout, java.time.Duration deleteSettleTime) {
            this.binary = binary;
            this.profile = profile;
            this.timeout = timeout;
            this.deleteSettleTime = deleteSettleTime;
            if (!deleteSettleTime.isZero()) {
                // What ran before (other scenarios, other tools) may have deleted a topic a moment ago.
                LAST_DELETE.set(System.nanoTime());
            }
        }

        private void paceAroundDeletes(String commandLine) throws InterruptedException {
            if (commandLine.matches(".*\\btopic\\s+create\\b.*")) {
                settle();
            }
        }

        /** Waits out the settle time after the last delete: before a create, and before what follows the transcript. */
        void settle() throws InterruptedException {
            long wait = LAST_DELETE.get() + deleteSettleTime.toNanos() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }

        @Override
        public String describe() {
            return binary + " with profile " + profile;
        }

        @Override
        public String run(String commandLine) {
            String resolved = commandLine.replaceAll("(^|\\|)\\s*fluvio(?=\\s|$)",
                    "$1 " + ShellWords.quote(binary.toString()));
            ProcessBuilder builder = new ProcessBuilder("script", "-qec", resolved, "/dev/null")
                    .redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.put("FLV_PROFILE_PATH", profile.toString());
            environment.put("NO_COLOR", "1");
            Path output = null;
            try {
                output = java.nio.file.Files.createTempFile("fluviokit-command", ".out");
                builder.redirectOutput(output.toFile());
                paceAroundDeletes(commandLine);
                Process process = builder.start();
                // Stdin stays open (and empty) until the command ends: under a terminal, the real CLI's
                // consume reads keyboard events, and an end of input there stops its stream for good.
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException("'" + commandLine + "' did not finish in " + timeout.toMillis()
                            + " ms; it printed:\n" + java.nio.file.Files.readString(output, StandardCharsets.UTF_8));
                }
                process.getOutputStream().close();
                if (commandLine.matches(".*\\btopic\\s+delete\\b.*")) {
                    LAST_DELETE.set(System.nanoTime());
                }
                return java.nio.file.Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot run '" + commandLine + "' under script: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + commandLine, e);
            } finally {
                if (output != null) {
                    output.toFile().delete();
                }
            }
        }
    }

    /** Just enough of a POSIX shell for transcripts: quoting, pipes, comments, echo and printf. */
    final class ShellWords {
        private ShellWords() {
        }

        /** Splits a command line into the words of each command of a pipeline. */
        static List<List<String>> pipeline(String line) {
            List<List<String>> commands = new ArrayList<>();
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed ' in: " + line);
                    }
                    word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
                    i = end;
                } else if (c == '"') {
                    word = word == null ? new StringBuilder() : word;
                    for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
                        char d = line.charAt(i);
                        if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                            d = line.charAt(++i);
                        }
                        word.append(d);
                    }
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unclosed \" in: " + line);
                    }
                } else if (c == '\\' && i + 1 < line.length()) {
                    word = (word == null ? new StringBuilder() : word).append(line.charAt(++i));
                } else if (c == '#' && word == null) {
                    break; // a comment, as in sh: to the end of the line
                } else if (c == '|') {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    commands.add(words);
                    words = new ArrayList<>();
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = (word == null ? new StringBuilder() : word).append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            commands.add(words);
            for (List<String> command : commands) {
                if (command.isEmpty()) {
                    throw new IllegalArgumentException("empty command in: " + line);
                }
            }
            return commands;
        }

        /** {@code echo [-n] [-e] words…} */
        static String echo(List<String> args) {
            boolean newline = true;
            boolean escapes = false;
            int first = 0;
            while (first < args.size() && args.get(first).matches("-[ne]+")) {
                newline &= !args.get(first).contains("n");
                escapes |= args.get(first).contains("e");
                first++;
            }
            String text = String.join(" ", args.subList(first, args.size()));
            return (escapes ? unescape(text) : text) + (newline ? "\n" : "");
        }

        /** {@code printf FORMAT [ARGS…]}: %s, %d, %%, backslash escapes; the format repeats while arguments remain. */
        static String printf(List<String> args) {
            if (args.isEmpty()) {
                throw new IllegalArgumentException("printf needs a format");
            }
            String format = unescape(args.get(0));
            List<String> rest = args.subList(1, args.size());
            StringBuilder out = new StringBuilder();
            int next = 0;
            do {
                for (int i = 0; i < format.length(); i++) {
                    char c = format.charAt(i);
                    if (c == '%' && i + 1 < format.length()) {
                        char conversion = format.charAt(++i);
                        if (conversion == '%') {
                            out.append('%');
                        } else {
                            out.append(next < rest.size() ? rest.get(next++) : "");
                        }
                    } else {
                        out.append(c);
                    }
                }
            } while (next < rest.size() && next > 0);
            return out.toString();
        }

        private static String unescape(String text) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    char e = text.charAt(++i);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case '\\' -> out.append('\\');
                        default -> out.append('\\').append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        static String quote(String word) {
            return "'" + word.replace("'", "'\\''") + "'";
        }
    }
}

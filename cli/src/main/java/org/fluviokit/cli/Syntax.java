package org.fluviokit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command lines of Fluvio 0.18's CLI and how clap 4.5 checks them. picocli splits the words
 * (long and short options, {@code --opt=value}, clustered short flags such as {@code -Bd}, attached
 * values such as {@code -p1}, repeated options, {@code --}); the checks clap makes afterwards — value
 * parsing, {@code conflicts_with}, {@code requires}, required positionals — are made here, in clap's
 * order and with clap's texts, so a bad command line fails byte for byte as it does with the real
 * binary (exit code 2).
 */
final class Syntax {

    private Syntax() {
    }

    /** How many values an argument takes. */
    enum Kind { FLAG, VALUE, REPEATED }

    /** How the positional arguments of a command look in clap's usage line. */
    enum Positionals { NONE, ONE_REQUIRED, ONE_OPTIONAL, MANY_REQUIRED }

    /** One option as the Rust CLI declares it. */
    static final class Arg {
        final String id;
        final Character shortName;
        final String longName;
        final String valueName;
        final Kind kind;
        final List<String> conflicts = new ArrayList<>();
        final List<String> requires = new ArrayList<>();
        Function<String, String> validator = value -> null;
        List<String> possibleValues = List.of();

        Arg(String id, Character shortName, String longName, String valueName, Kind kind) {
            this.id = id;
            this.shortName = shortName;
            this.longName = longName;
            this.valueName = valueName;
            this.kind = kind;
        }

        Arg conflictsWith(String... ids) {
            conflicts.addAll(List.of(ids));
            return this;
        }

        Arg requires(String argId) {
            requires.add(argId);
            return this;
        }

        /** A value parser: returns clap's reason for refusing a value, or null when it is fine. */
        Arg validatedBy(Function<String, String> check) {
            this.validator = check;
            return this;
        }

        /** A clap {@code value_enum} with {@code ignore_case}. */
        Arg oneOf(String... values) {
            this.possibleValues = List.of(values);
            return this;
        }

        /** How clap names the argument in messages: {@code --head <integer>}, {@code --beginning}. */
        String display() {
            String name = longName != null ? "--" + longName : "-" + shortName;
            return kind == Kind.FLAG ? name : name + " <" + valueName + ">";
        }

        String[] names() {
            List<String> names = new ArrayList<>();
            if (shortName != null) {
                names.add("-" + shortName);
            }
            if (longName != null) {
                names.add("--" + longName);
            }
            return names.toArray(String[]::new);
        }
    }

    /** A leaf command such as {@code fluvio consume}. */
    static final class Command {
        final String path;
        final List<Arg> args = new ArrayList<>();
        Positionals positionals = Positionals.NONE;
        String positionalName;
        String about = "";

        Command(String path) {
            this.path = path;
        }

        Arg flag(Character shortName, String longName) {
            return add(new Arg(longName, shortName, longName, null, Kind.FLAG));
        }

        Arg value(Character shortName, String longName, String valueName) {
            return add(new Arg(longName, shortName, longName, valueName, Kind.VALUE));
        }

        Arg repeated(Character shortName, String longName, String valueName) {
            return add(new Arg(longName, shortName, longName, valueName, Kind.REPEATED));
        }

        Command positional(Positionals kind, String name) {
            this.positionals = kind;
            this.positionalName = name;
            return this;
        }

        Command about(String text) {
            this.about = text;
            return this;
        }

        private Arg add(Arg arg) {
            args.add(arg);
            return arg;
        }

        Arg arg(String id) {
            for (Arg arg : args) {
                if (arg.id.equals(id)) {
                    return arg;
                }
            }
            throw new IllegalArgumentException(id);
        }

        String positionalDisplay() {
            return switch (positionals) {
                case NONE -> "";
                case ONE_REQUIRED -> "<" + positionalName + ">";
                case ONE_OPTIONAL -> "[" + positionalName + "]";
                case MANY_REQUIRED -> "<" + positionalName + ">...";
            };
        }

        /** clap's usage line when nothing was used: {@code fluvio consume [OPTIONS] <topic>}. */
        String helpUsage() {
            String usage = path + " [OPTIONS]";
            return positionals == Positionals.NONE ? usage : usage + " " + positionalDisplay();
        }

        /** clap's usage line naming the arguments used: {@code fluvio consume --beginning <topic>}. */
        String smartUsage(List<String> usedIds) {
            StringBuilder usage = new StringBuilder(path);
            for (String id : usedIds) {
                usage.append(' ').append(arg(id).display());
            }
            if (positionals == Positionals.ONE_REQUIRED || positionals == Positionals.MANY_REQUIRED) {
                usage.append(' ').append(positionalDisplay());
            }
            return usage.toString();
        }

        String help() {
            StringBuilder help = new StringBuilder();
            if (!about.isEmpty()) {
                help.append(about).append("\n\n");
            }
            help.append("Usage: ").append(helpUsage()).append("\n\n");
            if (positionals != Positionals.NONE) {
                help.append("Arguments:\n  ").append(positionalDisplay()).append("\n\n");
            }
            help.append("Options:\n");
            for (Arg arg : args) {
                String names = (arg.shortName != null ? "-" + arg.shortName + ", " : "    ")
                        + (arg.longName != null ? "--" + arg.longName : "")
                        + (arg.kind == Kind.FLAG ? "" : " <" + arg.valueName + ">");
                help.append("  ").append(names).append('\n');
            }
            help.append("  -h, --help\n");
            return help.toString();
        }
    }

    /** A group of subcommands such as {@code fluvio topic}. */
    record Group(String path, String about, List<String> subcommands) {
    }

    /** A command line that passed clap's checks. */
    static final class Parsed {
        final Command command;
        final Map<String, List<String>> values;
        final List<String> positionals;

        Parsed(Command command, Map<String, List<String>> values, List<String> positionals) {
            this.command = command;
            this.values = values;
            this.positionals = positionals;
        }

        boolean has(String id) {
            return values.containsKey(id);
        }

        String value(String id) {
            List<String> list = values.get(id);
            return list == null ? null : list.get(list.size() - 1);
        }

        List<String> all(String id) {
            return values.getOrDefault(id, List.of());
        }

        String positional() {
            return positionals.isEmpty() ? null : positionals.get(0);
        }
    }

    // ------------------------------------------------------------------ clap's texts

    static final String TRY_HELP = "\n\nFor more information, try '--help'.\n";

    static UsageError error(String message, String usage) {
        return new UsageError("error: " + message + (usage == null ? "" : "\n\nUsage: " + usage) + TRY_HELP);
    }

    /** clap's value parser for {@code u32}, with Rust's {@code ParseIntError} texts. */
    static String u32(String text) {
        return rustInteger(text, 0, 0xFFFF_FFFFL);
    }

    static String i32(String text) {
        return rustInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    static String i16(String text) {
        return rustInteger(text, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    static String rustInteger(String text, long min, long max) {
        if (text.isEmpty()) {
            return "cannot parse integer from empty string";
        }
        String digits = text;
        boolean negative = false;
        if (digits.charAt(0) == '+' || digits.charAt(0) == '-') {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
            if (digits.isEmpty() || (negative && min >= 0)) {
                return "invalid digit found in string";
            }
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return "invalid digit found in string";
            }
        }
        java.math.BigInteger value = new java.math.BigInteger(negative ? "-" + digits : digits);
        if (value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            return "number too large to fit in target type";
        }
        if (value.compareTo(java.math.BigInteger.valueOf(min)) < 0) {
            return "number too small to fit in target type";
        }
        return null;
    }

    // ------------------------------------------------------------------ parsing

    /** The result of parsing: a leaf command, or help to print. */
    sealed interface Outcome permits Leaf, Help {
    }

    record Leaf(Map<String, String> root, Parsed parsed) implements Outcome {
    }

    record Help(String text) implements Outcome {
    }

    /**
     * Parses {@code args} against the tree of commands.
     *
     * @param rootArgs the options of {@code fluvio} itself (before the command)
     * @param groups   the command groups, by path
     * @param leaves   the leaf commands, by path
     * @throws UsageError what clap would print, for exit code 2
     */
    static Outcome parse(List<String> args, Command rootArgs, Map<String, Group> groups, Map<String, Command> leaves) {
        Map<CommandSpec, Object> definitions = new java.util.IdentityHashMap<>();
        CommandLine root = build("fluvio", rootArgs, groups, leaves, definitions);
        ParseResult result;
        try {
            result = root.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            Object where = definitions.get(e.getCommandLine().getCommandSpec());
            String word = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            if (word.length() > 2 && word.charAt(0) == '-' && word.charAt(1) != '-') {
                word = word.substring(0, 2); // clap stops at the first unknown short flag of a cluster
            }
            throw unexpected(where, word, e.getCommandLine().getParseResult());
        } catch (CommandLine.MissingParameterException e) {
            ArgSpec missing = e.getMissing().isEmpty() ? null : e.getMissing().get(0);
            Object where = definitions.get(e.getCommandLine().getCommandSpec());
            if (missing instanceof OptionSpec option && where instanceof Command command) {
                Arg arg = find(command, option.longestName());
                throw new UsageError("error: a value is required for '" + arg.display() + "' but none was supplied"
                        + TRY_HELP);
            }
            throw new UsageError("error: " + e.getMessage() + TRY_HELP);
        } catch (CommandLine.ParameterException e) {
            throw new UsageError("error: " + e.getMessage() + TRY_HELP);
        }

        Map<String, String> rootValues = new LinkedHashMap<>();
        for (OptionSpec option : result.matchedOptions()) {
            if (option.longestName().equals("--help")) {
                return new Help(rootHelp(groups));
            }
            rootValues.put(option.longestName().substring(2), option.getValue());
        }
        ParseResult current = result;
        while (true) {
            ParseResult sub = current.subcommand();
            Object definition = definitions.get(current.commandSpec());
            if (definition instanceof Command leaf) {
                return new Leaf(rootValues, check(leaf, current));
            }
            Group group = definition instanceof Group g ? g : null;
            if (sub == null) {
                String path = group == null ? "fluvio" : group.path();
                if (current.isUsageHelpRequested() || group == null) {
                    return new Help(group == null ? rootHelp(groups) : groupHelp(group));
                }
                throw new UsageError(groupHelp(groups.get(path)));
            }
            current = sub;
        }
    }

    static String rootHelp(Map<String, Group> groups) {
        return groupHelp(groups.get("fluvio"));
    }

    private static String groupHelp(Group group) {
        StringBuilder help = new StringBuilder();
        if (!group.about().isEmpty()) {
            help.append(group.about()).append("\n\n");
        }
        help.append("Usage: ").append(group.path()).append(group.path().equals("fluvio") ? " [OPTIONS]" : "")
                .append(" <COMMAND>\n\nCommands:\n");
        for (String sub : group.subcommands()) {
            help.append("  ").append(sub).append('\n');
        }
        return help.toString();
    }

    private static UsageError unexpected(Object where, String word, ParseResult partial) {
        String usage = where instanceof Command command ? command.helpUsage()
                : (where instanceof Group group ? group.path() + " <COMMAND>" : "fluvio [OPTIONS] <COMMAND>");
        if (where instanceof Group group && !word.startsWith("-")) {
            return error("unrecognized subcommand '" + word + "'", usage);
        }
        String message = "unexpected argument '" + word + "' found";
        if (where instanceof Command command && word.startsWith("--")) {
            // clap names the arguments used so far, and the suggested one, in this usage line
            List<String> used = new ArrayList<>();
            boolean positional = false;
            if (partial != null) {
                for (OptionSpec option : partial.matchedOptions()) {
                    if (!option.usageHelp()) {
                        used.add(find(command, option.longestName()).id);
                    }
                }
                positional = !partial.matchedPositionals().isEmpty();
            }
            String similar = similarLong(command, word.substring(2).split("=", 2)[0]);
            if (similar != null) {
                message += "\n\n  tip: a similar argument exists: '--" + similar + "'";
                used.add(similar);
            }
            if (!used.isEmpty() || positional) {
                usage = command.smartUsage(used);
            }
        } else if (word.startsWith("-") && where instanceof Command command
                && command.positionals != Positionals.NONE && !word.startsWith("--")) {
            message += "\n\n  tip: to pass '" + word + "' as a value, use '-- " + word + "'";
        }
        return error(message, usage);
    }

    private static String similarLong(Command command, String typed) {
        String best = null;
        double bestScore = 0.7;
        for (Arg arg : command.args) {
            if (arg.longName == null) {
                continue;
            }
            double score = jaro(typed, arg.longName);
            if (score > bestScore) {
                bestScore = score;
                best = arg.longName;
            }
        }
        return best;
    }

    /** Jaro similarity, which clap uses (above 0.7) to suggest a similar argument. */
    static double jaro(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] aMatched = new boolean[a.length()];
        boolean[] bMatched = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < a.length(); i++) {
            if (aMatched[i]) {
                while (!bMatched[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        return (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
    }

    private static Arg find(Command command, String longestName) {
        for (Arg arg : command.args) {
            for (String name : arg.names()) {
                if (name.equals(longestName)) {
                    return arg;
                }
            }
        }
        throw new IllegalStateException("unknown option " + longestName);
    }

    /** clap's checks after splitting: values (in command-line order), conflicts, requires, positionals. */
    private static Parsed check(Command command, ParseResult result) {
        if (result.isUsageHelpRequested()) {
            throw new HelpRequested(command.help());
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        for (ArgSpec spec : result.matchedArgs()) {
            if (!(spec instanceof OptionSpec option)) {
                continue;
            }
            Arg arg = find(command, option.longestName());
            int seen = occurrences.merge(arg.id, 1, Integer::sum);
            if (seen > 1 && arg.kind != Kind.REPEATED) {
                throw error("the argument '" + arg.display() + "' cannot be used multiple times", command.helpUsage());
            }
            List<String> list = values.computeIfAbsent(arg.id, k -> new ArrayList<>());
            if (arg.kind == Kind.FLAG) {
                list.add("true");
                continue;
            }
            String value = arg.kind == Kind.REPEATED ? option.stringValues().get(seen - 1) : option.getValue();
            if (!arg.possibleValues.isEmpty()) {
                value = checkPossible(arg, value);
            } else {
                String problem = arg.validator.apply(value);
                if (problem != null) {
                    throw new UsageError("error: invalid value '" + value + "' for '" + arg.display() + "': " + problem
                            + TRY_HELP);
                }
            }
            list.add(value);
        }
        List<String> positionals = new ArrayList<>();
        for (PositionalParamSpec positional : result.matchedPositionals()) {
            positionals.addAll(positional.stringValues());
        }
        int allowed = switch (command.positionals) {
            case NONE -> 0;
            case ONE_REQUIRED, ONE_OPTIONAL -> 1;
            case MANY_REQUIRED -> Integer.MAX_VALUE;
        };
        if (positionals.size() > allowed) {
            throw error("unexpected argument '" + positionals.get(allowed) + "' found", command.helpUsage());
        }
        List<String> used = new ArrayList<>(values.keySet());
        for (String id : used) {
            Arg arg = command.arg(id);
            List<String> clashing = new ArrayList<>();
            for (String other : used) {
                if (!other.equals(id) && (arg.conflicts.contains(other) || command.arg(other).conflicts.contains(id))) {
                    clashing.add(other);
                }
            }
            if (!clashing.isEmpty()) {
                List<String> rest = new ArrayList<>(used);
                rest.removeAll(clashing);
                String message = "the argument '" + arg.display() + "' cannot be used with";
                if (clashing.size() == 1) {
                    message += " '" + command.arg(clashing.get(0)).display() + "'";
                } else {
                    message += ":";
                    for (String other : clashing) {
                        message += "\n  " + command.arg(other).display();
                    }
                }
                throw error(message, command.smartUsage(rest));
            }
        }
        for (String id : used) {
            for (String required : command.arg(id).requires) {
                if (!values.containsKey(required)) {
                    List<String> shown = new ArrayList<>();
                    shown.add(required);
                    shown.addAll(used);
                    throw error("the following required arguments were not provided:\n  "
                            + command.arg(required).display(), command.smartUsage(shown));
                }
            }
        }
        if (positionals.isEmpty()
                && (command.positionals == Positionals.ONE_REQUIRED || command.positionals == Positionals.MANY_REQUIRED)) {
            throw error("the following required arguments were not provided:\n  " + command.positionalDisplay(),
                    command.smartUsage(used));
        }
        return new Parsed(command, values, positionals);
    }

    private static String checkPossible(Arg arg, String value) {
        for (String possible : arg.possibleValues) {
            if (possible.equalsIgnoreCase(value)) {
                return possible;
            }
        }
        StringBuilder message = new StringBuilder(value.isEmpty()
                ? "error: a value is required for '" + arg.display() + "' but none was supplied"
                : "error: invalid value '" + value + "' for '" + arg.display() + "'");
        message.append("\n  [possible values: ").append(String.join(", ", arg.possibleValues)).append(']');
        String best = null;
        double bestScore = 0.7;
        for (String possible : arg.possibleValues) {
            double score = jaro(value.toLowerCase(Locale.ROOT), possible);
            if (score > bestScore) {
                bestScore = score;
                best = possible;
            }
        }
        if (best != null) {
            message.append("\n\n  tip: a similar value exists: '").append(best).append('\'');
        }
        throw new UsageError(message + TRY_HELP);
    }

    /** {@code -h/--help} on a leaf command: its help on stdout, exit 0. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested(String help) {
            super(help, null, false, false);
        }
    }

    private static CommandLine build(String name, Command rootArgs, Map<String, Group> groups,
                                     Map<String, Command> leaves, Map<CommandSpec, Object> definitions) {
        CommandSpec spec = CommandSpec.create().name(name);
        if (rootArgs != null) {
            addOptions(spec, rootArgs);
        } else {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
        }
        CommandLine line = new CommandLine(spec);
        line.setOverwrittenOptionsAllowed(true);
        line.setExpandAtFiles(false);
        String path = name.equals("fluvio") ? "fluvio" : null;
        definitions.put(spec, groups.get(Objects.requireNonNull(path)));
        addChildren(line, "fluvio", groups, leaves, definitions);
        return line;
    }

    private static void addChildren(CommandLine parent, String path, Map<String, Group> groups,
                                    Map<String, Command> leaves, Map<CommandSpec, Object> definitions) {
        Group group = groups.get(path);
        for (String sub : group.subcommands()) {
            String childPath = path + " " + sub;
            CommandSpec spec = CommandSpec.create().name(sub);
            CommandLine child = new CommandLine(spec);
            if (leaves.containsKey(childPath)) {
                Command command = leaves.get(childPath);
                addOptions(spec, command);
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
                if (command.positionals != Positionals.NONE) {
                    spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").type(List.class)
                            .auxiliaryTypes(String.class).paramLabel(command.positionalName).build());
                }
                definitions.put(spec, command);
            } else {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
                definitions.put(spec, groups.get(childPath));
                addChildren(child, childPath, groups, leaves, definitions);
            }
            child.setOverwrittenOptionsAllowed(true);
            child.setExpandAtFiles(false);
            parent.addSubcommand(sub, child);
        }
    }

    private static void addOptions(CommandSpec spec, Command command) {
        for (Arg arg : command.args) {
            OptionSpec.Builder option = OptionSpec.builder(arg.names());
            switch (arg.kind) {
                case FLAG -> option.arity("0").type(boolean.class);
                case VALUE -> option.arity("1").type(String.class).paramLabel(arg.valueName);
                case REPEATED -> option.arity("1").type(List.class).auxiliaryTypes(String.class).paramLabel(arg.valueName);
                default -> throw new IllegalStateException();
            }
            spec.addOption(option.build());
        }
    }
}

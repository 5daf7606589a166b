package tj.migrantsguide.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command line: a command, {@code --name value} options and {@code --flag}s. */
record Arguments(Optional<String> command, Map<String, String> values, Set<String> flags, List<String> rest) {
    private static final Set<String> FLAGS = Set.of("--help", "--snapshot", "--brief");

    static Arguments parse(String[] args) throws UsageException {
        Optional<String> command = Optional.empty();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                values.put(arg, args[++i]);
            } else if (command.isEmpty()) {
                command = Optional.of(arg);
            } else {
                rest.add(arg);
            }
        }
        return new Arguments(command, values, flags, rest);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) throws UsageException {
        return value(name).orElseThrow(() -> new UsageException(name + " is required"));
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

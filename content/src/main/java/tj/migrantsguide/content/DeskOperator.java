package tj.migrantsguide.content;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import tj.migrantsguide.content.server.DeskAccounts;
import tj.migrantsguide.content.server.DeskStore;
import tj.migrantsguide.content.server.InboxStore;

/**
 * {@code guide-content.jar desk-operator --name NAME [--role operator|supervisor] [--db FILE | --jdbc URL]}: adds
 * a desk operator; the first supervisor comes from here. The password is read from the environment, never from
 * the command line (where {@code ps} and the shell's history would keep it).
 */
final class DeskOperator {
    static final String PASSWORD_VARIABLE = "GUIDE_DESK_NEW_PASSWORD";
    static final String USAGE = "GUIDE_DESK_NEW_PASSWORD=… guide-content.jar desk-operator --name NAME "
            + "--role supervisor [--db FILE | --jdbc URL]";

    private DeskOperator() {}

    static int run(Arguments arguments, PrintStream out, PrintStream err, Map<String, String> environment,
            Clock clock) throws Arguments.UsageException {
        String name = arguments.required("--name");
        DeskStore.Role role = DeskStore.Role.fromCode(arguments.value("--role").orElse("operator")).orElseThrow(
                () -> new Arguments.UsageException("--role must be operator or supervisor"));
        String password = environment.getOrDefault(PASSWORD_VARIABLE, "");
        if (password.isEmpty()) {
            throw new Arguments.UsageException("set " + PASSWORD_VARIABLE + " to the new operator's password");
        }
        String jdbcUrl = arguments.value("--jdbc")
                .orElseGet(() -> "jdbc:sqlite:" + Path.of(arguments.value("--db").orElse("inbox.db")).toAbsolutePath());
        InboxStore store = InboxStore.open(jdbcUrl);
        try {
            new DeskAccounts(store.desk(), DeskAccounts.Security.standard(), new SecureRandom()).add(name, password,
                    role, clock.instant());
            out.println("desk operator " + name + " (" + role.code() + ") added");
            return 0;
        } catch (DeskAccounts.WeakPassword | DeskStore.OperatorExists e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException(e.getMessage());
        } finally {
            store.close();
        }
    }
}

package tj.migrantsguide;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the guide keeps its database and settings: {@code --data DIR}, else the environment, else home. */
public final class DataDirectory {
    public static final String ENVIRONMENT_VARIABLE = "MIGRANTS_GUIDE_HOME";
    public static final String FOLDER_IN_HOME = ".migrants-guide";

    private DataDirectory() {}

    public static Path resolve(Optional<String> fromCommandLine, Map<String, String> environment, String userHome) {
        if (fromCommandLine.isPresent() && !fromCommandLine.get().isBlank()) {
            return Path.of(fromCommandLine.get()).toAbsolutePath();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        return Path.of(userHome, FOLDER_IN_HOME).toAbsolutePath();
    }
}

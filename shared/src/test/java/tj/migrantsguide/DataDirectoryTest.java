package tj.migrantsguide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    @Test
    void commandLineWinsOverEnvironmentAndHome() {
        assertEquals(Path.of("/tmp/a"), DataDirectory.resolve(
                Optional.of("/tmp/a"), Map.of(DataDirectory.ENVIRONMENT_VARIABLE, "/tmp/b"), "/home/x"));
    }

    @Test
    void environmentWinsOverHome() {
        assertEquals(Path.of("/tmp/b"), DataDirectory.resolve(
                Optional.empty(), Map.of(DataDirectory.ENVIRONMENT_VARIABLE, "/tmp/b"), "/home/x"));
    }

    @Test
    void homeFolderIsTheLastResort() {
        assertEquals(Path.of("/home/x/.migrants-guide"), DataDirectory.resolve(Optional.empty(), Map.of(), "/home/x"));
    }
}

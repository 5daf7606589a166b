package tj.migrantsguide.content.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster on a loopback port, as child processes of this one: {@code initdb} into a folder of
 * its own, {@code pg_ctl start}, {@code pg_ctl stop} at the end. For the tests that run the inbox on PostgreSQL,
 * the inbox benchmark (which restarts it mid-run) and nothing in production (docs/deployment.md).
 *
 * <p>PostgreSQL refuses to run as root; run as root (a CI container), the cluster runs as the user
 * {@code postgres} (made by Debian's package), else {@code nobody}, through {@code runuser}.
 */
public final class LocalPostgres implements AutoCloseable {
    /** The binaries are not installed: the caller says so and skips what needs them. */
    public static final class NotInstalled extends Exception {
        private static final long serialVersionUID = 1L;

        private final List<Path> searched;

        NotInstalled(List<Path> searched) {
            super("no PostgreSQL (initdb, pg_ctl) on PATH or in " + searched
                    + "; install it (Debian: apt-get install postgresql)");
            this.searched = List.copyOf(searched);
        }

        public List<Path> searched() {
            return searched;
        }
    }

    /** A PostgreSQL command failed; {@code output} is what it said. */
    public static final class CommandFailed extends IOException {
        private static final long serialVersionUID = 1L;

        private final List<String> command;
        private final int exitCode;

        CommandFailed(List<String> command, int exitCode, String output) {
            super(String.join(" ", command) + " exited with " + exitCode + ": " + output);
            this.command = List.copyOf(command);
            this.exitCode = exitCode;
        }

        public List<String> command() {
            return command;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public static final String USER = "inbox";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean durable;
    private int databases;

    private LocalPostgres(Path bin, Path folder, int port, boolean durable) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.durable = durable;
    }

    /** The folder holding {@code initdb} and {@code pg_ctl}: PATH first, then Debian's and /usr/local's places. */
    public static Path binaries() throws NotInstalled {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                candidates.add(Path.of(entry));
            }
        }
        candidates.add(Path.of("/usr/local/bin"));
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin")).sorted(Comparator.comparing(LocalPostgres::majorVersion)
                        .reversed()).forEach(candidates::add);
            } catch (IOException e) {
                // Unreadable: as if absent.
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                return candidate;
            }
        }
        throw new NotInstalled(candidates);
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Makes a cluster in a new temporary folder and starts it on {@code port} (loopback only).
     *
     * @param durable false for tests (fsync off: a test kills processes, never the machine), true for the benchmark
     */
    public static LocalPostgres start(int port, boolean durable) throws NotInstalled, IOException {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("inbox-pg");
        LocalPostgres cluster = new LocalPostgres(bin, folder, port, durable);
        if (runningAsRoot()) {
            UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(folder, users.lookupPrincipalByName(clusterUser()));
        }
        cluster.run(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        cluster.startServer();
        return cluster;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of database {@code name} in this cluster. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER;
    }

    /** A new empty database (a test's own), and its JDBC URL. */
    public synchronized String newDatabase() throws SQLException {
        String name = "inbox_" + (++databases);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    /** Stops the server as a crash would ({@code -m immediate}: no checkpoint) and starts it again. */
    public void crashAndRestart() throws IOException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"));
        startServer();
    }

    private void startServer() throws IOException {
        String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off");
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l",
                folder.resolve("server.log").toString(), "-o", options, "-w", "-t", "60", "start"));
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "fast",
                    "-w", "stop"));
        } finally {
            deleteTree(folder);
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", clusterUser(), "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CommandFailed(full, -1, "no end after 120 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandFailed(full, -1, "interrupted");
        }
        if (process.exitValue() != 0) {
            Path log = folder.resolve("server.log");
            throw new CommandFailed(full, process.exitValue(), output + (Files.isRegularFile(log)
                    ? "\n" + Files.readString(log) : ""));
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String clusterUser() {
        return userExists("postgres") ? "postgres" : "nobody";
    }

    private static boolean userExists(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Whether {@code port} is free on loopback (a cluster or node is about to take it). */
    public static boolean portFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first free loopback port from {@code from} (inclusive) to {@code to} (exclusive). */
    public static Optional<Integer> freePort(int from, int to) {
        for (int port = from; port < to; port++) {
            if (portFree(port)) {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }
}

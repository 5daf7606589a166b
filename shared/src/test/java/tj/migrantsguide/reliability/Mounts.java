package tj.migrantsguide.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real storage trouble for tests, made with the kernel rather than simulated: a tmpfs with a size limit (a full disk
 * that says ENOSPC at the exact byte) and a read-only bind mount (EROFS, which stops root too, where chmod would
 * not). Needs root, as CI has (it runs as root on a fresh machine); elsewhere the tests that use it are skipped, and
 * say so. Public for the app's window tests (shared's test jar).
 */
public final class Mounts implements AutoCloseable {
    private final List<Path> mounted = new ArrayList<>();

    /** Whether this process may mount (root, with the capability): tried once on a scratch folder. */
    public static boolean available() {
        try {
            Path probe = Files.createTempDirectory("mount-probe");
            try {
                if (run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString()) != 0) {
                    return false;
                }
                return run("umount", probe.toString()) == 0;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A fresh tmpfs of {@code size} (e.g. "4m") at {@code folder}. */
    public Path tmpfs(Path folder, String size) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        check(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString()), "mount tmpfs");
        mounted.add(0, folder);
        return folder;
    }

    /** Makes {@code folder} read-only in place (a read-only bind mount of itself) until closed. */
    public Path readOnly(Path folder) throws IOException, InterruptedException {
        check(run("mount", "--bind", folder.toString(), folder.toString()), "bind mount");
        mounted.add(0, folder);
        check(run("mount", "-o", "remount,bind,ro", folder.toString()), "remount read-only");
        return folder;
    }

    /** Undoes the last mount of {@code folder}. */
    public void unmount(Path folder) throws IOException, InterruptedException {
        check(run("umount", folder.toString()), "umount");
        mounted.remove(folder);
    }

    /**
     * Detaches the mount at {@code folder} at once, as a pulled USB stick does to a desktop: open files stay usable
     * by whoever holds them, and the path no longer leads to them.
     */
    public void detach(Path folder) throws IOException, InterruptedException {
        check(run("umount", "-l", folder.toString()), "umount -l");
        mounted.remove(folder);
    }

    /** Fills the file system of {@code folder} until {@code leave} bytes are free (0: until it is full). */
    public static Path fill(Path folder, long leave) throws IOException {
        Path filler = folder.resolve("filler.bin");
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(folder).getUsableSpace() > leave + block.length) {
                out.write(block);
                out.flush();
            }
            if (leave == 0) {
                while (true) {
                    out.write(block, 0, 512);
                    out.flush();
                }
            }
        } catch (IOException full) {
            if (leave > 0 || !String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path folder : List.copyOf(mounted)) {
            if (run("umount", folder.toString()) != 0) {
                run("umount", "-l", folder.toString());
            }
        }
        mounted.clear();
    }

    private static void check(int exit, String what) throws IOException {
        if (exit != 0) {
            throw new IOException(what + " failed with exit code " + exit);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 && !command[0].equals("umount")) {
            System.err.println(String.join(" ", command) + ": " + output.strip());
        }
        return exit;
    }
}

package tj.migrantsguide.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One sync at a time per data folder: the window's sync at start and a {@code sync} command run by hand on the
 * same folder wait for each other instead of both staging and installing. A file lock covers other processes;
 * the JVM's file locks are per process, so runs inside one process also take an in-process lock first.
 */
final class SyncLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock fileLock;

    private SyncLock(ReentrantLock inProcess, FileChannel channel, FileLock fileLock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static SyncLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(folder.toAbsolutePath().normalize(),
                k -> new ReentrantLock());
        inProcess.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new SyncLock(inProcess, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            inProcess.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            inProcess.unlock();
        }
    }
}

package tj.migrantsguide.sync;

/** Told about bytes as they arrive; called on the downloading thread, so keep it short and thread-safe. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (done, total) -> {};

    /**
     * @param bytesDone bytes of this run's files received so far (decompressed)
     * @param bytesTotal bytes this run will receive in all, or -1 while the index (whose size is not known before
     *     it arrives) is downloading
     */
    void onProgress(long bytesDone, long bytesTotal);
}

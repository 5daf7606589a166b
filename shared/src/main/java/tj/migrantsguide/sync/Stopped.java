package tj.migrantsguide.sync;

/** Ends a run early with its result (offline, rejected or failed); internal to the sync package. */
final class Stopped extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SyncResult result;

    private Stopped(SyncResult result) {
        super(result.describe(), null, false, false);
        this.result = result;
    }

    static Stopped rejected(Rejection rejection) {
        return new Stopped(new SyncResult.Rejected(rejection));
    }

    static Stopped offline(String cause) {
        return new Stopped(new SyncResult.Offline(cause));
    }

    static Stopped failed(String operation, Exception cause) {
        return new Stopped(new SyncResult.Failed(operation, String.valueOf(cause.getMessage())));
    }

    SyncResult result() {
        return result;
    }
}

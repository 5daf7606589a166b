package tj.migrantsguide.bench;

/** One measurement of what users feel; it adds its figures (and their targets) to {@link Results}. */
interface Benchmark {
    /** Short name, used by {@code bench/run --only NAME}. */
    String name();

    void run(boolean quick, Results results) throws Exception;
}

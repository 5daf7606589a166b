package tj.migrantsguide.store;

import java.time.Instant;

/** The content version on the device and when it arrived. */
public record InstalledFeed(long version, Instant published, Instant expires, Instant installedAt) {}

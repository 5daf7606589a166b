package tj.migrantsguide.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Why talking to a questions server did not work this time, with what is known about it. */
public sealed interface OutboxProblem {
    URI server();

    /** Words for a log line or the command line; screens use the record's data. */
    String describe();

    /** No HTTP answer at all: no network, refused, reset, timed out. The outbox will try again. */
    record Offline(URI server, String detail) implements OutboxProblem {
        @Override
        public String describe() {
            return "no connection to " + server + " (" + detail + ")";
        }
    }

    /** The server answered but cannot take it now (408, 409, 429, 5xx). The outbox will try again. */
    record ServerBusy(URI server, int status, Optional<Duration> retryAfter) implements OutboxProblem {
        @Override
        public String describe() {
            return "server busy: HTTP " + status + retryAfter.map(d -> ", asked to wait " + d.toSeconds() + " s")
                    .orElse("");
        }
    }

    /** The server refused for good; retrying the same request would get the same answer. */
    record Refused(URI server, int status, String reason) implements OutboxProblem {
        @Override
        public String describe() {
            return "refused by " + server + ": HTTP " + status + " " + reason;
        }
    }

    /** The server said yes but its answer is not in the documented format. */
    record BadResponse(URI server, int status, String detail) implements OutboxProblem {
        @Override
        public String describe() {
            return "unreadable answer from " + server + " (HTTP " + status + "): " + detail;
        }
    }
}

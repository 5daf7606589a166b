package tj.migrantsguide.content.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Operators' passwords and logins. Passwords are hashed with bcrypt from spring-security-crypto (well kept, no
 * other dependency). Not Argon2id: spring's Argon2 encoder needs BouncyCastle on the class path as well, and bcrypt
 * at cost 12 (about a quarter of a second a guess) is what OWASP still accepts; its one limit, 72 bytes, is checked
 * here. The lockout is in the database ({@link DeskStore}) and is checked before the password.
 */
public final class DeskAccounts {
    /** How hard the desk is to guess into. */
    public record Security(int bcryptStrength, int failedLoginsBeforeLockout, Duration lockout,
            Duration sessionLength) {
        /** bcrypt cost 12; ten wrong passwords in a row lock the name for 15 minutes; a session lasts a shift. */
        public static Security standard() {
            return new Security(12, 10, Duration.ofMinutes(15), Duration.ofHours(8));
        }

        /** Cost 4 (bcrypt's least): the tests log in hundreds of times; everything else as standard. */
        public static Security forTests() {
            return new Security(4, 10, Duration.ofMinutes(15), Duration.ofHours(8));
        }
    }

    /** A password the desk does not take. */
    public static final class WeakPassword extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final int bytes;

        WeakPassword(int bytes) {
            super("a desk password has 12 to 72 bytes (UTF-8), not " + bytes);
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    /** What a login did. */
    public sealed interface Login {
        /** In: the cookie's token (kept only as a hash) and the session's form token. */
        record LoggedIn(String operator, String sessionToken, String csrf) implements Login {}

        /** Wrong name or password (the same answer for both). */
        record Refused() implements Login {}

        /** Too many wrong passwords: refused until {@code until}, even with the right one. */
        record LockedOut(Instant until) implements Login {}
    }

    private static final String NAME = "[a-z0-9._-]{1,64}";

    private final DeskStore store;
    private final Security security;
    private final BCryptPasswordEncoder encoder;
    private final RandomGenerator random;
    /** Compared against when the name is unknown, so that a wrong name takes as long as a wrong password. */
    private final String unknownNameHash;

    public DeskAccounts(DeskStore store, Security security, RandomGenerator random) {
        this.store = store;
        this.security = security;
        this.encoder = new BCryptPasswordEncoder(security.bcryptStrength());
        this.random = random;
        this.unknownNameHash = encoder.encode("no such operator: " + token());
    }

    public Security security() {
        return security;
    }

    /** Adds an operator (the first supervisor comes from {@code guide-content.jar desk-operator}). */
    public void add(String name, String password, DeskStore.Role role, Instant now) {
        if (!name.matches(NAME)) {
            throw new IllegalArgumentException("an operator's name is 1 to 64 of a-z 0-9 . _ -: " + name);
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 12 || bytes > 72) {
            throw new WeakPassword(bytes);
        }
        store.addOperator(name, encoder.encode(password), role, now);
    }

    /** Until when {@code name} is locked out, if it is now. */
    public Optional<Instant> lockedUntil(String name, Instant now) {
        return (name.matches(NAME) ? store.operator(name) : Optional.<DeskStore.Operator>empty())
                .flatMap(DeskStore.Operator::lockedUntil).filter(now::isBefore);
    }

    public Login login(String name, String password, Instant now) {
        Optional<DeskStore.Operator> operator = name.matches(NAME) ? store.operator(name) : Optional.empty();
        if (operator.isPresent() && operator.get().lockedUntil().filter(now::isBefore).isPresent()) {
            return new Login.LockedOut(operator.get().lockedUntil().get());
        }
        boolean matches = encoder.matches(password, operator.map(DeskStore.Operator::passwordHash)
                .orElse(unknownNameHash));
        if (operator.isEmpty() || !matches) {
            operator.ifPresent(o -> store.recordFailedLogin(o.name(), now, security.failedLoginsBeforeLockout(),
                    security.lockout()));
            return new Login.Refused();
        }
        store.recordLogin(name);
        String sessionToken = token();
        String csrf = token();
        store.startSession(InboxHandler.sha256(sessionToken.getBytes(StandardCharsets.US_ASCII)), name, csrf, now,
                now.plus(security.sessionLength()));
        return new Login.LoggedIn(name, sessionToken, csrf);
    }

    public Optional<DeskStore.Session> session(String sessionToken, Instant now) {
        return store.session(InboxHandler.sha256(sessionToken.getBytes(StandardCharsets.US_ASCII)), now);
    }

    public void logout(String sessionToken) {
        store.endSession(InboxHandler.sha256(sessionToken.getBytes(StandardCharsets.US_ASCII)));
    }

    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

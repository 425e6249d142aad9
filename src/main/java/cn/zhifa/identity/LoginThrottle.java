package cn.zhifa.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Bounds password guessing without letting anyone lock another person out. Wrong passwords are counted per account and
 * client address, and per client address over all accounts (until someone logs in from there); after too many within
 * the window that address may not log in to that account (or to any) until the block ends. Other addresses are not affected, so the owner still logs
 * in from his own computer while someone guesses from another. Behind a reverse proxy the address is the client's
 * (server.forward-headers-strategy). Checks without an HTTP request (start-up, tests) are not counted. State is in
 * memory, per node: a restart or an administrator ({@code /api/admin/login-blocks}) lifts it.
 */
@Component
class LoginThrottle {

    /** The account of a block that applies to every account tried from one address. */
    static final String ANY_ACCOUNT = "*";
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_ENTRIES = 10_000;

    /** A block in force: who (or {@link #ANY_ACCOUNT}) from where, after how many failures, until when. */
    record Block(String userId, String source, int failures, Instant blockedUntil) {
    }

    private record Key(String userId, String source) {
    }

    private record Counter(int failures, Instant windowStart, Instant blockedUntil) {

        boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final IdentityProperties.Login settings;
    private final Clock clock;

    LoginThrottle(IdentityProperties properties, Clock clock) {
        this.settings = properties.login();
        this.clock = clock;
    }

    /** The client address of the current HTTP request, or null outside one. */
    static String currentSource() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }

    /** Until when {@code source} may not try a password for {@code userId}; empty if it may. */
    Optional<Instant> blockedUntil(String userId, String source) {
        if (source == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Stream.of(new Key(userId, source), new Key(ANY_ACCOUNT, source)).map(counters::get)
                .filter(Objects::nonNull).filter(c -> c.blockedAt(now)).map(Counter::blockedUntil)
                .max(Comparator.naturalOrder());
    }

    void failed(String userId, String source) {
        if (source == null || blockedUntil(userId, source).isPresent()) {
            return;
        }
        if (counters.size() >= MAX_ENTRIES) {
            prune();
        }
        count(new Key(userId, source), settings.maxFailures());
        count(new Key(ANY_ACCOUNT, source), settings.maxFailuresPerSource());
    }

    /**
     * Resets the account's count from this address, and the address's count over all accounts unless it is blocked:
     * an office behind one address whose people log in as usual does not add up its typing errors to a block.
     */
    void succeeded(String userId, String source) {
        if (source != null) {
            counters.remove(new Key(userId, source));
            Instant now = clock.instant();
            counters.computeIfPresent(new Key(ANY_ACCOUNT, source), (k, c) -> c.blockedAt(now) ? c : null);
        }
    }

    List<Block> blocks() {
        Instant now = clock.instant();
        return counters.entrySet().stream().filter(e -> e.getValue().blockedAt(now))
                .map(e -> new Block(e.getKey().userId(), e.getKey().source(), e.getValue().failures(),
                        e.getValue().blockedUntil()))
                .sorted(Comparator.comparing(Block::blockedUntil)).toList();
    }

    /** Lifts the blocks (and failure counts) of an account, of an address, or of both together; returns how many. */
    int lift(String userId, String source) {
        List<Key> lifted = counters.keySet().stream()
                .filter(k -> userId == null || k.userId().equals(userId))
                .filter(k -> source == null || k.source().equals(source)).toList();
        lifted.forEach(counters::remove);
        return lifted.size();
    }

    private void count(Key key, int limit) {
        Instant now = clock.instant();
        Duration window = settings.window();
        Counter counted = counters.compute(key, (k, c) -> {
            if (c != null && c.blockedAt(now)) {
                return c;
            }
            if (c == null || c.blockedUntil() != null || c.windowStart().plus(window).isBefore(now)) {
                c = new Counter(0, now, null);
            }
            int failures = c.failures() + 1;
            return new Counter(failures, c.windowStart(), failures >= limit ? now.plus(settings.block()) : null);
        });
        if (counted.failures() == limit && counted.blockedUntil() != null) {
            log.warn("Login of {} from {} blocked until {} after {} wrong passwords", key.userId(), key.source(),
                    counted.blockedUntil(), counted.failures());
        }
    }

    /** Forgets what no longer counts; when guessing floods the table, also what has not led to a block. */
    private void prune() {
        Instant now = clock.instant();
        counters.entrySet().removeIf(e -> !e.getValue().blockedAt(now)
                && e.getValue().windowStart().plus(settings.window()).isBefore(now));
        if (counters.size() >= MAX_ENTRIES) {
            counters.entrySet().removeIf(e -> !e.getValue().blockedAt(now));
        }
    }
}

package cn.zhifa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The cluster fault harness (bench/cluster.md, issue 18): one PostgreSQL, two nodes from the packaged jar started at
 * the same moment, clients on both; during the run node 1 is killed with {@code kill -9} and restarted, then
 * PostgreSQL is restarted, then node 2 runs with its clock behind; then the checker. Run by
 * {@code ./mvnw -Pcluster-harness verify} (its name matches no Surefire or Failsafe pattern, so the normal build
 * never runs it). The report goes to bench/results/.
 */
class ClusterHarnessRun {

    private static final String PASSWORD = "harness-" + UUID.randomUUID();
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("cluster.phaseSeconds", 40));
    private static final int CLIENTS = Integer.getInteger("cluster.clients", 4);
    private static final Duration CLOCK_BEHIND = Duration.ofSeconds(Long.getLong("cluster.clockBehindSeconds", 30));
    /** Shorter than Camunda's default 5 min so that jobs the killed node held are taken over within the run. */
    private static final long LOCK_TIME_MILLIS = Long.getLong("cluster.lockTimeMillis", 60_000);
    private static final Duration SETTLE = Duration.ofMillis(LOCK_TIME_MILLIS).plusSeconds(90);

    private final Ledger ledger = new Ledger();
    private final Map<String, String> faults = new LinkedHashMap<>();
    private final List<String> sessionChecks = new ArrayList<>();
    private volatile boolean running = true;

    @Test
    void twoNodesSurviveTheirFaultsWithNothingLostOrDoubled() throws Exception {
        Instant begin = Instant.now();
        Path work = Path.of("target", "cluster-harness").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work);
        Path shared = Files.createDirectories(work.resolve("shared"));
        Path jar = Path.of(Optional.ofNullable(System.getProperty("zhifa.jar"))
                .orElseThrow(() -> new AssertionError("run with ./mvnw -Pcluster-harness verify")));

        try (HarnessDatabase database = new HarnessDatabase(work.resolve("pgdata"), freePort())) {
            database.startFresh();
            Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "demo,postgres,cluster",
                    "ZHIFA_DEMO_PASSWORD", PASSWORD, "ZHIFA_DB_URL", database.jdbcUrl(),
                    "ZHIFA_DB_USER", HarnessDatabase.APP_USER, "ZHIFA_DB_PASSWORD", HarnessDatabase.APP_PASSWORD,
                    "ZHIFA_DB_MIGRATION_USER", HarnessDatabase.MIGRATION_USER,
                    "ZHIFA_DB_MIGRATION_PASSWORD", HarnessDatabase.MIGRATION_PASSWORD);
            Node one = new Node("node-1", freePort(), jar, work, shared, environment);
            Node two = new Node("node-2", freePort(), jar, work, shared, environment);
            String lockTime = "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS;
            Http http = new Http(List.of(one, two), ledger, PASSWORD);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                // both at once on a database with the engine's tables and nothing else: one deployment must result
                Instant launched = Instant.now();
                one.launch(lockTime);
                two.launch(lockTime);
                one.awaitReady();
                two.awaitReady();
                faults.put("simultaneous first start", "both nodes launched together, both ready "
                        + seconds(Duration.between(launched, Instant.now())) + " later, one deployment");

                SessionProbe session = new SessionProbe(one, two);
                sessionChecks.add(session.loginOnFirstUseOnSecond());

                Workload workload = new Workload(http, ledger);
                for (int i = 0; i < CLIENTS; i++) {
                    boolean review = i % 2 == 0;
                    clients.submit(() -> {
                        while (running) {
                            try {
                                if (review) {
                                    workload.legalReview();
                                } else {
                                    workload.penaltyCase();
                                }
                            } catch (RuntimeException e) {
                                ledger.note("client error: " + e);
                            }
                        }
                    });
                }
                Thread.sleep(PHASE.toMillis());

                // fault 1: kill -9 of node 1 under load, the balancer notices after its health check, restart
                Instant killed = Instant.now();
                one.kill();
                Thread.sleep(2000);
                http.down.add(one.name);
                sessionChecks.add("after kill -9 of node-1: " + session.stillLoggedInOnSecond());
                one.launch(lockTime);
                Duration restart = one.awaitReady();
                http.down.remove(one.name);
                faults.put("kill -9 of node-1", "node-1 ready again " + seconds(Duration.between(killed, Instant.now()))
                        + " after the kill (start " + seconds(restart) + "); jobs it held locked are free "
                        + LOCK_TIME_MILLIS / 1000 + " s after they were locked");
                Thread.sleep(PHASE.toMillis());

                // fault 2: PostgreSQL restarted under load
                Instant stopped = Instant.now();
                Duration databaseDown = database.restart();
                Duration bothReady = awaitBothReady(one, two);
                Instant written = awaitWrite(stopped);
                faults.put("restart of PostgreSQL", "database stopped and started again in " + seconds(databaseDown)
                        + "; both nodes ready " + seconds(Duration.between(stopped, Instant.now())) + " after the stop"
                        + " (" + seconds(bothReady) + " after the database was back); first acknowledged write "
                        + (written == null ? "never" : seconds(Duration.between(stopped, written))) + " after the stop");
                Thread.sleep(PHASE.toMillis());

                // fault 3: node 2 restarted with its clock behind
                Instant skewed = Instant.now();
                http.down.add(two.name);
                two.stop();
                two.launch(lockTime, "--zhifa.fault.clock-offset=-PT" + CLOCK_BEHIND.toSeconds() + "S");
                two.awaitReady();
                http.down.remove(two.name);
                faults.put("node-2 clock " + CLOCK_BEHIND.toSeconds() + " s behind",
                        "restarted and ready in " + seconds(Duration.between(skewed, Instant.now()))
                                + ", then ran under load with the clock behind for " + seconds(PHASE.multipliedBy(2)));
                Thread.sleep(PHASE.multipliedBy(2).toMillis());
            } finally {
                running = false;
                clients.shutdown();
                clients.awaitTermination(3, TimeUnit.MINUTES);
            }

            Duration settled = settle(database);
            RecordVerifier verifier = new RecordVerifier(http);
            ClusterChecker.Result result = new ClusterChecker(database.superuser(), shared.resolve("files"),
                    verifier::verify).check(ledger);
            List<String> errors = new ArrayList<>();
            for (Node node : List.of(one, two)) {
                errors.addAll(node.errorLines().stream().map(line -> node.name + ": " + line).toList());
            }
            one.stop();
            two.stop();
            Path report = new ClusterReport(ledger, faults, sessionChecks, result, settled, errors,
                    Duration.between(begin, Instant.now()), CLIENTS, PHASE, LOCK_TIME_MILLIS, CLOCK_BEHIND).write();
            System.out.println("cluster harness report: " + report);
            assertThat(result.anomalies()).as("anomalies (report: " + report + ")").isEmpty();
            assertThat(sessionChecks).as("webapp sessions across nodes").noneMatch(c -> c.contains("NOT logged in"));
        }
    }

    /** Until no executable job is due or locked (the killed node's locks expire), at most {@link #SETTLE}. */
    private Duration settle(HarnessDatabase database) {
        JdbcClient db = JdbcClient.create(database.superuser());
        Instant from = Instant.now();
        while (Duration.between(from, Instant.now()).compareTo(SETTLE) < 0) {
            long busy = db.sql("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 "
                    + "AND (lock_exp_time_ IS NOT NULL OR duedate_ IS NULL OR duedate_ <= now())")
                    .query(Long.class).single();
            if (busy == 0) {
                break;
            }
            Http.sleep(1000);
        }
        // a timer made due a moment ago by a client that stopped is given the executor's poll to fire
        Http.sleep(5000);
        return Duration.between(from, Instant.now());
    }

    private static Duration awaitBothReady(Node one, Node two) {
        Instant from = Instant.now();
        while (!(one.ready() && two.ready()) && Duration.between(from, Instant.now()).toMinutes() < 3) {
            Http.sleep(250);
        }
        return Duration.between(from, Instant.now());
    }

    private Instant awaitWrite(Instant after) {
        Instant from = Instant.now();
        while (ledger.firstAckAfter(after) == null && Duration.between(from, Instant.now()).toMinutes() < 3) {
            Http.sleep(250);
        }
        return ledger.firstAckAfter(after);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The record's own verification, as the 案卷 page calls it. */
    private record RecordVerifier(Http http) {

        Map<String, Object> verify(long caseId) {
            Http.Answer answer = http.get(Workload.OFFICER, "/api/cases/" + caseId + "/record/verify");
            return answer.ok() ? Http.object(answer) : Map.of("intact", false, "answer", answer.cause());
        }
    }

    /**
     * A Tasklist login (Camunda's webapp session) made on one node and used on the other: with the cluster profile
     * the session is in the database (Spring Session JDBC), so it survives the node that created it.
     */
    private static final class SessionProbe {

        private final Node first;
        private final Node second;
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        SessionProbe(Node first, Node second) {
            this.first = first;
            this.second = second;
        }

        String loginOnFirstUseOnSecond() throws IOException, InterruptedException {
            browser.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String xsrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).findFirst()
                    .orElse("");
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(first.baseUrl()
                            + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + Workload.OFFICER + "&password=" + PASSWORD))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return "login to Tasklist on " + first.name + ": HTTP " + login.statusCode() + "; the same session on "
                    + second.name + ": " + stillLoggedInOnSecond();
        }

        String stillLoggedInOnSecond() throws IOException, InterruptedException {
            HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(second.baseUrl()
                    + "/camunda/api/admin/auth/user/default")).build(), HttpResponse.BodyHandlers.ofString());
            boolean in = me.statusCode() == 200 && me.body().contains("\"" + Workload.OFFICER + "\"");
            return (in ? "logged in as " + Workload.OFFICER : "NOT logged in") + " (HTTP " + me.statusCode() + ")";
        }
    }
}

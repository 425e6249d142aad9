package cn.zhifa.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

/**
 * Runs the jar that the build produced as its own process, with the command of docker/Dockerfile, in a fresh folder
 * (its files, and an H2 database unless one is given) on a random port, and kills it after the test class. Each run's log is kept in
 * {@code target/packaged-jar/} and printed when something fails.
 */
final class PackagedJar implements BeforeAllCallback, AfterAllCallback, TestWatcher,
        LifecycleMethodExecutionExceptionHandler {

    /** Set by the Failsafe configuration in pom.xml: {@code target/<finalName>.jar}. */
    static final String JAR_PROPERTY = "zhifa.jar";
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration SHUTDOWN = Duration.ofMinutes(1);

    private final Map<String, String> environment;
    private String name;
    private Path home;
    private int port;
    private Path log;
    private Process process;

    private PackagedJar(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The demo profile: the demo agency and its people, all with {@code password}. */
    static PackagedJar demo(String password) {
        return new PackagedJar(Map.of("SPRING_PROFILES_ACTIVE", "demo", "ZHIFA_DEMO_PASSWORD", password));
    }

    /**
     * The prod profile with what it requires from the environment (cn.zhifa.system.ProdEnvironmentCheck): the
     * database's ZHIFA_DB_* variables, the administrator and a fresh record signing key.
     */
    static PackagedJar prod(Map<String, String> database, String adminUser, String adminPassword) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> environment = new HashMap<>(database);
        environment.putAll(Map.of("SPRING_PROFILES_ACTIVE", "prod", "ZHIFA_ADMIN_USER", adminUser,
                "ZHIFA_ADMIN_PASSWORD", adminPassword, "ZHIFA_RECORD_KEY", Base64.getEncoder().encodeToString(key),
                "ZHIFA_RECORD_KEY_ID", "it-1"));
        return new PackagedJar(environment);
    }

    /** Starts the application with these command-line arguments and waits until it is ready. */
    void start(String run, String... arguments) throws Exception {
        launch(run, arguments);
        try {
            awaitReadiness();
        } catch (Throwable e) {
            printLog(run + " did not become ready");
            throw e;
        }
    }

    /** Runs the application until it stops by itself (a start that must fail) and answers its exit code. */
    int exitCode(String run, String... arguments) throws Exception {
        launch(run, arguments);
        if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            printLog(run + " did not stop by itself");
            throw new AssertionError(run + " was still running after " + STARTUP);
        }
        return process.exitValue();
    }

    /** Stops the application as a container stop does (SIGTERM), forcibly after a minute. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    RestClient as(String user, String password) {
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).baseUrl(baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(user, password)).build();
    }

    Path log() {
        return log;
    }

    /** Lines the last run logged at level ERROR (the log pattern puts the level after the timestamp). */
    List<String> errorLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.matches("\\S+\\s+ERROR .*"))
                .toList();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        name = context.getRequiredTestClass().getSimpleName();
        home = Files.createTempDirectory("zhifa-packaged-jar-");
        port = freePort();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        printLog(context.getDisplayName() + " failed");
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
        printLog("@BeforeAll of " + context.getDisplayName() + " failed");
        throw cause;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (home != null) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    private void launch(String run, String... arguments) throws IOException, InterruptedException {
        stop();
        Path jar = Path.of(Optional.ofNullable(System.getProperty(JAR_PROPERTY)).orElseThrow(() -> new AssertionError(
                "system property " + JAR_PROPERTY + " is not set: run the packaged-jar tests with ./mvnw verify")));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: run the packaged-jar tests with ./mvnw verify");
        }
        log = Files.createDirectories(Path.of("target", "packaged-jar")).resolve(name + "-" + run + ".log");
        List<String> command = new ArrayList<>(Dockerfile.read()
                .entrypointFor(Path.of(System.getProperty("java.home"), "bin", "java"), jar.toAbsolutePath()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> variables = builder.environment();
        // nothing from the developer's shell: only what is set here
        variables.keySet().removeIf(variable -> variable.startsWith("ZHIFA_") || variable.startsWith("SPRING_")
                || variable.startsWith("CAMUNDA_") || variable.equals("PORT"));
        variables.put("ZHIFA_DB_URL", "jdbc:h2:file:" + home.resolve("db").resolve("zhifa") + ";DB_CLOSE_ON_EXIT=FALSE");
        variables.putAll(environment);
        variables.put("PORT", String.valueOf(port));
        variables.put("ZHIFA_STORAGE_DIR", home.resolve("files").toString());
        variables.put("ZHIFA_TEMPLATE_DIR", home.resolve("templates").toString());
        variables.put("ZHIFA_RECORD_CHECKPOINT_DIR", home.resolve("record-checkpoints").toString());
        process = builder.start();
        // a test JVM that is killed must not leave the application behind
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    }

    private void awaitReadiness() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the application was not ready within " + STARTUP);
    }

    private void printLog(String why) {
        if (log == null) {
            return;
        }
        System.err.println("---- " + log + " (" + why + ")");
        try {
            System.err.println(Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.err.println("---- end of " + log);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

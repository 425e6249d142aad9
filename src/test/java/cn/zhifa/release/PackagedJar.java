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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * Starts the jar that the build produced as its own process, with the command of docker/Dockerfile, on an H2
 * database in a fresh folder, the demo profile and a random port; waits for readiness; kills it afterwards. Its log
 * is kept in {@code target/packaged-jar/} and printed when something fails.
 */
class PackagedJar implements BeforeAllCallback, AfterAllCallback, TestWatcher, LifecycleMethodExecutionExceptionHandler {

    /** Set by the Failsafe configuration in pom.xml: {@code target/<finalName>.jar}. */
    static final String JAR_PROPERTY = "zhifa.jar";
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration SHUTDOWN = Duration.ofMinutes(1);

    private final String demoPassword = "it-" + UUID.randomUUID();
    private Path home;
    private Path log;
    private int port;
    private Process process;

    String demoPassword() {
        return demoPassword;
    }

    Path log() {
        return log;
    }

    RestClient as(String user, String password) {
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).baseUrl(baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(user, password)).build();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path jar = Path.of(Optional.ofNullable(System.getProperty(JAR_PROPERTY)).orElseThrow(() -> new AssertionError(
                "system property " + JAR_PROPERTY + " is not set: run the packaged-jar tests with ./mvnw verify")));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: run the packaged-jar tests with ./mvnw verify");
        }
        home = Files.createTempDirectory("zhifa-packaged-jar-");
        Path logs = Files.createDirectories(Path.of("target", "packaged-jar"));
        log = logs.resolve(context.getRequiredTestClass().getSimpleName() + ".log");
        port = freePort();

        ProcessBuilder builder = new ProcessBuilder(Dockerfile.read()
                .entrypointFor(Path.of(System.getProperty("java.home"), "bin", "java"), jar.toAbsolutePath()))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // nothing from the developer's shell: only what is set here
        environment.keySet().removeIf(name -> name.startsWith("ZHIFA_") || name.startsWith("SPRING_")
                || name.startsWith("CAMUNDA_") || name.equals("PORT"));
        environment.put("SPRING_PROFILES_ACTIVE", "demo");
        environment.put("PORT", String.valueOf(port));
        environment.put("ZHIFA_DB_URL", "jdbc:h2:file:" + home.resolve("db").resolve("zhifa") + ";DB_CLOSE_ON_EXIT=FALSE");
        environment.put("ZHIFA_STORAGE_DIR", home.resolve("files").toString());
        environment.put("ZHIFA_TEMPLATE_DIR", home.resolve("templates").toString());
        environment.put("ZHIFA_DEMO_PASSWORD", demoPassword);
        process = builder.start();
        // a test JVM that is killed must not leave the application behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        try {
            awaitReadiness();
        } catch (Throwable e) {
            printLog("did not become ready");
            throw e;
        }
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
        if (process != null) {
            process.destroy();
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (home != null) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    /** Lines the application logged at level ERROR (the log pattern puts the level after the timestamp). */
    List<String> errorLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.matches("^\\S+\\s+ERROR .*"))
                .toList();
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

package cn.zhifa.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar as its own process, started with the command of docker/Dockerfile (minus
 * the container paths), on its own port, sharing the database, the file storage and the record checkpoints with
 * the other node as the nodes of a cluster share them (docs/cluster.md). Each start appends to the node's log.
 */
final class Node {

    private static final Duration STARTUP = Duration.ofMinutes(5);

    final String name;
    final int port;
    private final Path jar;
    private final Path home;
    private final Path shared;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    Node(String name, int port, Path jar, Path workDir, Path shared, Map<String, String> environment)
            throws IOException {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.home = Files.createDirectories(workDir.resolve(name));
        this.shared = shared;
        this.environment = environment;
        this.log = workDir.resolve(name + ".log");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Launches the jar with these extra arguments; does not wait (see {@link #awaitReady}). */
    void launch(String... arguments) throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx700m", "-XX:+ExitOnOutOfMemoryError", "-Duser.timezone=Asia/Shanghai",
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> variables = builder.environment();
        variables.keySet().removeIf(variable -> variable.startsWith("ZHIFA_") || variable.startsWith("SPRING_")
                || variable.startsWith("CAMUNDA_") || variable.equals("PORT"));
        variables.putAll(environment);
        variables.put("PORT", String.valueOf(port));
        variables.put("ZHIFA_STORAGE_DIR", shared.resolve("files").toString());
        variables.put("ZHIFA_TEMPLATE_DIR", shared.resolve("templates").toString());
        variables.put("ZHIFA_RECORD_CHECKPOINT_DIR", shared.resolve("record-checkpoints").toString());
        Files.writeString(log, "\n==== harness: start " + (++starts) + " of " + name + " at " + Instant.now() + " "
                + List.of(arguments) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    }

    /** Waits until readiness answers 200; answers how long that took from now. */
    Duration awaitReady() throws InterruptedException {
        Instant from = Instant.now();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Duration.between(from, Instant.now()).compareTo(STARTUP) < 0) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready"
                        + " (log: " + log + ")");
            }
            if (ready(client, readiness)) {
                return Duration.between(from, Instant.now());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + STARTUP + " (log: " + log + ")");
    }

    boolean ready() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return ready(client, HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build());
    }

    private static boolean ready(HttpClient client, HttpRequest readiness) {
        try {
            return client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook, no graceful end of requests or jobs. */
    void kill() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, as a container stop; forcibly after a minute. */
    void stop() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Lines logged at ERROR by this node over all its starts. */
    List<String> errorLines() throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.matches("\\S+\\s+ERROR .*")).toList();
    }
}

package cn.zhifa.release;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What docker/Dockerfile runs, read from the file, so the tests run the same command as the image. */
record Dockerfile(List<String> lines) {

    static final Path PATH = Path.of("docker", "Dockerfile");

    static Dockerfile read() {
        try {
            return new Dockerfile(Files.readAllLines(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exec-form ENTRYPOINT of the last stage, e.g. {@code ["java", "-Xmx…", "-jar", "/app/zhifa.jar"]}. */
    List<String> entrypoint() {
        String json = instruction("ENTRYPOINT").orElseThrow(() -> new AssertionError(PATH + " has no ENTRYPOINT"));
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new AssertionError(PATH + ": the ENTRYPOINT must be a JSON array (exec form): " + json, e);
        }
    }

    /** The same command on this machine: this JVM's java, the jar the build produced. */
    List<String> entrypointFor(Path java, Path jar) {
        List<String> command = entrypoint();
        if (!command.get(0).equals("java") || command.indexOf("-jar") < 0) {
            throw new AssertionError(PATH + ": the ENTRYPOINT must be java … -jar <jar>: " + command);
        }
        List<String> local = new ArrayList<>(command);
        local.set(0, java.toString());
        local.set(command.indexOf("-jar") + 1, jar.toString());
        return local;
    }

    List<Integer> exposedPorts() {
        return instruction("EXPOSE").stream().flatMap(ports -> List.of(ports.split("\\s+")).stream())
                .map(Integer::valueOf).toList();
    }

    /** The text after the last instruction of that name (Docker takes the last ENTRYPOINT, HEALTHCHECK …). */
    Optional<String> instruction(String name) {
        String joined = String.join("\n", lines).replaceAll("\\\\\n\\s*", " ");
        Optional<String> last = Optional.empty();
        for (String line : joined.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.regionMatches(true, 0, name + " ", 0, name.length() + 1)) {
                last = Optional.of(trimmed.substring(name.length()).strip());
            }
        }
        return last;
    }
}

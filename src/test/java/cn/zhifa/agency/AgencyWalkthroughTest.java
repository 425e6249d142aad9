package cn.zhifa.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * docs/agency-setup.md, as a new administrator follows it: an empty PostgreSQL 16, the role and database made by the
 * document's SQL, the application started as a process of its own in the prod profile with the document's
 * environment, then the agency, the staff file and the first case, all taken from the document.
 */
class AgencyWalkthroughTest {

    private static final Path GUIDE = Path.of("docs/agency-setup.md");
    private static final String STARTED = "Started ZhifaApplication";

    @TempDir static Path workDir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static Process application;
    private static final List<Path> LOGS = new ArrayList<>();
    private static int port;
    private static String admin;

    @BeforeAll
    static void startFromNothing() throws Exception {
        String guide = Files.readString(GUIDE);
        postgres = EmbeddedPostgres.start();
        Map<String, String> environment = new LinkedHashMap<>(exports(block(guide, "database")));
        environment.putAll(exports(block(guide, "environment")));
        createRolesAndDatabase(block(guide, "database"), environment);

        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod").containsKeys("ZHIFA_DB_URL",
                "ZHIFA_DB_USER", "ZHIFA_DB_PASSWORD", "ZHIFA_DB_MIGRATION_USER", "ZHIFA_DB_MIGRATION_PASSWORD",
                "ZHIFA_ADMIN_USER", "ZHIFA_ADMIN_PASSWORD", "ZHIFA_RECORD_KEY", "ZHIFA_RECORD_KEY_ID");
        // only where this machine differs from the document's: ports and folders
        environment.put("ZHIFA_DB_URL", environment.get("ZHIFA_DB_URL")
                .replace("localhost:5432", "localhost:" + postgres.getPort()));
        environment.put("PORT", String.valueOf(freePort()));
        for (String folder : List.of("ZHIFA_RECORD_CHECKPOINT_DIR", "ZHIFA_STORAGE_DIR", "ZHIFA_TEMPLATE_DIR")) {
            assertThat(environment).containsKey(folder);
            environment.put(folder, workDir.resolve(folder.toLowerCase()).toString());
        }
        port = Integer.parseInt(environment.get("PORT"));
        // each java line of the guide, the application's own arguments and JVM options as written; every start but
        // the last (the schema step) is stopped once it has started
        List<String> starts = Pattern.compile("^java .*$", Pattern.MULTILINE).matcher(block(guide, "start"))
                .results().map(MatchResult::group).toList();
        assertThat(starts).hasSizeGreaterThan(1);
        for (int i = 0; i < starts.size(); i++) {
            Process started = start(starts.get(i), environment, "agency-walkthrough-" + (i + 1) + ".log");
            if (i < starts.size() - 1) {
                stop(started);
            } else {
                application = started;
            }
        }
        admin = environment.get("ZHIFA_ADMIN_USER") + ":" + environment.get("ZHIFA_ADMIN_PASSWORD");
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (application != null) {
            stop(application);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void fromAnEmptyPostgresToAFirstCase() throws Exception {
        String guide = Files.readString(GUIDE);
        assertThat(call(admin, "GET", "/api/admin/agencies", null).body()).as("nothing seeded in prod").isEmpty();
        assertThat(call(admin, "GET", "/engine-rest/user?id=zhangwei", null).body()).as("no demo users").isEmpty();

        Answer agency = call(admin, "POST", "/api/admin/agencies", block(guide, "agency"));
        assertThat(agency.status()).as(agency.body().toString()).isEqualTo(HttpStatus.CREATED);
        String agencyId = agency.body().get("id").asText();

        try (Workbook template = WorkbookFactory.create(new ByteArrayInputStream(
                download(admin, "/api/admin/staff-import/template.xlsx")))) {
            assertThat(template.getSheet("人员")).isNotNull();
        }
        Answer imported = upload(admin, "/api/admin/agencies/" + agencyId + "/staff-import",
                block(guide, "staff").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(SetupClient.field(imported.body().get("unitsCreated"), "id"))
                .containsExactly(agencyId + "-handling-1", agencyId + "-legal-1", agencyId + "-leadership-1");
        Map<String, String> passwords = new LinkedHashMap<>();
        imported.body().get("staffCreated").forEach(member -> passwords.put(member.get("userId").asText(),
                member.get("initialPassword").asText()));

        String caseJson = block(guide, "case");
        String officer = JSON.readTree(caseJson).at("/officers/0/userId").asText();
        Answer registered = call(officer + ":" + passwords.get(officer), "POST", "/api/cases", caseJson);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.body().get("agencyId").asText()).isEqualTo(agencyId);
        assertThat(registered.body().get("handlingUnitId").asText()).isEqualTo(agencyId + "-handling-1");
        assertThat(registered.body().get("stage").asText()).isEqualTo("CLUE");

        // the head the file makes agency administrator administers this agency only
        String head = passwords.keySet().stream().filter(id -> id.contains("zhaoqiang")).findFirst().orElseThrow();
        assertThat(SetupClient.ids(call(head + ":" + passwords.get(head), "GET", "/api/admin/agencies", null).body()))
                .containsExactly(agencyId);

        // Flyway ran as the migration role, the engine as the application's role: each owns its own tables
        JdbcClient database = JdbcClient.create(postgres.getDatabase("postgres", "zhifa"));
        assertThat(database.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename LIKE 'act\\_%'").query(String.class).list()).containsExactly("zhifa_app");
        assertThat(database.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename NOT LIKE 'act\\_%'").query(String.class).list()).containsExactly("zhifa_migration");
        assertThat(database.sql("SELECT agency_id FROM case_file").query(String.class).list())
                .containsExactly(agencyId);
        for (Path log : LOGS) {
            assertThat(Files.readAllLines(log).stream().filter(line -> line.contains(" ERROR ")).toList())
                    .as("ERROR lines in " + log).isEmpty();
        }
    }

    record Answer(HttpStatus status, JsonNode body) {
    }

    private static Answer call(String credentials, String method, String path, String json) throws IOException {
        RestClient.RequestBodySpec request = client().method(HttpMethod.valueOf(method))
                .uri(path).header(HttpHeaders.AUTHORIZATION, basic(credentials));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return answer(request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class));
    }

    private static Answer upload(String credentials, String path, byte[] file) throws IOException {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "staff.csv";
            }
        });
        return answer(client().post().uri(path).header(HttpHeaders.AUTHORIZATION, basic(credentials))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve()
                .onStatus(status -> true, (req, res) -> { }).toEntity(String.class));
    }

    private static byte[] download(String credentials, String path) {
        return client().get().uri(path).header(HttpHeaders.AUTHORIZATION, basic(credentials)).retrieve()
                .body(byte[].class);
    }

    private static RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory()).build();
    }

    private static Answer answer(ResponseEntity<String> response) throws IOException {
        String body = response.getBody();
        return new Answer(HttpStatus.valueOf(response.getStatusCode().value()),
                body == null ? JSON.createObjectNode() : JSON.readTree(body));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The fenced block after {@code <!-- walkthrough:name -->}. */
    static String block(String guide, String name) {
        Matcher matcher = Pattern.compile("<!-- walkthrough:" + name + " -->\\s*```\\w*\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(guide);
        assertThat(matcher.find()).as("block " + name + " in " + GUIDE).isTrue();
        return matcher.group(1);
    }

    /** {@code export NAME=value} lines, quotes removed; {@code $(openssl rand -base64 N)} as openssl would. */
    static Map<String, String> exports(String block) {
        Map<String, String> exports = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("^export (\\w+)=(.*)$", Pattern.MULTILINE).matcher(block);
        while (matcher.find()) {
            String value = matcher.group(2).replaceAll("^'(.*)'$", "$1");
            Matcher random = Pattern.compile("\"\\$\\(openssl rand -base64 (\\d+)\\)\"").matcher(value);
            if (random.matches()) {
                byte[] key = new byte[Integer.parseInt(random.group(1))];
                new SecureRandom().nextBytes(key);
                value = Base64.getEncoder().encodeToString(key);
            }
            exports.put(matcher.group(1), value);
        }
        return exports;
    }

    /**
     * The psql here-document, run as the superuser: its {@code :'name'} variables filled from the environment
     * variables the command line passes ({@code -v name="$VARIABLE"}), {@code \connect} switching the database.
     */
    private static void createRolesAndDatabase(String block, Map<String, String> environment) throws SQLException {
        Matcher sql = Pattern.compile("<<'SQL'\\n(.*?)\\nSQL", Pattern.DOTALL).matcher(block);
        assertThat(sql.find()).isTrue();
        String script = sql.group(1);
        Matcher variable = Pattern.compile("-v (\\w+)=\"\\$(\\w+)\"").matcher(block);
        while (variable.find()) {
            String value = environment.get(variable.group(2));
            script = script.replace(":'" + variable.group(1) + "'", "'" + value.replace("'", "''") + "'");
        }
        assertThat(script).doesNotContain(":'");
        String database = "postgres";
        StringBuilder command = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("\\connect ")) {
                database = line.substring("\\connect ".length()).strip();
                continue;
            }
            command.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", database));
                        Statement statement = connection.createStatement()) {
                    statement.execute(command.toString());
                }
                command.setLength(0);
            }
        }
        assertThat(command.toString()).isBlank();
    }

    /**
     * The application as its own process, as the guide's {@code java … -jar … args} line starts it but from the
     * build's classes and libraries; waits until it has started.
     */
    private static Process start(String commandLine, Map<String, String> environment, String logName) throws Exception {
        Matcher command = Pattern.compile("^java((?: -\\S+)*) -jar \\S+((?: --\\S+)*)$").matcher(commandLine.strip());
        assertThat(command.matches()).as(commandLine).isTrue();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> arguments = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m", "-Dfile.encoding=UTF-8"));
        arguments.addAll(words(command.group(1)));
        arguments.addAll(List.of("-cp", classpath, "cn.zhifa.ZhifaApplication"));
        arguments.addAll(words(command.group(2)));
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = Path.of("target", logName);
        LOGS.add(log);
        Process process = builder.start();
        // should the test JVM end early, the application ends with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    file.println(line);
                    file.flush();
                    if (line.contains(STARTED)) {
                        started.complete(null);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("the application stopped; see " + log));
        }, "walkthrough-log");
        reader.setDaemon(true);
        reader.start();
        started.get(5, TimeUnit.MINUTES);
        return process;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package cn.zhifa.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8 §11: a refusal is the user's mistake, not a server error. Each refused call, whichever way it reaches the
 * engine (a start listener, a task listener wrapped by the engine, a completion wrapped once more by the REST layer)
 * or the API, Tasklist's own engine API included, leaves exactly one WARN line with its code and user, and neither an ERROR nor a stack trace.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingTest {

    @Autowired TestRestTemplate rest;
    @Autowired LegalReviewDriver driver;
    @LocalServerPort int port;

    long caseId;

    @BeforeEach
    void setUp() {
        LegalReviewDriver.clockAt("2026-09-30T10:00:00");
        caseId = driver.registerCase();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** The log lines written while {@code call} ran. */
    static List<String> linesOf(CapturedOutput output, Supplier<ResponseEntity<?>> call, HttpStatus expected) {
        int from = output.getAll().length();
        assertThat(call.get().getStatusCode()).isEqualTo(expected);
        return Arrays.stream(output.getAll().substring(from).split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    static void assertOneWarning(List<String> lines, String code, String user) {
        assertThat(lines.stream().filter(line -> line.contains(" WARN ")))
                .singleElement().asString().contains(code).contains("for " + user + " ");
        assertThat(lines).noneMatch(line -> line.contains(" ERROR ")).noneMatch(line -> line.startsWith("\tat "))
                .noneMatch(line -> line.contains("ENGINE-16004"));
    }

    ResponseEntity<?> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, "test-secret").postForEntity(path, body, String.class);
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
                "type", value instanceof Long ? "Long" : "String")));
        return typed;
    }

    @Test
    void aStartRefusedByAListenerLogsOneWarning(CapturedOutput output) {
        Map<String, Object> incomplete = LegalReviewDriver.submission(caseId);
        incomplete.remove(LegalReviewVariables.BASIC_FACTS);

        List<String> lines = linesOf(output, () -> post("zhangwei",
                "/engine-rest/process-definition/key/legal-review/start", Map.of("variables", typed(incomplete))),
                HttpStatus.UNPROCESSABLE_ENTITY);

        assertOneWarning(lines, "SUBMISSION_INCOMPLETE", "zhangwei");
    }

    @Test
    void aClaimAndACompletionRefusedInsideTheEngineLogOneWarningEach(CapturedOutput output) {
        ProcessInstance review = driver.submit("zhangwei", LegalReviewDriver.submission(caseId));
        String intake = driver.task(review, "Task_ReviewIntake").getId();

        assertOneWarning(linesOf(output, () -> post("qianlei", "/engine-rest/task/" + intake + "/claim",
                Map.of("userId", "qianlei")), HttpStatus.UNPROCESSABLE_ENTITY), "REVIEWER_NOT_QUALIFIED", "qianlei");

        post("zhaomin", "/engine-rest/task/" + intake + "/claim", Map.of("userId", "zhaomin"));
        assertOneWarning(linesOf(output, () -> post("zhaomin", "/engine-rest/task/" + intake + "/complete",
                Map.of("variables", typed(Map.of(LegalReviewVariables.INTAKE_OUTCOME, "RETURN")))),
                HttpStatus.UNPROCESSABLE_ENTITY), "FIELD_REQUIRED", "zhaomin");
    }

    @Test
    void aRefusalInTasklistsOwnEngineApiLogsOneWarningWithTheSessionUser(CapturedOutput output) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        String tasklist = base + "/camunda/app/tasklist/default/";
        client.send(HttpRequest.newBuilder(URI.create(tasklist)).build(), HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", tasklist)
                .header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=zhangwei&password=test-secret")).build(),
                HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/process-definition"))
                .header("Referer", tasklist).build(), HttpResponse.BodyHandlers.discarding());
        String incomplete = "{\"variables\":{\"caseRef\":{\"value\":\"" + caseId + "\",\"type\":\"String\"}}}";
        int from = output.getAll().length();

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(
                        base + "/camunda/api/engine/engine/default/process-definition/key/legal-review/submit-form"))
                .header("Content-Type", "application/json").header("Referer", tasklist)
                .header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(incomplete)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertOneWarning(Arrays.stream(output.getAll().substring(from).split("\\R")).toList(),
                "SUBMISSION_INCOMPLETE", "zhangwei");
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void aRefusalOfTheApiLogsOneWarning(CapturedOutput output) {
        List<String> lines = linesOf(output, () -> rest.withBasicAuth("wangqiang", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record", String.class), HttpStatus.NOT_FOUND);

        assertOneWarning(lines, "CASE_NOT_FOUND", "wangqiang");
    }
}

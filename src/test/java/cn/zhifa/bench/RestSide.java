package cn.zhifa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The project's engine over HTTP: start, claim and complete as Tasklist sends them to /engine-rest, each user with
 * a client of their own that keeps its session cookie as the browser does. Finding the task is not timed, nor are
 * the uploads a case needs (set-up).
 */
final class RestSide implements Side {

    private final EngineSide direct;
    private final String baseUrl;
    private final String password;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    RestSide(EngineSide direct, int port, String password) {
        this.direct = direct;
        this.baseUrl = "http://localhost:" + port;
        this.password = password;
    }

    @Override
    public String name() {
        return "project /engine-rest";
    }

    @Override
    public boolean bare() {
        return false;
    }

    @Override
    public ProcessEngine engine() {
        return direct.engine();
    }

    @Override
    public StatementCounter statements() {
        return direct.statements();
    }

    @Override
    public long registerCase() {
        return direct.registerCase();
    }

    /** Set-up, as on the services side (the upload over HTTP is not what is measured). */
    @Override
    public String attach(long caseId, String description) {
        return direct.attach(caseId, description);
    }

    @Override
    public String start(String user, String processKey, Map<String, Object> variables) {
        Map<?, ?> answer = post(user, "/engine-rest/process-definition/key/" + processKey + "/start",
                Map.of("variables", typed(variables)));
        return (String) answer.get("id");
    }

    @Override
    public void claim(String user, String taskId) {
        post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    }

    @Override
    public void complete(String user, String taskId, Map<String, Object> variables) {
        post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
    }

    private static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
                "type", value instanceof Long ? "Long" : value instanceof Boolean ? "Boolean" : "String")));
        return typed;
    }

    private Map<?, ?> post(String user, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = client(user).send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? Map.of() : json.readValue(response.body(), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpClient client(String user) {
        return clients.computeIfAbsent(user, u -> HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    /** GET as the user, for the query workload; answers the body. */
    String get(String user, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .GET().build();
            HttpResponse<String> response = client(user).send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

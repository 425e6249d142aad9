package cn.zhifa.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients' way in, as a load balancer would spread them: each call goes to the next node that is not marked
 * down (the balancer's health check). A call that could not connect never reached a server and is sent to the other
 * node; any other failure is the caller's to judge (a write may or may not have happened).
 */
final class Http {

    /** A call's answer, or the cause it failed with (status 0). */
    record Answer(String node, int status, String body, String cause) {

        boolean ok() {
            return cause == null;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<Node> nodes;
    private final Ledger ledger;
    private final String password;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    final java.util.Set<String> down = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Http(List<Node> nodes, Ledger ledger, String password) {
        this.nodes = nodes;
        this.ledger = ledger;
        this.password = password;
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder().GET(), path, null);
    }

    Answer post(String user, String path, Object json) {
        return send(user, HttpRequest.newBuilder().POST(body(json)), path, "application/json");
    }

    Answer put(String user, String path, Object json) {
        return send(user, HttpRequest.newBuilder().PUT(body(json)), path, "application/json");
    }

    /** A multipart/form-data upload of one file and plain fields. */
    Answer upload(String user, String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----zhifa-harness-" + System.nanoTime();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(user, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
                path, "multipart/form-data; boundary=" + boundary);
    }

    private static HttpRequest.BodyPublisher body(Object json) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(String user, HttpRequest.Builder builder, String path, String contentType) {
        Answer answer = null;
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int attempt = 0; attempt < nodes.size() * 2; attempt++) {
            Node node = pick();
            HttpRequest request = builder.copy().uri(URI.create(node.baseUrl() + path)).timeout(TIMEOUT)
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .build();
            ledger.request();
            answer = send(node, request);
            if (!ok(answer)) {
                ledger.failure(answer.cause());
            }
            if (answer.cause() == null || !answer.cause().startsWith("connection refused")) {
                return answer;
            }
            sleep(200);
        }
        return answer;
    }

    private static boolean ok(Answer answer) {
        return answer.cause() == null;
    }

    private Answer send(Node node, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String cause = status < 400 ? null : status >= 500 ? "HTTP " + status : "HTTP " + status + " "
                    + code(response.body());
            return new Answer(node.name, status, response.body(), cause);
        } catch (ConnectException e) {
            return new Answer(node.name, 0, null, "connection refused (node down)");
        } catch (HttpTimeoutException e) {
            return new Answer(node.name, 0, null, "timeout (" + TIMEOUT.toSeconds() + " s)");
        } catch (IOException e) {
            return new Answer(node.name, 0, null, "connection lost mid-request (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(node.name, 0, null, "interrupted");
        }
    }

    /** The stable code of a refusal (our ZhifaException, or Camunda's type), so causes group. */
    private static String code(String body) {
        try {
            Map<?, ?> map = JSON.readValue(body, Map.class);
            Object code = map.get("code") != null ? map.get("code") : map.get("type");
            return code == null ? "" : String.valueOf(code);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private Node pick() {
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
            if (!down.contains(node.name)) {
                return node;
            }
        }
        return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Answer answer) {
        try {
            return JSON.readValue(answer.body(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON object from " + answer.node() + ": " + answer.body(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Answer answer) {
        try {
            return JSON.readValue(answer.body(), List.class);
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON list from " + answer.node() + ": " + answer.body(), e);
        }
    }
}

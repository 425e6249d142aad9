package cn.zhifa.boundary;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** A browser session of Tasklist or Cockpit: the webapp's session cookie and CSRF token, as the app sends them. */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private final String page;

    private WebappSession(int port, String app) {
        this.base = "http://localhost:" + port;
        this.page = base + "/camunda/app/" + app + "/default/";
    }

    /** Opened the app's page (which hands out the CSRF token) without logging in. */
    public static WebappSession anonymous(int port, String app) throws IOException, InterruptedException {
        WebappSession session = new WebappSession(port, app);
        session.client.send(HttpRequest.newBuilder(URI.create(session.page)).build(),
                HttpResponse.BodyHandlers.discarding());
        return session;
    }

    public static WebappSession logIn(int port, String app, String user, String password)
            throws IOException, InterruptedException {
        WebappSession session = anonymous(port, app);
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(
                        URI.create(session.base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + login.statusCode());
        }
        // the login starts a new session; its CSRF token comes with the next read, as in the app
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/engine/engine/default/filter")));
        return session;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A deployment as Cockpit and Modeler post it: its name and one file. */
    HttpResponse<String> postMultipart(String path, String deploymentName, String fileName, String content)
            throws IOException, InterruptedException {
        String boundary = UUID.randomUUID().toString();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** As a foreign page would send it with the session cookie: without the webapp's CSRF token. */
    public HttpResponse<String> postJsonWithoutCsrfToken(String path, String json)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.header("Referer", page);
        xsrf().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Optional<String> xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, second) -> second);
    }
}

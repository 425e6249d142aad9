package cn.zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8 §9: behind a TLS proxy (X-Forwarded-Proto: https from a trusted address) cookies are Secure and HSTS is
 * sent, on /api and on the webapps; every response carries a referrer policy; plain HTTP (a local demo) keeps working.
 */
@ApplicationTest
class TransportSecurityTest {

    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    final HttpClient client = HttpClient.newHttpClient();

    ResponseEntity<String> me(boolean behindTls) {
        HttpHeaders headers = new HttpHeaders();
        if (behindTls) {
            headers.set("X-Forwarded-Proto", "https");
        }
        return rest.withBasicAuth("zhangwei", "test-secret").exchange("/api/me", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    HttpResponse<String> webapp(HttpRequest.Builder request, boolean behindTls) throws Exception {
        if (behindTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> cookies(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
    }

    @Test
    void shouldSendHstsAndTheReferrerPolicyOnTheApiBehindTls() {
        ResponseEntity<String> response = me(true);

        assertThat(response.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void shouldSendOnlyTheReferrerPolicyOverPlainHttp() {
        ResponseEntity<String> response = me(false);

        assertThat(response.getHeaders().containsKey("Strict-Transport-Security")).isFalse();
        assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void shouldMarkTheWebappCookiesSecureBehindTls() throws Exception {
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        HttpResponse<String> page = webapp(HttpRequest.newBuilder(URI.create(tasklist)), true);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        List<String> xsrf = cookies(page, "XSRF-TOKEN");
        assertThat(xsrf).isNotEmpty().allMatch(c -> c.contains("; Secure"));

        String cookie = page.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        HttpResponse<String> login = webapp(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", "https://localhost/camunda/app/tasklist/default/").header("Cookie", cookie)
                .header("X-XSRF-TOKEN", xsrf.get(0).substring("XSRF-TOKEN=".length(), xsrf.get(0).indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("username=zhangwei&password=test-secret")), true);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(cookies(login, "JSESSIONID")).isNotEmpty().allMatch(c -> c.contains("Secure"));
    }

    @Test
    void shouldKeepWebappCookiesUsableOverPlainHttp() throws Exception {
        HttpResponse<String> page = webapp(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/camunda/app/tasklist/default/")), false);

        assertThat(cookies(page, "XSRF-TOKEN")).isNotEmpty().noneMatch(c -> c.contains("Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }
}

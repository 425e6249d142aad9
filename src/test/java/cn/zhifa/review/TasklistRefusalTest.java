package cn.zhifa.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist's own engine API (session login, CSRF) answers a refusal with 422 and the Chinese message. */
@ApplicationTest
class TasklistRefusalTest {

    @LocalServerPort int port;
    @Autowired LegalReviewDriver driver;

    @Test
    void shouldShowTheRefusalOfAnIncompleteStartFormInTasklist() throws Exception {
        long caseId = driver.registerCase();
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        String tasklist = base + "/camunda/app/tasklist/default/";
        client.send(HttpRequest.newBuilder(URI.create(tasklist)).build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", tasklist)
                .header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=zhangwei&password=test-secret")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        // the login starts a new session; its CSRF token comes with the next read, as in Tasklist
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/process-definition"))
                .header("Referer", tasklist).build(), HttpResponse.BodyHandlers.discarding());

        String incomplete = "{\"variables\":{\"caseRef\":{\"value\":\"" + caseId + "\",\"type\":\"String\"},"
                + "\"decisionTitle\":{\"value\":\"罚款\",\"type\":\"String\"}}}";
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(
                        base + "/camunda/api/engine/engine/default/process-definition/key/legal-review/submit-form"))
                .header("Content-Type", "application/json").header("Referer", tasklist)
                .header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(incomplete)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("\"code\":\"SUBMISSION_INCOMPLETE\"").contains("基本事实");
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, second) -> second).orElseThrow();
    }
}

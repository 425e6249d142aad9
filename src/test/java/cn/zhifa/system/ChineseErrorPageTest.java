package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Browsers get the Chinese error page, never Spring's Whitelabel; API clients keep their JSON. */
@ApplicationTest
class ChineseErrorPageTest {

    @Autowired TestRestTemplate http;
    @LocalServerPort int port;

    @Test
    void shouldAnswerAReviewerOpeningCockpitWithTheChinese403Page() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        String tasklist = base + "/camunda/app/tasklist/default/";
        browser.send(HttpRequest.newBuilder(URI.create(tasklist)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", tasklist)
                .header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((a, b) -> b).orElseThrow().getValue())
                .POST(HttpRequest.BodyPublishers.ofString("username=zhaomin&password=test-secret")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(200);

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/"))
                .header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("您没有权限查看此页面", "错误代码 403").doesNotContain("Whitelabel");
    }

    @Test
    void shouldRenderEveryStatusInChinese() {
        ChineseErrorPage pages = new ChineseErrorPage();

        assertThat(pages.render(HttpStatus.NOT_FOUND)).contains("页面不存在", "错误代码 404");
        assertThat(pages.render(HttpStatus.INTERNAL_SERVER_ERROR)).contains("系统暂时出错", "错误代码 500");
        assertThat(pages.render(HttpStatus.UNAUTHORIZED)).contains("请先登录");
        assertThat(pages.render(HttpStatus.BAD_REQUEST)).contains("无法处理此请求").doesNotContain("{{");
    }

    @Test
    void shouldKeepJsonForApiClients() {
        ResponseEntity<String> answer = http.getForEntity("/engine-rest/task", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody()).doesNotContain("<html");
    }
}

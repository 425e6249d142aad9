package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Browsers get the Chinese error page, never Spring's Whitelabel; API clients keep their JSON. */
@ApplicationTest
class ChineseErrorPageTest {

    @Autowired TestRestTemplate http;

    @Test
    void shouldAnswerABrowserWithoutCockpitAccessWithTheChinese403Page() {
        ResponseEntity<String> page = asBrowser("/camunda/app/cockpit/default/");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("您没有权限查看此页面", "错误代码 403").doesNotContain("Whitelabel");
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

    private ResponseEntity<String> asBrowser(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}

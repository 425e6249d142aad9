package cn.zhifa.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Our Tasklist and Cockpit plugins are declared in config.js and served where the bootstraps import them. */
@ApplicationTest
class ZhifaPluginsHttpTest {

    @Autowired TestRestTemplate http;

    @Test
    void tasklistLoadsTheWorklistPlugins() {
        assertThat(get("/camunda/app/tasklist/scripts/config.js")).contains("'scripts/zhifa-tasklist.js'");
        assertThat(get("/camunda/app/tasklist/scripts/zhifa-tasklist.js"))
                .contains("pluginPoint: 'tasklist.card'")
                .contains("pluginPoint: 'tasklist.task.detail'")
                .contains("pluginPoint: 'tasklist.navbar.action'")
                .contains("label: '案卷'")
                .contains("/api/worklist/tasks?ids=")
                .contains("/api/cases?q=")
                .contains("export default [taskCardPlugin, caseFileTab, navbarActions];");
    }

    @Test
    void cockpitLoadsTheSupervisionDashboard() {
        assertThat(get("/camunda/app/cockpit/scripts/config.js")).contains("customScripts: ['scripts/zhifa-cockpit.js']");
        assertThat(get("/camunda/app/cockpit/scripts/zhifa-cockpit.js"))
                .contains("pluginPoint: 'cockpit.dashboard'")
                .contains("/api/supervision/overview")
                .doesNotContain("https://", "cdn.");
    }

    private String get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}

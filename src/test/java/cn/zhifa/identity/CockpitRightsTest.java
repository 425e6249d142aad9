package cn.zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Cockpit's Human Tasks page counts tasks by candidate group; the engine answers that only to READ on every task.
 * Supervisors and heads, who watch in Cockpit, have it; officers do not (and have no Cockpit).
 */
@ApplicationTest
class CockpitRightsTest {

    private static final String REPORT = "/engine-rest/task/report/candidate-group-count";

    @Autowired TestRestTemplate http;

    @Test
    void shouldLetSupervisorAndHeadsReadTheHumanTasksReport() {
        for (String watcher : new String[] {"zhenghua", "chengang"}) {
            assertThat(http.withBasicAuth(watcher, "test-secret").getForEntity(REPORT, String.class).getStatusCode())
                    .as(watcher).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void shouldRefuseTheReportToOfficers() {
        assertThat(http.withBasicAuth("zhangwei", "test-secret").getForEntity(REPORT, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}

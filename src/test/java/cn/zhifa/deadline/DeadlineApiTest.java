package cn.zhifa.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class DeadlineApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired DeadlineService deadlines;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldListTheCatalogueOfTheDefaultRuleSet() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("zhangwei", "test-secret")
                .getForEntity("/api/deadlines", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("ruleSet").asText()).isEqualTo("default");
        JsonNode review = null;
        for (JsonNode entry : body.get("entries")) {
            if (entry.get("id").asText().equals("LEGAL_REVIEW")) {
                review = entry;
            }
        }
        assertThat(review).isNotNull();
        assertThat(review.get("name").asText()).isEqualTo("法制审核期限");
        assertThat(review.get("amount").asInt()).isEqualTo(3);
        assertThat(review.get("unit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(review.get("clockStart").get("variable").asText()).isEqualTo("materialsReceivedAt");
        assertThat(review.get("extension").get("approverGroup").asText()).isEqualTo("agency-head");
        assertThat(review.get("reminder").get("at").asText()).isEqualTo("09:00");
        assertThat(body.get("entries").size()).isGreaterThanOrEqualTo(18);
    }

    @Test
    void shouldExposeTheDeadlinesBeanForBpmnExpressions() {
        assertThat(context.getBean("deadlines")).isInstanceOf(Deadlines.class);
    }

    // loading a year through the API recomputes the provisional deadlines that touch it
    @Test
    void shouldRecomputeProvisionalDeadlinesWhenAnAdministratorLoadsTheYear() {
        RunningDeadline provisional = deadlines.track("pi-calendar-2033", "case-2033", "LEGAL_REVIEW",
                at("2032-12-31T10:00:00+08:00"));
        try {
            // Mon 2033-01-03 (assumed working), Tue 01-04, Wed 01-05
            assertThat(provisional.provisional()).isTrue();
            assertThat(provisional.dueAt()).isEqualTo(at("2033-01-05T23:59:59+08:00"));

            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            String year = """
                    {"year": 2033, "notice": {"title": "国务院办公厅关于2033年部分节假日安排的通知"},
                     "holidays": [{"date":"2033-01-01","name":"元旦"}, {"date":"2033-01-02","name":"元旦"},
                                  {"date":"2033-01-03","name":"元旦"}],
                     "workdays": []}""";
            ResponseEntity<JsonNode> response = rest.withBasicAuth("admin", "test-secret").exchange(
                    "/api/calendar/years/2033", HttpMethod.PUT, new HttpEntity<>(year, headers), JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);

            RunningDeadline recomputed = deadlines.find("pi-calendar-2033", "LEGAL_REVIEW").orElseThrow();
            assertThat(recomputed.provisional()).isFalse();
            // 01-03 is now 元旦: Tue 01-04, Wed 01-05, Thu 01-06
            assertThat(recomputed.dueAt()).isEqualTo(at("2033-01-06T23:59:59+08:00"));
        } finally {
            jdbc.sql("DELETE FROM running_deadline WHERE process_instance_id = 'pi-calendar-2033'").update();
            jdbc.sql("DELETE FROM calendar_day WHERE cal_year = 2033").update();
            jdbc.sql("DELETE FROM calendar_year WHERE cal_year = 2033").update();
        }
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}

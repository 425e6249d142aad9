package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8 §8: a holiday file whose texts are longer than their columns (V2__calendar.sql) or cannot be stored is bad
 * input (400, nothing stored), whatever content type it is sent with.
 */
@ApplicationTest
class CalendarInputTest {

    private static final int YEAR = 2034;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    ResponseEntity<JsonNode> put(String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return rest.withBasicAuth("admin", "test-secret").exchange("/api/calendar/years/" + YEAR, HttpMethod.PUT,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    static String year(String title, String holidayName) {
        return """
                {"year": %d, "notice": {"title": "%s"},
                 "holidays": [{"date":"%d-01-01","name":"%s"}], "workdays": []}"""
                .formatted(YEAR, title, YEAR, holidayName);
    }

    long storedYears() {
        return jdbc.sql("SELECT COUNT(*) FROM calendar_year WHERE cal_year = ?").param(YEAR).query(Long.class).single();
    }

    @Test
    void shouldRefuseANoticeTitleLongerThanItsColumn() {
        ResponseEntity<JsonNode> response = put(year("通".repeat(301), "元旦"), MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("TEXT_TOO_LONG");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("notice.title");
        assertThat(storedYears()).isZero();
    }

    @Test
    void shouldRefuseAHolidayNameWithAControlCharacterSentAsPlainText() {
        ResponseEntity<JsonNode> response = put(year("国务院办公厅关于2034年部分节假日安排的通知", "元\\u0000旦"),
                MediaType.TEXT_PLAIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("TEXT_MALFORMED");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("holidays[0].name");
        assertThat(storedYears()).isZero();
    }
}

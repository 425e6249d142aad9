package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class CalendarApiTest {

    // a year nobody else's tests use, so the shared context stays as shipped for 2024-2026
    private static final int TEST_YEAR = 2031;

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper objectMapper;
    @Autowired JdbcClient jdbc;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "test-secret");
    }

    private ResponseEntity<JsonNode> get(String url) {
        return as("zhangwei").getForEntity(url, JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String user, int year, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange("/api/calendar/years/" + year, HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    @Test
    void shouldAnswerTheDueDateInTheFixedShape() throws Exception {
        ResponseEntity<String> response = as("zhangwei")
                .getForEntity("/api/calendar/due?from=2025-09-26&amount=5&unit=WORKING_DAYS", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(objectMapper.readTree(response.getBody())).isEqualTo(objectMapper.readTree(
                "{\"from\":\"2025-09-26\",\"amount\":5,\"unit\":\"WORKING_DAYS\",\"due\":\"2025-10-10\",\"provisional\":false}"));
    }

    @Test
    void shouldApplyThePartyFavourableSwitchAndRollCalendarDays() {
        assertThat(get("/api/calendar/due?from=2025-09-26&amount=5&unit=WORKING_DAYS&partyFavourable=true").getBody()
                .get("due").asText()).isEqualTo("2025-10-13");
        assertThat(get("/api/calendar/due?from=2025-09-16&amount=15&unit=CALENDAR_DAYS").getBody().get("due").asText())
                .isEqualTo("2025-10-09");
        assertThat(get("/api/calendar/due?from=2025-08-31&amount=3&unit=MONTHS").getBody().get("due").asText())
                .isEqualTo("2025-12-01");
    }

    @Test
    void shouldMarkADueDateInAYearWithoutDataProvisional() {
        JsonNode body = get("/api/calendar/due?from=2035-12-30&amount=3&unit=WORKING_DAYS").getBody();
        assertThat(body.get("provisional").asBoolean()).isTrue();
        assertThat(body.get("due").asText()).isEqualTo("2036-01-02");
    }

    @Test
    void shouldRequireLogin() {
        assertThat(rest.getForEntity("/api/calendar/due?from=2025-09-26&amount=5&unit=WORKING_DAYS", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "from=2025-09-26&amount=5&unit=WEEKS | CALENDAR_UNIT_INVALID",
            "from=2025-09-26&amount=5&unit=HOURS | CALENDAR_UNIT_INVALID",
            "from=2025-09-26&amount=5 | CALENDAR_UNIT_INVALID",
            "from=2025-09-26&amount=-1&unit=WORKING_DAYS | CALENDAR_AMOUNT_INVALID",
            "from=2025-09-26&amount=100000&unit=CALENDAR_DAYS | CALENDAR_AMOUNT_INVALID",
            "from=2025-09-26&amount=五&unit=WORKING_DAYS | CALENDAR_AMOUNT_INVALID",
            "from=2025-02-30&amount=5&unit=WORKING_DAYS | CALENDAR_DATE_INVALID",
            "from=26.09.2025&amount=5&unit=WORKING_DAYS | CALENDAR_DATE_INVALID",
            "amount=5&unit=WORKING_DAYS | CALENDAR_DATE_INVALID",
            "from=1990-01-01&amount=5&unit=WORKING_DAYS | CALENDAR_YEAR_OUT_OF_RANGE",
            "from=2100-12-01&amount=3&unit=MONTHS | CALENDAR_YEAR_OUT_OF_RANGE",
            "from=2025-09-26&amount=5&unit=WORKING_DAYS&partyFavourable=yes | CALENDAR_PARTY_FAVOURABLE_INVALID",
    })
    void shouldRefuseBadInputWithAStableCodeAndAChineseDetail(String query, String code) {
        ResponseEntity<JsonNode> response = get("/api/calendar/due?" + query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("detail").asText()).containsPattern("\\p{IsHan}");
    }

    @Nested
    class Years {

        @Test
        void shouldListTheShippedHolidaysAndWorkingWeekendsOf2025() {
            JsonNode body = get("/api/calendar/years/2025").getBody();
            assertThat(body.get("notice").get("number").asText()).isEqualTo("国办发明电〔2024〕12号");
            assertThat(body.get("holidays")).hasSize(28);
            assertThat(body.get("workdays").findValuesAsText("date"))
                    .containsExactly("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
        }

        @Test
        void shouldAnswerNotFoundForAYearWithoutDataAndBadRequestOutOfRange() {
            assertThat(get("/api/calendar/years/2040").getBody().get("code").asText())
                    .isEqualTo("CALENDAR_YEAR_NOT_LOADED");
            assertThat(get("/api/calendar/years/1850").getBody().get("code").asText())
                    .isEqualTo("CALENDAR_YEAR_OUT_OF_RANGE");
            assertThat(get("/api/calendar/years/abc").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        }

        @Test
        void shouldRefuseANonAdministrator() {
            ResponseEntity<JsonNode> response = put("zhenghua", TEST_YEAR, validYear(TEST_YEAR, "2031-01-04"));
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody().get("code").asText()).isEqualTo("CALENDAR_ADMIN_ONLY");
            assertThat(storedDays(TEST_YEAR)).isZero();
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', value = {
                "{\"date\":\"2032-01-01\",\"name\":\"元旦\"} | CALENDAR_DATE_OUTSIDE_YEAR",
                "{\"date\":\"2031-01-01\",\"name\":\"元旦\"} | CALENDAR_DATE_DUPLICATE",
                "{\"date\":\"2031-01-03\",\"name\":\"元旦\"} | CALENDAR_DATE_CONFLICT",
        })
        void shouldRefuseABadFileWholeAndStoreNothing(String extraHoliday, String code) {
            String body = """
                    {"year": 2031, "notice": {"title": "测试通知"},
                     "holidays": [{"date":"2031-01-01","name":"元旦"}, %s],
                     "workdays": [{"date":"2031-01-03","name":"元旦"}]}""".formatted(extraHoliday);
            ResponseEntity<JsonNode> response = put("admin", TEST_YEAR, body);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().get("code").asText()).isEqualTo(code);
            assertThat(storedDays(TEST_YEAR)).isZero();
        }

        @Test
        void shouldRefuseAWorkingDayThatIsNotAWeekendAndMalformedFiles() {
            // 2031-01-06 is a Monday
            assertThat(put("admin", TEST_YEAR, validYear(TEST_YEAR, "2031-01-06")).getBody().get("code").asText())
                    .isEqualTo("CALENDAR_WORKDAY_NOT_WEEKEND");
            assertThat(put("admin", TEST_YEAR, "{not json").getBody().get("code").asText())
                    .isEqualTo("CALENDAR_FILE_MALFORMED");
            assertThat(put("admin", TEST_YEAR, validYear(TEST_YEAR, "2031-02-30")).getBody().get("code").asText())
                    .isEqualTo("CALENDAR_FILE_MALFORMED");
            assertThat(put("admin", TEST_YEAR + 1, validYear(TEST_YEAR, "2031-01-04")).getBody().get("code").asText())
                    .isEqualTo("CALENDAR_YEAR_MISMATCH");
            assertThat(storedDays(TEST_YEAR)).isZero();
        }

        @Test
        void shouldLoadAYearAndCountWithItAtOnce() {
            // before: 2031-01-01 (Wed) is assumed a working day
            assertThat(get("/api/calendar/due?from=2030-12-31&amount=1&unit=WORKING_DAYS").getBody().get("due").asText())
                    .isEqualTo("2031-01-01");
            try {
                ResponseEntity<JsonNode> response = put("admin", TEST_YEAR + 1, validYear(TEST_YEAR + 1, "2032-01-04"));
                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                JsonNode due = get("/api/calendar/due?from=2031-12-31&amount=1&unit=WORKING_DAYS").getBody();
                // 2032-01-01 is now a holiday, Fri 01-02 the first working day
                assertThat(due.get("due").asText()).isEqualTo("2032-01-02");
                assertThat(get("/api/calendar/years/" + (TEST_YEAR + 1)).getBody().get("workdays").findValuesAsText("date"))
                        .isEqualTo(List.of("2032-01-04"));
            } finally {
                removeYear(TEST_YEAR + 1);
            }
        }
    }

    private static String validYear(int year, String workday) {
        return """
                {"year": %d, "notice": {"title": "国务院办公厅关于%d年部分节假日安排的通知", "source": "测试"},
                 "holidays": [{"date":"%d-01-01","name":"元旦"}],
                 "workdays": [{"date":"%s","name":"元旦"}]}""".formatted(year, year, year, workday);
    }

    private long storedDays(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM calendar_year WHERE cal_year = ?").param(year).query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM calendar_day WHERE cal_year = ?").param(year).query(Long.class).single();
    }

    private void removeYear(int year) {
        jdbc.sql("DELETE FROM calendar_day WHERE cal_year = ?").param(year).update();
        jdbc.sql("DELETE FROM calendar_year WHERE cal_year = ?").param(year).update();
    }
}

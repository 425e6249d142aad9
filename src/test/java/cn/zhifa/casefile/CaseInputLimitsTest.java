package cn.zhifa.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8 §8: a value longer than its column (V4__casefile.sql), a line break in a one-line field and too many parties
 * or officers are bad input (400 with a stable code and the field), not a server error, and nothing is stored.
 */
@ApplicationTest
class CaseInputLimitsTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    static Map<String, Object> party(String field, String value) {
        Map<String, Object> party = new HashMap<>(Map.of("kind", "INDIVIDUAL", "name", "张三",
                "idNumber", "11010519491231002X", "address", "某县城关镇人民路1号"));
        if (field != null) {
            party.put(field, value);
        }
        return party;
    }

    static Map<String, Object> newCase(String title, List<Map<String, Object>> parties, List<String> officers) {
        List<Map<String, Object>> officerList = new ArrayList<>();
        officers.forEach(o -> officerList.add(Map.of("userId", o)));
        return Map.of("kind", "PENALTY", "title", title, "handlingUnitId", "unit-squad-1", "parties", parties,
                "officers", officerList);
    }

    ResponseEntity<String> register(Object body) {
        return rest.withBasicAuth("zhangwei", "test-secret").postForEntity("/api/cases", body, String.class);
    }

    long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @ParameterizedTest(name = "{0} of {1} characters")
    @CsvSource({"name, 201", "address, 501", "legalRepresentative, 101", "phone, 51", "idNumber, 19"})
    void shouldRefuseAPartyFieldLongerThanItsColumn(String field, int length) throws Exception {
        long cases = rows("case_file");
        long parties = rows("case_party");

        ResponseEntity<String> response = register(newCase("无证经营案", List.of(party(field, "字".repeat(length))),
                List.of("zhangwei", "lina")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("TEXT_TOO_LONG");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("parties[0]." + field);
        assertThat(problem.get("detail").asText()).contains("不得超过" + (length - 1) + "个字符");
        assertThat(rows("case_file")).isEqualTo(cases);
        assertThat(rows("case_party")).isEqualTo(parties);
    }

    @Test
    void shouldAcceptValuesThatFillTheirColumns() {
        Map<String, Object> full = party("address", "址".repeat(500));
        full.put("name", "名".repeat(200));
        full.put("legalRepresentative", "代".repeat(100));
        full.put("phone", "1".repeat(50));

        ResponseEntity<String> response = register(newCase("案".repeat(500), List.of(full), List.of("zhangwei", "lina")));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void shouldRefuseATitleLongerThanItsColumn() throws Exception {
        ResponseEntity<String> response = register(newCase("案".repeat(501), List.of(party(null, null)),
                List.of("zhangwei", "lina")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("title");
    }

    @Test
    void shouldRefuseALineBreakInAOneLineField() throws Exception {
        ResponseEntity<String> response = register(newCase("无证经营案", List.of(party("name", "张\n三")),
                List.of("zhangwei", "lina")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("TEXT_MALFORMED");
        assertThat(problem.get("detail").asText()).contains("parties[0].name").contains("换行");
    }

    @Test
    void shouldRefuseMoreThanFiftyParties() throws Exception {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i <= NewCase.MAX_PARTIES; i++) {
            parties.add(party(null, null));
        }
        long cases = rows("case_file");

        ResponseEntity<String> response = register(newCase("联合经营案", parties, List.of("zhangwei", "lina")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("TOO_MANY_ITEMS");
        assertThat(problem.get("detail").asText()).contains("当事人不得超过50名");
        assertThat(rows("case_file")).isEqualTo(cases);
    }

    @Test
    void shouldRefuseMoreThanTwentyOfficers() throws Exception {
        List<String> officers = new ArrayList<>();
        for (int i = 0; i <= NewCase.MAX_OFFICERS; i++) {
            officers.add("officer" + i);
        }

        ResponseEntity<String> response = register(newCase("无证经营案", List.of(party(null, null)), officers));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains("办案人员不得超过20名");
    }

    @Test
    void shouldRefuseASearchTermLongerThanAnyPartyName() throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("zhangwei", "test-secret")
                .getForEntity("/api/cases?party=" + "张".repeat(201), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asText()).isEqualTo("TEXT_TOO_LONG");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("party");
    }
}

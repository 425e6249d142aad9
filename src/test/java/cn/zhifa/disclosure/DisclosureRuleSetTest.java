package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An agency's disclosure rules over HTTP: only the platform's or the agency's own administrator sets them. */
@ApplicationTest
class DisclosureRuleSetTest {

    private static final String PASSWORD = "test-secret";
    private static final String AGENCY = "agency-amr";
    private static final String RULES = "/api/admin/agencies/" + AGENCY + "/disclosure-rules";

    @Autowired TestRestTemplate rest;
    @Autowired DisclosureRuleSets ruleSets;

    @AfterEach
    void backToTheDefaults() {
        ruleSets.clear(AGENCY);
    }

    private ResponseEntity<Map> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }

    @Test
    void onlyAnAdministratorSetsThemWithTheirBasis() {
        Map<String, Object> rules = Map.of("fullText", true, "lowFineLimit", "1000", "legalBasis", "本省行政执法公示办法第八条");
        for (String user : new String[] {"zhangwei", "chengang", "zhenghua"}) {
            assertThat(put(user, RULES, rules).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(put("admin", RULES, Map.of("fullText", true)).getStatusCode()).as("without a basis")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put("admin", RULES, Map.of("fullText", true, "lowFineLimit", "-5", "legalBasis", "某规定"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ruleSets.of(AGENCY)).isEqualTo(DisclosureRuleSet.defaults(AGENCY));

        ResponseEntity<Map> set = put("admin", RULES, rules);

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).containsEntry("fullText", true).containsEntry("lowFineLimit", 1000.0);
        assertThat(ruleSets.of(AGENCY).lowFineLimitFen()).isEqualTo(1000_00L);
        assertThat(rest.withBasicAuth("admin", PASSWORD).getForObject(RULES, Map.class))
                .containsEntry("legalBasis", "本省行政执法公示办法第八条");
        ResponseEntity<Map> unknown = put("admin", "/api/admin/agencies/agency-elsewhere/disclosure-rules", rules);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "AGENCY_NOT_FOUND");
        rest.withBasicAuth("admin", PASSWORD).delete(RULES);
        assertThat(ruleSets.of(AGENCY).fullText()).isFalse();
    }
}

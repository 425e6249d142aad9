package cn.zhifa.penalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.PartyKind;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Each agency's rule set over HTTP, and the decision tables as the application deploys them. */
@ApplicationTest
class PenaltyRuleSetTest {

    private static final String PASSWORD = "test-secret";
    private static final String AGENCY = "agency-amr";
    private static final String READ = "/api/agencies/" + AGENCY + "/penalty-rule-set";
    private static final String SET = "/api/admin/agencies/" + AGENCY + "/penalty-rule-set";

    @Autowired TestRestTemplate rest;
    @Autowired PenaltyRuleSets ruleSets;
    @Autowired DecisionService decisions;

    @AfterEach
    void backToTheDefault() {
        ruleSets.update(PenaltyRuleSet.defaults(AGENCY), "test");
    }

    private ResponseEntity<Map> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }

    @Test
    void theAgencysStaffReadItAndOnlyAnAdministratorSetsIt() {
        assertThat(rest.withBasicAuth("zhangwei", PASSWORD).getForObject(READ, Map.class))
                .containsEntry("agencyId", AGENCY).containsEntry("reviewAll", false);

        ResponseEntity<Map> byOfficer = put("zhangwei", SET, Map.of("reviewAll", true));
        ResponseEntity<Map> byHead = put("chengang", SET, Map.of("reviewAll", true));
        ResponseEntity<Map> onTheReadPath = put("admin", READ, Map.of("reviewAll", true));
        ResponseEntity<Map> withoutTheSwitch = put("admin", SET, Map.of());

        assertThat(byOfficer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byHead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(onTheReadPath.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(withoutTheSwitch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ruleSets.of(AGENCY).reviewAll()).isFalse();

        ResponseEntity<Map> set = put("admin", SET, Map.of("reviewAll", true));

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).containsEntry("reviewAll", true);
        assertThat(ruleSets.of(AGENCY).reviewAll()).isTrue();
    }

    @Test
    void outsidersDoNotReadItAndAnUnknownAgencyHasNone() {
        assertThat(rest.withBasicAuth("zhenghua", PASSWORD).getForEntity(READ, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("zhangwei", PASSWORD)
                .getForEntity("/api/agencies/agency-elsewhere/penalty-rule-set", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> unknown = put("admin", "/api/admin/agencies/agency-elsewhere/penalty-rule-set",
                Map.of("reviewAll", true));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("code", "AGENCY_NOT_FOUND");
    }

    @Test
    void theDeployedTablesReadTheAgencysSwitch() {
        ruleSets.update(new PenaltyRuleSet(AGENCY, true), "admin");
        DecisionInputs inputs = new DecisionInputs(PartyKind.INDIVIDUAL, Penalty.fine(50000), false, false, false,
                false, false, ruleSets.of(AGENCY).reviewAll());

        Map<String, Object> variables = inputs.variables();

        assertThat(decisions.evaluateDecisionByKey("legal-review-required").variables(variables).evaluate()
                .getSingleResult().<Boolean>getEntry("legalReviewRequired")).isTrue();
        assertThat(decisions.evaluateDecisionByKey("hearing-right").variables(variables).evaluate()
                .getSingleResult().<Boolean>getEntry("hearingRight")).isFalse();
        assertThat(decisions.evaluateDecisionByKey("collective-discussion-required").variables(variables).evaluate()
                .getSingleResult().<Boolean>getEntry("collectiveDiscussionRequired")).isFalse();
    }
}

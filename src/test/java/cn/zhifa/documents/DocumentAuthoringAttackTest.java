package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.identity.Roles;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attacks on document generation over HTTP, each as the attacker (issue 8 part 7): what the case register owns cannot
 * be overwritten (a document read 伪造机关 伪造〔2026〕999号), and who may author which document at which stage is the
 * rule of {@link DocumentAuthoring} (an unqualified reviewer generated a 立案审批表 and could generate a 处罚决定书).
 */
@ApplicationTest
class DocumentAuthoringAttackTest {

    private static final String PASSWORD = "test-secret";
    private static final String OTHER_AGENCY = "agency-test-other";
    private static final String OTHER_LEGAL_UNIT = "unit-test-other-legal";
    private static final String OTHER_REVIEWER = "reviewer-other";

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister register;
    @Autowired CaseRecord record;
    @Autowired DocumentService documents;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    long caseId;
    String caseNo;

    @BeforeEach
    void numberedCaseSubmittedForReview() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "销售不合格电线案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        caseNo = register.assignNumber(caseId);
        register.markSubmittedForReview(caseId); // legal reviewers see the case, as in the walkthrough
    }

    @Test
    void shouldRefuseRegisterOwnedFieldsFromTheClientAndStoreNothing() throws Exception {
        register.moveTo(caseId, CaseStage.NOTIFICATION, "zhangwei");
        Map<String, Object> forged = data(DocumentType.PENALTY_NOTICE);
        forged.put("agencyName", "伪造机关");
        forged.put("caseNo", "伪造〔2026〕999号");

        ResponseEntity<String> refused = generate("zhangwei", DocumentType.PENALTY_NOTICE, forged);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode body = json.readTree(refused.getBody());
        assertThat(body.get("code").asText()).isEqualTo("DOCUMENT_FIELDS_REGISTER_OWNED");
        assertThat(body.get("detail").asText()).contains("案件编号", "行政机关名称").doesNotContain("伪造");
        assertThat(documents.documents(caseId)).isEmpty();
        assertThat(lastRefusal().data()).contains("DOCUMENT_FIELDS_REGISTER_OWNED").doesNotContain("伪造");

        ResponseEntity<String> created = generate("zhangwei", DocumentType.PENALTY_NOTICE,
                data(DocumentType.PENALTY_NOTICE));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String text = DocumentServiceTest.text(documents.content(documents.latest(caseId, DocumentType.PENALTY_NOTICE)
                .orElseThrow()));
        assertThat(text).contains("某县市场监督管理局", caseNo, "张三").doesNotContain("伪造");
    }

    @Test
    void shouldRefuseAnUnqualifiedReviewerEveryDocumentOfTheHandlingOfficers() throws Exception {
        ResponseEntity<String> filing = generate("qianlei", DocumentType.CASE_FILING_APPROVAL,
                data(DocumentType.CASE_FILING_APPROVAL));
        assertThat(filing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(code(filing)).isEqualTo("DOCUMENT_AUTHOR_NOT_ALLOWED");
        assertThat(json.readTree(filing.getBody()).get("detail").asText())
                .isEqualTo("《立案审批表》只能由本案的办案人员（持有效执法证）制作，钱磊不符合条件");

        register.moveTo(caseId, CaseStage.DECISION, "zhangwei");
        ResponseEntity<String> decision = generate("qianlei", DocumentType.PENALTY_DECISION,
                data(DocumentType.PENALTY_DECISION));
        assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // not even a qualified reviewer decides a penalty
        assertThat(generate("zhaomin", DocumentType.PENALTY_DECISION, data(DocumentType.PENALTY_DECISION))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(documents.documents(caseId)).isEmpty();
        assertThat(lastRefusal().actor()).isEqualTo("zhaomin");

        assertThat(generate("zhangwei", DocumentType.PENALTY_DECISION, data(DocumentType.PENALTY_DECISION))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void shouldRefuseTheHandlingOfficerADocumentOutsideItsStage() throws Exception {
        ResponseEntity<String> early = generate("zhangwei", DocumentType.PENALTY_DECISION,
                data(DocumentType.PENALTY_DECISION));

        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(code(early)).isEqualTo("DOCUMENT_STAGE_NOT_ALLOWED");
        assertThat(json.readTree(early.getBody()).get("detail").asText())
                .isEqualTo("《行政处罚决定书》只能在决定阶段制作，本案当前处于线索阶段");
        assertThat(generate("zhangwei", DocumentType.CASE_FILING_APPROVAL, data(DocumentType.CASE_FILING_APPROVAL))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(generate("zhangwei", DocumentType.COLLECTIVE_DISCUSSION, data(DocumentType.COLLECTIVE_DISCUSSION))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // 法制审核意见书: a qualified reviewer of the case's agency's legal unit, at the review, under her own name
    @Test
    void shouldLeaveTheOpinionToAQualifiedReviewerOfTheCasesAgencyUnderHerOwnName() throws Exception {
        register.moveTo(caseId, CaseStage.LEGAL_REVIEW, "zhangwei");
        Map<String, Object> posing = data(DocumentType.LEGAL_REVIEW_OPINION);
        posing.put("reviewer", "孙丽");
        assertThat(code(generate("zhaomin", DocumentType.LEGAL_REVIEW_OPINION, posing)))
                .isEqualTo("DOCUMENT_FIELDS_REGISTER_OWNED");
        assertThat(generate("qianlei", DocumentType.LEGAL_REVIEW_OPINION, data(DocumentType.LEGAL_REVIEW_OPINION))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // another agency's reviewer may not even see the case (404) once visibility follows the agency
        assertThat(generate(otherAgencysReviewer(), DocumentType.LEGAL_REVIEW_OPINION,
                data(DocumentType.LEGAL_REVIEW_OPINION)).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(documents.documents(caseId)).isEmpty();

        ResponseEntity<String> created = generate("zhaomin", DocumentType.LEGAL_REVIEW_OPINION,
                data(DocumentType.LEGAL_REVIEW_OPINION));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String text = DocumentServiceTest.text(documents.content(documents.latest(caseId,
                DocumentType.LEGAL_REVIEW_OPINION).orElseThrow()));
        assertThat(text).contains("赵敏", "销售不合格电线案").doesNotContain("孙丽");
    }

    private ResponseEntity<String> generate(String user, DocumentType type, Map<String, Object> data) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/cases/" + caseId + "/documents",
                Map.of("type", type.name(), "data", data), String.class);
    }

    private static Map<String, Object> data(DocumentType type) {
        return new HashMap<>(DocumentServiceTest.dataFor(type));
    }

    private String code(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody()).get("code").asText();
    }

    private RecordEntry lastRefusal() {
        List<RecordEntry> refusals = record.entries(caseId).stream().filter(e -> e.action().equals("DOCUMENT_REFUSED"))
                .toList();
        assertThat(refusals).isNotEmpty();
        return refusals.get(refusals.size() - 1);
    }

    /** A qualified reviewer of another agency's legal unit on the same platform. */
    private String otherAgencysReviewer() {
        if (jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE id = ?").param(OTHER_AGENCY).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO org_unit (id, name, kind) VALUES (?, '另一县市场监督管理局', 'AGENCY')")
                    .param(OTHER_AGENCY).update();
            jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id) VALUES (?, '法制科', 'LEGAL', ?)")
                    .params(OTHER_LEGAL_UNIT, OTHER_AGENCY).update();
            for (String unit : List.of(OTHER_AGENCY, OTHER_LEGAL_UNIT)) {
                var group = identityService.newGroup(unit);
                group.setName(unit);
                group.setType("UNIT");
                identityService.saveGroup(group);
            }
            User user = identityService.newUser(OTHER_REVIEWER);
            user.setFirstName("欧");
            user.setLastName("阳");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            for (String group : List.of(Roles.LEGAL_REVIEWER, OTHER_AGENCY, OTHER_LEGAL_UNIT)) {
                identityService.createMembership(OTHER_REVIEWER, group);
            }
            jdbc.sql("INSERT INTO legal_qualification (user_id, qualification_no, obtained_on) VALUES (?, ?, ?)")
                    .params(OTHER_REVIEWER, "A20201100999", LocalDate.of(2020, 3, 1)).update();
        }
        return OTHER_REVIEWER;
    }
}

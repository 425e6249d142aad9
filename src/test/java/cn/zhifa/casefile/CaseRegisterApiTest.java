package cn.zhifa.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class CaseRegisterApiTest {

    static final String PASSWORD = "test-secret";

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister register;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    static Map<String, Object> newCase(String unit, String title, List<String> officers, Map<String, Object> party) {
        List<Map<String, Object>> officerList = new ArrayList<>();
        officers.forEach(o -> officerList.add(Map.of("userId", o)));
        return Map.of("kind", "PENALTY", "title", title, "handlingUnitId", unit, "parties", List.of(party),
                "officers", officerList);
    }

    static Map<String, Object> person(String name, String idNumber) {
        return Map.of("kind", "INDIVIDUAL", "name", name, "idNumber", idNumber, "address", "某县城关镇人民路1号");
    }

    static Map<String, Object> company(String name, String code) {
        return Map.of("kind", "ORGANISATION", "name", name, "idNumber", code, "address", "某县经济开发区1号");
    }

    ResponseEntity<String> post(String user, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/cases", body, String.class);
    }

    ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
    }

    JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    long caseCount() {
        return jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
    }

    List<Long> idsVisibleTo(String user, String query) throws Exception {
        ResponseEntity<String> response = get(user, "/api/cases?limit=500" + query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Long> ids = new ArrayList<>();
        body(response).forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    @Test
    void shouldRegisterACaseWithPartiesAndTwoCertifiedOfficersOfTheUnit() throws Exception {
        ResponseEntity<String> response = post("zhangwei", newCase("unit-squad-1", "销售过期食品案",
                List.of("zhangwei", "lina"), company("某县好又多超市有限公司", "91350100M000100Y43")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode detail = body(response);
        long caseId = detail.get("id").asLong();
        assertThat(detail.get("stage").asText()).isEqualTo("CLUE");
        assertThat(detail.get("caseNo").isNull()).isTrue();
        assertThat(detail.get("agencyId").asText()).isEqualTo("agency-amr");
        assertThat(detail.get("agencyName").asText()).isEqualTo("某县市场监督管理局");
        assertThat(detail.get("handlingUnitName").asText()).isEqualTo("执法一大队");
        assertThat(detail.get("parties").get(0).get("idNumber").asText()).isEqualTo("91350100M000100Y43");
        assertThat(detail.get("officers").get(0).get("role").asText()).isEqualTo("HANDLER");
        assertThat(detail.get("officers").get(1).get("role").asText()).isEqualTo("INVESTIGATOR");
        assertThat(register.officersOf(caseId)).containsExactly("zhangwei", "lina");
        assertThat(register.isOfficerOnCase(caseId, "lina")).isTrue();
        assertThat(register.isOfficerOnCase(caseId, "wangqiang")).isFalse();
    }

    @Test
    void shouldNumberCasesPerAgencyAndYearWithoutGaps() {
        long first = register.register(request("unit-squad-1", List.of("zhangwei", "lina")), "zhangwei").id();
        long second = register.register(request("unit-squad-2", List.of("wangqiang", "liuyang")), "wangqiang").id();
        String firstNo = register.assignNumber(first);
        String secondNo = register.assignNumber(second);
        int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();

        assertThat(firstNo).matches("某县市监处罚〔" + year + "〕\\d+号");
        int firstSeq = Integer.parseInt(firstNo.replaceAll("^.*〕(\\d+)号$", "$1"));
        assertThat(secondNo).isEqualTo("某县市监处罚〔" + year + "〕" + (firstSeq + 1) + "号");
        assertThat(register.assignNumber(first)).as("numbering twice keeps the number").isEqualTo(firstNo);
        assertThat(register.find(first).orElseThrow().caseNo()).isEqualTo(firstNo);
    }

    @Test
    void shouldMoveStagesAndSetFlags() {
        long caseId = register.register(request("unit-squad-1", List.of("zhangwei", "lina")), "zhangwei").id();
        register.moveTo(caseId, CaseStage.FILED, "chengang");
        register.markOverdue(caseId, true);
        register.markSubmittedForReview(caseId);
        register.addOfficer(caseId, "wangqiang", OfficerRole.INVESTIGATOR);

        CaseDetail detail = register.find(caseId).orElseThrow();
        assertThat(detail.stage()).isEqualTo(CaseStage.FILED);
        assertThat(detail.overdue()).isTrue();
        assertThat(detail.submittedForReview()).isTrue();
        assertThat(register.officersOf(caseId)).containsExactly("zhangwei", "lina", "wangqiang");
    }

    static NewCase request(String unit, List<String> officers) {
        return new NewCase(CaseKind.PENALTY, "未按规定明码标价案", unit,
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某镇")),
                officers.stream().map(o -> new NewCase.NewOfficer(o, null)).toList());
    }

    @Nested
    class Refusals {

        ResponseEntity<String> refused(String user, Object body, String code) throws Exception {
            long before = caseCount();
            ResponseEntity<String> response = post(user, body);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(body(response).get("code").asText()).isEqualTo(code);
            assertThat(caseCount()).as("nothing stored").isEqualTo(before);
            return response;
        }

        @Test
        void shouldRefuseASoleOfficer() throws Exception {
            // 行政处罚法 第四十二条: not fewer than two officers
            ResponseEntity<String> response = refused("zhangwei", newCase("unit-squad-1", "案由", List.of("zhangwei"),
                    person("张三", "11010519491231002X")), "CASE_TOO_FEW_OFFICERS");
            assertThat(body(response).get("detail").asText()).contains("执法人员不得少于两人");
        }

        @Test
        void shouldRefuseAnOfficerOfAnotherUnit() throws Exception {
            ResponseEntity<String> response = refused("zhangwei", newCase("unit-squad-1", "案由",
                    List.of("zhangwei", "wangqiang"), person("张三", "11010519491231002X")),
                    "CASE_OFFICER_NOT_QUALIFIED");
            assertThat(body(response).get("detail").asText()).contains("王强不是本承办机构的执法人员");
        }

        @Test
        void shouldRefuseAnOfficerWithoutValidCertificate() throws Exception {
            jdbc.sql("UPDATE officer_certificate SET status = 'REVOKED' WHERE user_id = 'lina'").update();
            try {
                ResponseEntity<String> response = refused("zhangwei", newCase("unit-squad-1", "案由",
                        List.of("zhangwei", "lina"), person("张三", "11010519491231002X")),
                        "CASE_OFFICER_NOT_QUALIFIED");
                assertThat(body(response).get("detail").asText()).contains("李娜没有有效的行政执法证件");
            } finally {
                jdbc.sql("UPDATE officer_certificate SET status = 'VALID' WHERE user_id = 'lina'").update();
            }
        }

        @Test
        void shouldRefuseAWrongIdentityNumber() throws Exception {
            ResponseEntity<String> response = refused("zhangwei", newCase("unit-squad-1", "案由",
                    List.of("zhangwei", "lina"), person("张三", "110105194912310021")), "PARTY_ID_NUMBER_INVALID");
            assertThat(body(response).get("detail").asText()).contains("张三", "公民身份号码");
        }

        @Test
        void shouldRefuseAWrongCreditCode() throws Exception {
            refused("zhangwei", newCase("unit-squad-1", "案由", List.of("zhangwei", "lina"),
                    company("某公司", "91350100M000100Y44")), "PARTY_CREDIT_CODE_INVALID");
        }

        @Test
        void shouldRefuseRegistrationByANonOfficer() throws Exception {
            refused("zhaomin", newCase("unit-squad-1", "案由", List.of("zhangwei", "lina"),
                    person("张三", "11010519491231002X")), "CASE_REGISTER_NOT_OFFICER");
        }

        @Test
        void shouldRefuseRegistrationForAnotherUnit() throws Exception {
            refused("zhangwei", newCase("unit-squad-2", "案由", List.of("wangqiang", "liuyang"),
                    person("张三", "11010519491231002X")), "CASE_UNIT_NOT_OWN");
        }
    }

    @Nested
    class Visibility {

        long squad1Case;
        long squad2Case;

        @BeforeEach
        void twoCases() {
            squad1Case = register.register(request("unit-squad-1", List.of("zhangwei", "lina")), "zhangwei").id();
            squad2Case = register.register(request("unit-squad-2", List.of("wangqiang", "liuyang")), "wangqiang").id();
            register.markSubmittedForReview(squad2Case);
        }

        @Test
        void shouldShowAnOfficerTheCasesOfHisUnitOnly() throws Exception {
            assertThat(idsVisibleTo("zhangwei", "")).contains(squad1Case).doesNotContain(squad2Case);
            assertThat(idsVisibleTo("liuyang", "")).contains(squad2Case).doesNotContain(squad1Case);
        }

        @Test
        void shouldShowALegalReviewerOnlyCasesSubmittedForReview() throws Exception {
            assertThat(idsVisibleTo("zhaomin", "")).contains(squad2Case).doesNotContain(squad1Case);
        }

        @Test
        void shouldShowAgencyHeadsSupervisorsAndAdministratorsAllCasesOfTheAgency() throws Exception {
            for (String user : List.of("chengang", "zhenghua", "admin")) {
                assertThat(idsVisibleTo(user, "")).as(user).contains(squad1Case, squad2Case);
            }
        }

        @Test
        void shouldShowOthersNothing() throws Exception {
            assertThat(idsVisibleTo("huangtao", "")).isEmpty();
            assertThat(idsVisibleTo("wufang", "")).isEmpty();
        }

        @Test
        void shouldAnswerNotFoundForACaseTheCallerMayNotSee() throws Exception {
            assertThat(get("zhangwei", "/api/cases/" + squad2Case).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("huangtao", "/api/cases/" + squad1Case).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            ResponseEntity<String> own = get("wangqiang", "/api/cases/" + squad2Case);
            assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(body(own).get("parties").get(0).get("name").asText()).isEqualTo("张三");
        }

        @Test
        void shouldSearchByNumberPartyStageUnitAndOverdue() throws Exception {
            String caseNo = register.assignNumber(squad1Case);
            register.markOverdue(squad1Case, true);
            register.moveTo(squad1Case, CaseStage.INVESTIGATION, "zhangwei");

            assertThat(idsVisibleTo("zhenghua", "&caseNo=" + caseNo)).containsExactly(squad1Case);
            assertThat(idsVisibleTo("zhenghua", "&party=张三")).contains(squad1Case, squad2Case);
            assertThat(idsVisibleTo("zhenghua", "&party=11010519491231002X")).contains(squad1Case, squad2Case);
            assertThat(idsVisibleTo("zhenghua", "&party=李四")).doesNotContain(squad1Case, squad2Case);
            assertThat(idsVisibleTo("zhenghua", "&stage=INVESTIGATION")).contains(squad1Case)
                    .doesNotContain(squad2Case);
            assertThat(idsVisibleTo("zhenghua", "&unit=unit-squad-2")).contains(squad2Case)
                    .doesNotContain(squad1Case);
            assertThat(idsVisibleTo("zhenghua", "&overdue=true")).contains(squad1Case).doesNotContain(squad2Case);
        }
    }
}

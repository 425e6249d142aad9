package cn.zhifa.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.identity.Units;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ApplicationTest
class AgencySetupApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired StaffDirectory directory;
    @Autowired IdentityService identityService;
    @Autowired Clock clock;

    SetupClient api;

    @BeforeEach
    void client() {
        api = new SetupClient(rest, json);
    }

    String staffPath(String agencyId) {
        return "/api/admin/agencies/" + agencyId + "/staff";
    }

    @Test
    void shouldSetUpAnAgencyFromNothingWithUnitsStaffCertificatesAndQualifications() {
        String code = SetupClient.creditCode().toLowerCase();
        SetupClient.Answer agency = api.post(SetupClient.ADMIN, "/api/admin/agencies", Map.of("id", "xsscj",
                "name", "某县市场监督管理局（新）", "creditCode", code, "caseNumberPrefix", "某县市监罚"));
        assertThat(agency.status()).as(agency.body().toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(agency.body().get("creditCode").asText()).isEqualTo(code.toUpperCase());

        String squad = api.newUnit("xsscj", "执法大队", "HANDLING");
        String legal = api.newUnit("xsscj", "法制股", "LEGAL");
        String leadership = api.newUnit("xsscj", "局领导", "LEADERSHIP");
        assertThat(List.of(squad, legal, leadership))
                .containsExactly("xsscj-handling-1", "xsscj-legal-1", "xsscj-leadership-1");
        assertThat(identityService.createGroupQuery().groupId(squad).singleResult().getType())
                .isEqualTo(Units.GROUP_TYPE);

        // no password given: one is generated and shown once
        SetupClient.Answer officer = api.post(SetupClient.ADMIN, staffPath("xsscj"), Map.of("userId", "xs-zhao",
                "familyName", "赵", "givenName", "一", "unitId", squad, "roles", List.of("OFFICER")));
        assertThat(officer.status()).as(officer.body().toString()).isEqualTo(HttpStatus.CREATED);
        String password = officer.body().get("initialPassword").asText();
        assertThat(password).hasSize(12);
        assertThat(officer.body().at("/member/unitName").asText()).isEqualTo("执法大队");
        assertThat(api.get("xs-zhao", password, "/api/me").status()).isEqualTo(HttpStatus.OK);

        api.newCertificate("xsscj", "xs-zhao", "XS-ZF-0001", "2024-01-01", "2030-12-31");
        api.newStaff(SetupClient.ADMIN, "xsscj", "xs-qian", legal, List.of("LEGAL_REVIEWER"));
        SetupClient.Answer qualified = api.post(SetupClient.ADMIN, staffPath("xsscj") + "/xs-qian/qualifications",
                Map.of("qualificationNo", "A2020XS0001", "obtainedOn", "2020-09-30"));
        assertThat(qualified.status()).isEqualTo(HttpStatus.CREATED);
        api.newStaff(SetupClient.ADMIN, "xsscj", "xs-sun", leadership, List.of("AGENCY_HEAD", "AGENCY_ADMIN"));

        // the engine's view of the new agency
        assertThat(directory.agencyOf("xs-zhao")).contains("xsscj");
        assertThat(directory.validCertificate("xs-zhao", LocalDate.now(clock))).isPresent();
        assertThat(directory.hasLegalQualification("xs-qian")).isTrue();
        assertThat(directory.isInLegalUnitOf("xsscj", "xs-qian")).isTrue();
        assertThat(directory.isHeadOf("xsscj", "xs-sun")).isTrue();
        assertThat(directory.unitsOfKind("xsscj", Units.KIND_HANDLING)).containsExactly(squad);

        JsonNode staff = api.get("xs-sun", staffPath("xsscj")).body();
        assertThat(SetupClient.field(staff, "userId")).contains("xs-zhao", "xs-qian", "xs-sun");
        JsonNode head = api.get("xs-sun", staffPath("xsscj") + "/xs-sun").body();
        assertThat(head.get("roles").toString()).contains("AGENCY_HEAD", "AGENCY_ADMIN");
        assertThat(head.get("name").asText()).isEqualTo("测xs-sun");
        JsonNode read = api.get("xs-sun", "/api/admin/agencies/xsscj").body();
        assertThat(SetupClient.field(read.get("units"), "name")).containsExactly("执法大队", "局领导", "法制股");
    }

    @Nested
    class Refusals {

        String agencyId;
        String squad;
        String legal;

        @BeforeEach
        void agency() {
            agencyId = api.newAgency("拒绝测试局", "拒测罚");
            squad = api.newUnit(agencyId, "一中队", "HANDLING");
            legal = api.newUnit(agencyId, "法制科", "LEGAL");
        }

        SetupClient.Answer refused(SetupClient.Answer answer, HttpStatus status, String code) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
            assertThat(answer.code()).isEqualTo(code);
            assertThat(answer.detail()).matches(".*\\p{IsHan}.*");
            return answer;
        }

        @Test
        void shouldRefuseACreditCodeWithAWrongCheckCharacter() {
            String good = SetupClient.creditCode();
            char wrong = good.charAt(17) == '0' ? '1' : '0';
            refused(api.post(SetupClient.ADMIN, "/api/admin/agencies", Map.of("id", "t" + SetupClient.randomLower(6),
                    "name", "某局", "creditCode", good.substring(0, 17) + wrong, "caseNumberPrefix", "某")),
                    HttpStatus.BAD_REQUEST, "AGENCY_CREDIT_CODE_INVALID");
        }

        @Test
        void shouldRefuseAnAgencyIdOrCreditCodeAlreadyUsed() {
            String code = SetupClient.creditCode();
            assertThat(api.post(SetupClient.ADMIN, "/api/admin/agencies", Map.of("id", agencyId + "x", "name", "甲局",
                    "creditCode", code, "caseNumberPrefix", "甲")).status()).isEqualTo(HttpStatus.CREATED);
            refused(api.post(SetupClient.ADMIN, "/api/admin/agencies", Map.of("id", agencyId, "name", "乙局",
                    "creditCode", SetupClient.creditCode(), "caseNumberPrefix", "乙")), HttpStatus.CONFLICT,
                    "AGENCY_ID_TAKEN");
            // ids share one namespace with role groups and other agencies' units
            refused(api.post(SetupClient.ADMIN, "/api/admin/agencies", Map.of("id", "officer", "name", "丙局",
                    "creditCode", SetupClient.creditCode(), "caseNumberPrefix", "丙")), HttpStatus.CONFLICT,
                    "AGENCY_ID_TAKEN");
            refused(api.post(SetupClient.ADMIN, "/api/admin/agencies", Map.of("id", squad, "name", "丁局",
                    "creditCode", SetupClient.creditCode(), "caseNumberPrefix", "丁")), HttpStatus.CONFLICT,
                    "AGENCY_ID_TAKEN");
            refused(api.post(SetupClient.ADMIN, "/api/admin/agencies", Map.of("id", "t" + SetupClient.randomLower(6),
                    "name", "戊局", "creditCode", code, "caseNumberPrefix", "戊")), HttpStatus.CONFLICT,
                    "AGENCY_CREDIT_CODE_TAKEN");
        }

        @Test
        void shouldListEveryMissingFieldOfANewAgency() {
            SetupClient.Answer answer = refused(api.post(SetupClient.ADMIN, "/api/admin/agencies",
                    Map.of("id", "Bad_Id")), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
            assertThat(answer.detail()).contains("机构编码应为2至32位小写英文字母、数字或连字符", "请填写机构名称",
                    "请填写统一社会信用代码", "请填写案件编号前缀");
        }

        @Test
        void shouldRefuseAUnitNameTwiceAndAnUnknownAgency() {
            refused(api.post(SetupClient.ADMIN, "/api/admin/agencies/" + agencyId + "/units",
                    Map.of("name", "一中队", "kind", "HANDLING")), HttpStatus.CONFLICT, "UNIT_NAME_TAKEN");
            refused(api.post(SetupClient.ADMIN, "/api/admin/agencies/no-such-agency/units",
                    Map.of("name", "一中队", "kind", "HANDLING")), HttpStatus.NOT_FOUND, "AGENCY_NOT_FOUND");
        }

        @Test
        void shouldRefuseATakenUserIdAndStoreNothing() {
            long users = identityService.createUserQuery().count();
            refused(api.post(SetupClient.ADMIN, staffPath(agencyId), Map.of("userId", "zhangwei", "familyName", "张",
                    "givenName", "伟", "unitId", squad, "roles", List.of("OFFICER"))), HttpStatus.CONFLICT,
                    "USER_ID_TAKEN");
            assertThat(identityService.createUserQuery().count()).isEqualTo(users);
            assertThat(directory.agencyOf("zhangwei")).contains(Units.AGENCY);
        }

        @Test
        void shouldRefuseARoleOutsideItsKindOfUnit() {
            SetupClient.Answer inLegal = refused(api.post(SetupClient.ADMIN, staffPath(agencyId),
                    Map.of("userId", agencyId + "-a", "familyName", "甲", "givenName", "一", "unitId", legal,
                            "roles", List.of("OFFICER"))), HttpStatus.UNPROCESSABLE_ENTITY, "ROLE_UNIT_MISMATCH");
            assertThat(inLegal.detail()).contains("执法人员须属于承办机构");
            refused(api.post(SetupClient.ADMIN, staffPath(agencyId), Map.of("userId", agencyId + "-b",
                    "familyName", "乙", "givenName", "二", "roles", List.of("LEGAL_REVIEWER"))),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ROLE_UNIT_MISMATCH");
            assertThat(identityService.createUserQuery().userId(agencyId + "-a").count()).isZero();
        }

        @Test
        void shouldRefuseAUnitOfAnotherAgency() {
            refused(api.post(SetupClient.ADMIN, staffPath(agencyId), Map.of("userId", agencyId + "-c",
                    "familyName", "丙", "givenName", "三", "unitId", Units.SQUAD_1, "roles", List.of("OFFICER"))),
                    HttpStatus.UNPROCESSABLE_ENTITY, "UNIT_NOT_IN_AGENCY");
        }

        @Test
        void shouldRefuseAShortPasswordAndABadUserId() {
            SetupClient.Answer answer = refused(api.post(SetupClient.ADMIN, staffPath(agencyId),
                    Map.of("userId", "张三", "familyName", "张", "givenName", "三", "unitId", squad,
                            "roles", List.of("OFFICER"), "initialPassword", "short")),
                    HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
            assertThat(answer.detail()).contains("用户名应为2至64位英文字母", "初始密码应为8至64个字符");
        }

        @Test
        void shouldRefuseBadCertificatesAndQualifications() {
            String userId = agencyId + "-o";
            api.newStaff(SetupClient.ADMIN, agencyId, userId, squad, List.of("OFFICER"));
            String certificates = staffPath(agencyId) + "/" + userId + "/certificates";
            refused(api.post(SetupClient.ADMIN, certificates, Map.of("certificateNo", userId + "-1",
                    "enforcementField", "市场监管", "issuer", "某省人民政府", "validFrom", "2026-01-01",
                    "validTo", "2025-12-31")), HttpStatus.BAD_REQUEST, "CERTIFICATE_DATES_INVALID");
            refused(api.post(SetupClient.ADMIN, certificates, Map.of("certificateNo", "ZF-2024-0001",
                    "enforcementField", "市场监管", "issuer", "某省人民政府", "validFrom", "2025-01-01",
                    "validTo", "2027-12-31")), HttpStatus.CONFLICT, "CERTIFICATE_NO_TAKEN");
            String qualifications = staffPath(agencyId) + "/" + userId + "/qualifications";
            refused(api.post(SetupClient.ADMIN, qualifications, Map.of("qualificationNo", userId + "-q",
                    "obtainedOn", LocalDate.now(clock).plusDays(1).toString())), HttpStatus.BAD_REQUEST,
                    "QUALIFICATION_DATE_INVALID");
            refused(api.post(SetupClient.ADMIN, qualifications, Map.of("qualificationNo", "A20181100001",
                    "obtainedOn", "2019-01-01")), HttpStatus.CONFLICT, "QUALIFICATION_NO_TAKEN");
            assertThat(api.post(SetupClient.ADMIN, qualifications, Map.of("qualificationNo", userId + "-q",
                    "obtainedOn", "2019-01-01")).status()).isEqualTo(HttpStatus.CREATED);
            refused(api.put(SetupClient.ADMIN, qualifications + "/" + userId + "-q/status",
                    Map.of("status", "SUSPENDED")), HttpStatus.BAD_REQUEST, "SETUP_INPUT_INVALID");
        }

        @Test
        void shouldTreatSomeoneOfAnotherAgencyAsNotFound() {
            refused(api.post(SetupClient.ADMIN, staffPath(agencyId) + "/zhangwei/certificates",
                    Map.of("certificateNo", agencyId + "-z", "enforcementField", "市场监管", "issuer", "某省人民政府",
                            "validFrom", "2025-01-01", "validTo", "2027-12-31")),
                    HttpStatus.NOT_FOUND, "STAFF_NOT_FOUND");
            refused(api.put(SetupClient.ADMIN, staffPath(agencyId) + "/zhangwei/certificates/ZF-2024-0001/status",
                    Map.of("status", "REVOKED")), HttpStatus.NOT_FOUND, "STAFF_NOT_FOUND");
            assertThat(directory.validCertificate("zhangwei", LocalDate.now(clock))).isPresent();
        }
    }

    @Nested
    class Access {

        @Test
        void shouldAnswer401WithoutCredentialsAndKeepTheBrowserDialogClosedForThePage() {
            SetupClient.Answer anonymous = api.anonymous("/api/admin/agencies");
            assertThat(anonymous.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(rest.getForEntity("/api/admin/agencies", String.class).getHeaders()
                    .get(HttpHeaders.WWW_AUTHENTICATE)).isNotEmpty();
            HttpHeaders page = new HttpHeaders();
            page.set("X-Requested-With", "XMLHttpRequest");
            ResponseEntity<String> fromPage = rest.exchange("/api/admin/agencies", HttpMethod.GET,
                    new HttpEntity<>(page), String.class);
            assertThat(fromPage.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(fromPage.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        }

        @Test
        void shouldServeTheSetupPageToAnyoneAndKeepTheApiBehindTheLogin() {
            ResponseEntity<String> page = rest.getForEntity("/setup/", String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("<title>执法机关设置</title>", "setup.js");
            assertThat(rest.getForEntity("/setup/setup.js", String.class).getBody())
                    .contains("/api/admin/agencies").doesNotContain(".innerHTML", "insertAdjacentHTML");
        }

        @Test
        void shouldAnswer403ToStaffWhoAreNoAdministrators() {
            for (String user : List.of("zhangwei", "chengang", "zhenghua")) {
                SetupClient.Answer list = api.get(user, "/api/admin/agencies");
                assertThat(list.status()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(list.code()).isEqualTo("FORBIDDEN");
                assertThat(api.get(user, staffPath(Units.AGENCY)).status()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(api.get(user, "/api/admin/staff-import/template.csv").status()).as(user)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
            assertThat(api.post("zhangwei", "/api/admin/agencies", Map.of("id", "tforbidden", "name", "某局",
                    "creditCode", SetupClient.creditCode(), "caseNumberPrefix", "某")).status())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.post("zhangwei", staffPath(Units.AGENCY), Map.of("userId", "intruder")).status())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        @Test
        void shouldLetOnlyThePlatformAdministratorCreateAgencies() {
            String agencyId = api.newAgency("管理员测试局", "管测罚");
            api.newStaff(SetupClient.ADMIN, agencyId, agencyId + "-admin", null, List.of("AGENCY_ADMIN"));
            SetupClient.Answer answer = api.post(agencyId + "-admin", "/api/admin/agencies", Map.of("id",
                    "t" + SetupClient.randomLower(6), "name", "某局", "creditCode", SetupClient.creditCode(),
                    "caseNumberPrefix", "某"));
            assertThat(answer.status()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(SetupClient.ids(api.get(agencyId + "-admin", "/api/admin/agencies").body()))
                    .containsExactly(agencyId);
            assertThat(SetupClient.ids(api.get(SetupClient.ADMIN, "/api/admin/agencies").body()))
                    .contains(agencyId, Units.AGENCY);
        }
    }

    @Nested
    class CertificateStatus {

        String agencyId;
        String squad;

        @BeforeEach
        void officers() {
            agencyId = api.newAgency("证件状态测试局", "证测罚");
            squad = api.newUnit(agencyId, "一中队", "HANDLING");
            for (String officer : List.of("-a", "-b")) {
                api.newStaff(SetupClient.ADMIN, agencyId, agencyId + officer, squad, List.of("OFFICER"));
                api.newCertificate(agencyId, agencyId + officer, agencyId + officer + "-zf", "2024-01-01",
                        "2030-12-31");
            }
        }

        SetupClient.Answer setStatus(String status) {
            return api.put(SetupClient.ADMIN, staffPath(agencyId) + "/" + agencyId + "-b/certificates/" + agencyId
                    + "-b-zf/status", Map.of("status", status));
        }

        SetupClient.Answer register() {
            return api.post(agencyId + "-a", "/api/cases", Map.of("kind", "PENALTY", "title", "销售过期食品案",
                    "parties", List.of(Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X")),
                    "officers", List.of(Map.of("userId", agencyId + "-a"), Map.of("userId", agencyId + "-b"))));
        }

        @Test
        void shouldRefuseASuspendedOrRevokedCertificateWhileItsDatesStillRun() {
            LocalDate today = LocalDate.now(clock);
            assertThat(setStatus("SUSPENDED").status()).isEqualTo(HttpStatus.OK);
            assertThat(directory.validCertificate(agencyId + "-b", today)).isEmpty();
            SetupClient.Answer refused = register();
            assertThat(refused.code()).isEqualTo("CASE_OFFICER_NOT_QUALIFIED");
            assertThat(refused.detail()).contains("没有有效的行政执法证件");

            assertThat(setStatus("VALID").status()).isEqualTo(HttpStatus.OK);
            assertThat(directory.validCertificate(agencyId + "-b", today)).isPresent();
            assertThat(register().status()).isEqualTo(HttpStatus.CREATED);

            assertThat(setStatus("REVOKED").body().at("/certificates/0/status").asText()).isEqualTo("REVOKED");
            assertThat(directory.validCertificate(agencyId + "-b", today)).isEmpty();
        }

        @Test
        void shouldRefuseARevokedLegalQualification() {
            String reviewer = agencyId + "-r";
            String legal = api.newUnit(agencyId, "法制科", "LEGAL");
            api.newStaff(SetupClient.ADMIN, agencyId, reviewer, legal, List.of("LEGAL_REVIEWER"));
            api.post(SetupClient.ADMIN, staffPath(agencyId) + "/" + reviewer + "/qualifications",
                    Map.of("qualificationNo", reviewer + "-q", "obtainedOn", "2020-01-01"));
            assertThat(directory.hasLegalQualification(reviewer)).isTrue();
            assertThat(api.put(SetupClient.ADMIN, staffPath(agencyId) + "/" + reviewer + "/qualifications/" + reviewer
                    + "-q/status", Map.of("status", "REVOKED")).status()).isEqualTo(HttpStatus.OK);
            assertThat(directory.hasLegalQualification(reviewer)).isFalse();
        }

        @Test
        void shouldListTheValidCertificatesThatExpireWithin30Days() {
            LocalDate today = LocalDate.now(clock);
            String[][] certificates = {{"-soon", today.plusDays(10).toString()}, {"-today", today.toString()},
                    {"-later", today.plusDays(31).toString()}, {"-gone", today.minusDays(1).toString()}};
            List<String> officers = new ArrayList<>();
            for (String[] certificate : certificates) {
                String officer = agencyId + certificate[0];
                officers.add(officer);
                api.newStaff(SetupClient.ADMIN, agencyId, officer, squad, List.of("OFFICER"));
                api.newCertificate(agencyId, officer, officer + "-zf", "2020-01-01", certificate[1]);
            }
            String suspended = agencyId + "-soon2";
            api.newStaff(SetupClient.ADMIN, agencyId, suspended, squad, List.of("OFFICER"));
            api.newCertificate(agencyId, suspended, suspended + "-zf", "2020-01-01", today.plusDays(5).toString());
            api.put(SetupClient.ADMIN, staffPath(agencyId) + "/" + suspended + "/certificates/" + suspended
                    + "-zf/status", Map.of("status", "SUSPENDED"));

            JsonNode expiring = api.get(SetupClient.ADMIN, "/api/admin/agencies/" + agencyId
                    + "/certificates/expiring").body();
            assertThat(SetupClient.field(expiring, "userId")).containsExactly(agencyId + "-today", agencyId + "-soon");
            assertThat(expiring.get(1).get("daysLeft").asInt()).isEqualTo(10);
            assertThat(expiring.get(1).get("name").asText()).isEqualTo("测" + agencyId + "-soon");
            // another agency's certificates are not in the list, however soon they expire
            assertThat(SetupClient.field(api.get(SetupClient.ADMIN, "/api/admin/agencies/" + Units.AGENCY
                    + "/certificates/expiring").body(), "userId")).doesNotContainAnyElementsOf(officers);
        }
    }
}

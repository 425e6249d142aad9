package cn.zhifa.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** One platform, two agencies: each agency's administrator, officers and data stay apart from the other's. */
@ApplicationTest
class TwoAgenciesTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired StaffDirectory directory;
    @Autowired CaseRegister register;
    @Autowired Clock clock;

    SetupClient api;
    Agency a;
    Agency b;

    record Agency(String id, String prefix, String squad, String legal, String admin, String head, String officer1,
            String officer2) {

        String path() {
            return "/api/admin/agencies/" + id;
        }

        String certificateOf(String officer) {
            return officer + "-zf";
        }
    }

    @BeforeEach
    void twoAgencies() {
        api = new SetupClient(rest, json);
        a = agency("甲县市场监督管理局", "甲县市监罚");
        b = agency("乙县市场监督管理局", "乙县市监罚");
    }

    Agency agency(String name, String prefix) {
        String id = api.newAgency(name, prefix);
        String squad = api.newUnit(id, "一中队", "HANDLING");
        String legal = api.newUnit(id, "法制科", "LEGAL");
        String leadership = api.newUnit(id, "局领导", "LEADERSHIP");
        Agency agency = new Agency(id, prefix, squad, legal, id + "-admin", id + "-head", id + "-o1", id + "-o2");
        // the platform administrator names the agency's administrator, who sets up the rest
        api.newStaff(SetupClient.ADMIN, id, agency.admin(), null, List.of("AGENCY_ADMIN"));
        api.newStaff(agency.admin(), id, agency.head(), leadership, List.of("AGENCY_HEAD"));
        for (String officer : List.of(agency.officer1(), agency.officer2())) {
            api.newStaff(agency.admin(), id, officer, squad, List.of("OFFICER"));
            SetupClient.Answer certificate = api.post(agency.admin(), agency.path() + "/staff/" + officer
                    + "/certificates", Map.of("certificateNo", agency.certificateOf(officer), "enforcementField",
                    "市场监管", "issuer", "某省人民政府", "validFrom", "2024-01-01", "validTo", "2030-12-31"));
            assertThat(certificate.status()).isEqualTo(HttpStatus.CREATED);
        }
        return agency;
    }

    @Test
    void anAgencyAdministratorCanNeitherSeeNorChangeTheOtherAgency() {
        String admin = a.admin();
        for (String path : List.of(b.path(), b.path() + "/staff", b.path() + "/staff/" + b.officer1(),
                b.path() + "/certificates/expiring")) {
            assertThat(api.get(admin, path).status()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.post(admin, b.path() + "/units", Map.of("name", "渗透队", "kind", "HANDLING")).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post(admin, b.path() + "/staff", Map.of("userId", a.id() + "-spy", "familyName", "间",
                "givenName", "谍", "unitId", b.squad(), "roles", List.of("OFFICER"))).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put(admin, b.path() + "/staff/" + b.officer1() + "/certificates/"
                + b.certificateOf(b.officer1()) + "/status", Map.of("status", "REVOKED")).status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.upload(admin, b.id(), StaffImportTest.csv(true, StaffImportTest.HEADER, List.of()), "x.csv",
                null).status()).isEqualTo(HttpStatus.FORBIDDEN);

        // through his own agency's paths, the other agency's people and units are not there
        assertThat(api.get(admin, a.path() + "/staff/" + b.officer1()).code()).isEqualTo("STAFF_NOT_FOUND");
        assertThat(api.put(admin, a.path() + "/staff/" + b.officer1() + "/certificates/"
                + b.certificateOf(b.officer1()) + "/status", Map.of("status", "REVOKED")).code())
                .isEqualTo("STAFF_NOT_FOUND");
        assertThat(api.put(admin, a.path() + "/staff/" + a.officer1() + "/certificates/"
                + b.certificateOf(b.officer1()) + "/status", Map.of("status", "REVOKED")).code())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(api.post(admin, a.path() + "/staff", Map.of("userId", a.id() + "-x", "familyName", "某",
                "givenName", "人", "unitId", b.squad(), "roles", List.of("OFFICER"))).code())
                .isEqualTo("UNIT_NOT_IN_AGENCY");

        assertThat(SetupClient.ids(api.get(admin, "/api/admin/agencies").body())).containsExactly(a.id());
        assertThat(SetupClient.field(api.get(admin, a.path() + "/staff").body(), "userId"))
                .containsExactlyInAnyOrder(a.admin(), a.head(), a.officer1(), a.officer2());
        assertThat(directory.validCertificate(b.officer1(), LocalDate.now(clock))).isPresent();
        assertThat(directory.agencyOf(b.officer1())).contains(b.id());
    }

    @Test
    void anAgencyAdministratorHasNoRightInTheEngineBeyondReadingHisColleagues() {
        String users = api.get(a.admin(), "/engine-rest/user").body().findValuesAsText("id").toString();
        assertThat(users).contains(a.officer1()).doesNotContain(b.officer1(), "zhangwei");
        SetupClient.Answer create = api.post(a.admin(), "/engine-rest/user/create", Map.of("profile",
                Map.of("id", a.id() + "-engine"), "credentials", Map.of("password", "Secret-2026")));
        assertThat(create.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put(a.admin(), "/engine-rest/group/" + b.squad() + "/members/" + a.admin(), Map.of())
                .status()).isEqualTo(HttpStatus.FORBIDDEN);
        // the other agency's user is not even there for him (404), and keeps his password
        assertThat(api.put(a.admin(), "/engine-rest/user/" + b.officer1() + "/credentials",
                Map.of("password", "Taken-over-2026", "authenticatedUserPassword", SetupClient.PASSWORD)).status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(b.officer1(), "/api/me").status()).isEqualTo(HttpStatus.OK);
        assertThat(directory.isMember(a.admin(), b.squad())).isFalse();
    }

    @Test
    void anotherAgencysImportCannotTouchThisAgencysPeople() {
        Set<String> groupsBefore = directory.groupsOf(a.officer1());
        String takeover = String.join(",", a.officer1(), "夺", "舍", "一中队", "承办机构", "执法人员", "", b.id() + "-ZF-x",
                "市场监管", "某省人民政府", "2024-01-01", "2030-12-31", "", "", "");
        String newcomer = String.join(",", b.id() + "-new", "新", "人", "一中队", "", "执法人员", "", "", "", "", "", "", "",
                "", "");
        SetupClient.Answer refused = api.upload(b.admin(), b.id(), (StaffImportTest.HEADER + "\n" + takeover + "\n"
                + newcomer + "\n").getBytes(StandardCharsets.UTF_8), "b.csv", null);

        assertThat(refused.code()).isEqualTo("IMPORT_INVALID");
        assertThat(refused.body().get("errors").get(0).get("message").asText())
                .isEqualTo("用户名“" + a.officer1() + "”已被使用");
        assertThat(directory.groupsOf(a.officer1())).isEqualTo(groupsBefore);
        assertThat(directory.find(b.id() + "-new")).isEmpty();

        // the same unit name in B is B's own unit, never A's
        SetupClient.Answer imported = api.upload(b.admin(), b.id(), (StaffImportTest.HEADER + "\n" + newcomer + "\n")
                .getBytes(StandardCharsets.UTF_8), "b.csv", null);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(HttpStatus.OK);
        assertThat(directory.unitsOf(b.id() + "-new")).containsExactlyInAnyOrder(b.id(), b.squad());
        assertThat(directory.isMember(b.id() + "-new", a.squad())).isFalse();
    }

    @Test
    void anOfficerOfTheNewAgencyRegistersACaseNumberedWithItsPrefix() {
        SetupClient.Answer registered = api.post(a.officer1(), "/api/cases", Map.of("kind", "PENALTY",
                "title", "销售不合格电线案", "parties", List.of(Map.of("kind", "INDIVIDUAL", "name", "张三",
                        "idNumber", "11010519491231002X", "address", "甲县城关镇1号")),
                "officers", List.of(Map.of("userId", a.officer1()), Map.of("userId", a.officer2()))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(HttpStatus.CREATED);
        JsonNode detail = registered.body();
        assertThat(detail.get("agencyId").asText()).isEqualTo(a.id());
        assertThat(detail.get("handlingUnitId").asText()).isEqualTo(a.squad());
        assertThat(detail.get("agencyName").asText()).startsWith("甲县市场监督管理局");

        // numbered on filing, with the agency's prefix and its own sequence
        String caseNo = register.assignNumber(detail.get("id").asLong());
        assertThat(caseNo).isEqualTo(a.prefix() + "〔" + LocalDate.now(clock).getYear() + "〕1号");

        // the other agency neither sees the case nor lends its officers to it
        assertThat(api.get(b.officer1(), "/api/cases/" + detail.get("id").asLong()).code())
                .isEqualTo("CASE_NOT_FOUND");
        assertThat(api.get(b.head(), "/api/cases/" + detail.get("id").asLong()).code()).isEqualTo("CASE_NOT_FOUND");
        SetupClient.Answer borrowed = api.post(a.officer1(), "/api/cases", Map.of("kind", "PENALTY", "title", "案由",
                "parties", List.of(Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X")),
                "officers", List.of(Map.of("userId", a.officer1()), Map.of("userId", b.officer1()))));
        assertThat(borrowed.code()).isEqualTo("CASE_OFFICER_NOT_QUALIFIED");
    }

    @Test
    void staffOfOneAgencyDoNotSeeTheOtherAgencysPeople() {
        assertThat(api.get(a.officer2(), "/engine-rest/user?id=" + a.officer1()).body()).hasSize(1);
        assertThat(api.get(b.officer1(), "/engine-rest/user?id=" + a.officer1()).body()).isEmpty();
        assertThat(api.get(a.head(), "/api/staff/" + a.officer1()).status()).isEqualTo(HttpStatus.OK);
        assertThat(api.get(b.head(), "/api/staff/" + a.officer1()).code()).isEqualTo("USER_NOT_FOUND");
        assertThat(api.get("zhenghua", "/api/staff/" + a.officer1()).status()).as("supervisor")
                .isEqualTo(HttpStatus.OK);
    }
}

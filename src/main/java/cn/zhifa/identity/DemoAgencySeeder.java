package cn.zhifa.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Seeds the demo agency (units, people, certificates, qualifications). Idempotent; only in the demo profile. */
@Component
class DemoAgencySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoAgencySeeder.class);

    private final IdentityService identityService;
    private final RoleSeeder roles;
    private final JdbcClient jdbc;

    DemoAgencySeeder(IdentityService identityService, RoleSeeder roles, JdbcClient jdbc) {
        this.identityService = identityService;
        this.roles = roles;
        this.jdbc = jdbc;
    }

    void seed(String password) {
        for (DemoAgency.Unit unit : DemoAgency.UNITS) {
            roles.ensureGroup(unit.id(), unit.name(), Units.GROUP_TYPE);
            if (jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE id = ?").param(unit.id()).query(Long.class).single() == 0) {
                String agency = unit.id().equals(Units.AGENCY) ? null : Units.AGENCY;
                jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id, case_number_prefix) VALUES (?, ?, ?, ?, ?)")
                        .params(unit.id(), unit.name(), unit.kind(), agency, unit.caseNumberPrefix()).update();
            }
        }
        for (DemoAgency.Person person : DemoAgency.PEOPLE) {
            ensureUser(person, password);
            ensureMembership(person.id(), Units.AGENCY);
            person.groups().forEach(group -> ensureMembership(person.id(), group));
            if (person.certificateNo() != null) {
                ensureCertificate(person);
            }
            if (person.qualificationNo() != null) {
                ensureQualification(person);
            }
        }
        log.info("Demo agency seeded: {} units, {} people", DemoAgency.UNITS.size(), DemoAgency.PEOPLE.size());
    }

    private void ensureUser(DemoAgency.Person person, String password) {
        if (identityService.createUserQuery().userId(person.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(person.id());
        // Camunda shows "first last"; for Chinese names that is 姓 then 名
        user.setFirstName(person.familyName());
        user.setLastName(person.givenName());
        user.setEmail(person.id() + "@" + DemoAgency.EMAIL_DOMAIN);
        user.setPassword(password);
        identityService.saveUser(user);
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private void ensureCertificate(DemoAgency.Person person) {
        if (jdbc.sql("SELECT COUNT(*) FROM officer_certificate WHERE certificate_no = ?")
                .param(person.certificateNo()).query(Long.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO officer_certificate (user_id, certificate_no, issuer, valid_from, valid_to)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(person.id(), person.certificateNo(), "某省人民政府", DemoAgency.CERTIFICATE_FROM,
                            DemoAgency.CERTIFICATE_TO)
                    .update();
        }
    }

    private void ensureQualification(DemoAgency.Person person) {
        if (jdbc.sql("SELECT COUNT(*) FROM legal_qualification WHERE qualification_no = ?")
                .param(person.qualificationNo()).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO legal_qualification (user_id, qualification_no, obtained_on) VALUES (?, ?, ?)")
                    .params(person.id(), person.qualificationNo(), DemoAgency.CERTIFICATE_FROM.minusYears(3)).update();
        }
    }
}

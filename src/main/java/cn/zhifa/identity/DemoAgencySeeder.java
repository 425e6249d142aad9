package cn.zhifa.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Seeds the demo agency (units, people, certificates, qualifications). Idempotent; only in the demo profile. */
@Component
class DemoAgencySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoAgencySeeder.class);
    private static final String ISSUER = "某省人民政府";
    private static final String FIELD = "市场监管";

    private final IdentityService identityService;
    private final OrgChart orgChart;
    private final StaffRegistry registry;

    DemoAgencySeeder(IdentityService identityService, OrgChart orgChart, StaffRegistry registry) {
        this.identityService = identityService;
        this.orgChart = orgChart;
        this.registry = registry;
    }

    void seed(String password) {
        for (DemoAgency.Unit unit : DemoAgency.UNITS) {
            if (orgChart.unit(unit.id()).isPresent()) {
                continue;
            }
            if (unit.id().equals(Units.AGENCY)) {
                orgChart.createAgency(unit.id(), unit.name(), null, unit.caseNumberPrefix());
            } else {
                orgChart.createUnit(Units.AGENCY, unit.id(), unit.name(), unit.kind());
            }
        }
        for (DemoAgency.Person person : DemoAgency.PEOPLE) {
            ensureUser(person, password);
            ensureMembership(person.id(), Units.AGENCY);
            person.groups().forEach(group -> ensureMembership(person.id(), group));
            registry.letColleaguesSee(Units.AGENCY, person.id());
            if (person.certificateNo() != null && registry.certificate(person.certificateNo()).isEmpty()) {
                registry.addCertificate(new EnforcementCertificate(person.id(), person.certificateNo(), ISSUER, FIELD,
                        DemoAgency.CERTIFICATE_FROM, DemoAgency.CERTIFICATE_TO, CertificateStatus.VALID));
            }
            if (person.qualificationNo() != null && registry.qualification(person.qualificationNo()).isEmpty()) {
                registry.addQualification(new LegalQualification(person.id(), person.qualificationNo(),
                        DemoAgency.CERTIFICATE_FROM.minusYears(3), CertificateStatus.VALID));
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
            StaffDirectory.evict();
        }
    }
}

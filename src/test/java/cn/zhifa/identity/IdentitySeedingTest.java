package cn.zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class IdentitySeedingTest {

    @Autowired IdentitySeeding seeding;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired FilterService filterService;
    @Autowired JdbcClient jdbc;
    @Autowired StaffDirectory staff;

    @Test
    void seedingTwiceAddsNothing() {
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();
        long memberships = identityService.createUserQuery().memberOfGroup(Units.AGENCY).count();
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long filters = filterService.createFilterQuery().count();
        long certificates = jdbc.sql("SELECT COUNT(*) FROM officer_certificate").query(Long.class).single();

        seeding.run(null);

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identityService.createUserQuery().memberOfGroup(Units.AGENCY).count()).isEqualTo(memberships);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM officer_certificate").query(Long.class).single())
                .isEqualTo(certificates);
    }

    @Test
    void seedsTheDemoAgencyWithItsRolesUnitsAndQualifications() {
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.OFFICER).count()).isGreaterThanOrEqualTo(3);
        assertThat(identityService.createUserQuery().memberOfGroup(Units.SQUAD_1).count()).isGreaterThanOrEqualTo(2);
        assertThat(identityService.createUserQuery().memberOfGroup(Units.SQUAD_2).count()).isGreaterThanOrEqualTo(1);
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.LEGAL_REVIEWER).count())
                .isGreaterThanOrEqualTo(2);
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.AGENCY_HEAD).count()).isGreaterThanOrEqualTo(2);
        assertThat(staff.hasLegalQualification("zhaomin")).isTrue();
        assertThat(staff.hasLegalQualification("qianlei")).isFalse();
        assertThat(staff.unitsOf("wangqiang")).contains(Units.SQUAD_2);
        assertThat(staff.find("zhaomin").orElseThrow().name()).isEqualTo("赵敏");
        assertThat(filterService.createFilterQuery().filterName("本单位待办").count()).isEqualTo(1);
    }
}

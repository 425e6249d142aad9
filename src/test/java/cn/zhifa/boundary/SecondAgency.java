package cn.zhifa.boundary;

import cn.zhifa.identity.Roles;
import cn.zhifa.identity.Units;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A second agency on the same platform (某县卫生健康委员会) beside the demo agency: its own handling unit, legal unit
 * and leadership, an officer pair, a qualified reviewer and a head. Created once per test JVM.
 */
@Component
class SecondAgency {

    static final String AGENCY = "agency-hw";
    static final String SQUAD = "hw-squad";
    static final String LEGAL = "hw-legal";
    static final String LEADERSHIP = "hw-leadership";
    static final String OFFICER = "hw-officer1";
    static final String OFFICER_2 = "hw-officer2";
    static final String REVIEWER = "hw-reviewer";
    static final String HEAD = "hw-head";
    static final String PASSWORD = "test-secret";

    private final IdentityService identity;
    private final JdbcClient jdbc;

    SecondAgency(IdentityService identity, JdbcClient jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @Transactional
    synchronized void ensure() {
        if (jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE id = ?").param(AGENCY).query(Long.class).single() > 0) {
            return;
        }
        unit(AGENCY, "某县卫生健康委员会", Units.KIND_AGENCY, null, "某县卫健罚");
        unit(SQUAD, "卫生监督所", Units.KIND_HANDLING, AGENCY, null);
        unit(LEGAL, "政策法规科", Units.KIND_LEGAL, AGENCY, null);
        unit(LEADERSHIP, "委领导", Units.KIND_LEADERSHIP, AGENCY, null);
        person(OFFICER, "孔", "明", List.of(Roles.OFFICER, SQUAD), "HW-2024-0001", null);
        person(OFFICER_2, "孟", "军", List.of(Roles.OFFICER, SQUAD), "HW-2024-0002", null);
        person(REVIEWER, "荀", "真", List.of(Roles.LEGAL_REVIEWER, LEGAL), null, "A20201100009");
        person(HEAD, "韩", "非", List.of(Roles.AGENCY_HEAD, LEADERSHIP), "HW-2024-0101", null);
    }

    private void unit(String id, String name, String kind, String agency, String prefix) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(Units.GROUP_TYPE);
        identity.saveGroup(group);
        jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id, case_number_prefix) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, kind, agency, prefix).update();
    }

    private void person(String id, String family, String given, List<String> groups, String certificate,
            String qualification) {
        User user = identity.newUser(id);
        user.setFirstName(family);
        user.setLastName(given);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, AGENCY);
        groups.forEach(group -> identity.createMembership(id, group));
        if (certificate != null) {
            jdbc.sql("""
                    INSERT INTO officer_certificate (user_id, certificate_no, issuer, valid_from, valid_to)
                    VALUES (?, ?, '某省人民政府', ?, ?)""")
                    .params(id, certificate, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31)).update();
        }
        if (qualification != null) {
            jdbc.sql("INSERT INTO legal_qualification (user_id, qualification_no, obtained_on) VALUES (?, ?, ?)")
                    .params(id, qualification, LocalDate.of(2020, 1, 1)).update();
        }
    }
}

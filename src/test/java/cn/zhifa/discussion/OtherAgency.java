package cn.zhifa.discussion;

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
 * A second agency beside the demo agency on the same platform (某县应急管理局), with five heads so that quorums can be
 * met and missed, an officer pair and its own administrator: its heads are "a head of another agency" for the demo
 * agency's cases. Created once per test JVM.
 */
@Component
class OtherAgency {

    static final String AGENCY = "agency-yj";
    static final String SQUAD = "yj-squad";
    static final String LEADERSHIP = "yj-leadership";
    static final String OFFICER = "yj-officer1";
    static final String OFFICER_2 = "yj-officer2";
    /** 机构管理员 of this agency only. */
    static final String ADMIN = "yj-admin";
    /** 主要负责人 in the tests' rule, then four more heads. */
    static final String PRINCIPAL = "yj-head1";
    static final List<String> HEADS = List.of(PRINCIPAL, "yj-head2", "yj-head3", "yj-head4", "yj-head5");

    private final IdentityService identity;
    private final JdbcClient jdbc;

    OtherAgency(IdentityService identity, JdbcClient jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @Transactional
    synchronized void ensure() {
        if (jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE id = ?").param(AGENCY).query(Long.class).single() > 0) {
            return;
        }
        unit(AGENCY, "某县应急管理局", Units.KIND_AGENCY, null, "某县应急罚");
        unit(SQUAD, "应急管理综合行政执法大队", Units.KIND_HANDLING, AGENCY, null);
        unit(LEADERSHIP, "局领导班子", Units.KIND_LEADERSHIP, AGENCY, null);
        person(OFFICER, "宋", "江", List.of(Roles.OFFICER, SQUAD), "YJ-2024-0001");
        person(OFFICER_2, "卢", "俊", List.of(Roles.OFFICER, SQUAD), "YJ-2024-0002");
        person(ADMIN, "朱", "武", List.of(Roles.AGENCY_ADMIN), null);
        String[][] names = {{"吴", "用"}, {"公孙", "胜"}, {"关", "胜"}, {"林", "冲"}, {"秦", "明"}};
        for (int i = 0; i < HEADS.size(); i++) {
            person(HEADS.get(i), names[i][0], names[i][1], List.of(Roles.AGENCY_HEAD, LEADERSHIP),
                    "YJ-2024-010" + (i + 1));
        }
    }

    private void unit(String id, String name, String kind, String agency, String prefix) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(Units.GROUP_TYPE);
        identity.saveGroup(group);
        jdbc.sql("INSERT INTO org_unit (id, name, kind, agency_id, case_number_prefix) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, kind, agency, prefix).update();
    }

    private void person(String id, String family, String given, List<String> groups, String certificate) {
        User user = identity.newUser(id);
        user.setFirstName(family);
        user.setLastName(given);
        user.setPassword(DiscussionDriver.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, AGENCY);
        groups.forEach(group -> identity.createMembership(id, group));
        if (certificate == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO officer_certificate (user_id, certificate_no, issuer, valid_from, valid_to)
                VALUES (?, ?, '某省人民政府', ?, ?)""")
                .params(id, certificate, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31)).update();
    }
}

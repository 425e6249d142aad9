package cn.zhifa.identity;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The identity feature's API: who someone is, which role and unit groups they belong to, and whether they hold a
 * valid enforcement certificate or a legal qualification. Other features ask here; they never query ACT_ID tables.
 */
@Service
public class StaffDirectory {

    private final IdentityService identityService;
    private final JdbcClient jdbc;

    StaffDirectory(IdentityService identityService, JdbcClient jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    public Optional<StaffMember> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(new StaffMember(userId, displayName(user), groupsOf(userId), certificatesOf(userId),
                hasLegalQualification(userId)));
    }

    public Set<String> groupsOf(String userId) {
        Set<String> groups = new LinkedHashSet<>();
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).forEach(groups::add);
        return groups;
    }

    public boolean isMember(String userId, String groupId) {
        return userId != null && identityService.createGroupQuery().groupMember(userId).groupId(groupId).count() > 0;
    }

    /** The unit groups (type UNIT) the user belongs to. */
    public Set<String> unitsOf(String userId) {
        Set<String> units = new LinkedHashSet<>();
        identityService.createGroupQuery().groupMember(userId).groupType(Units.GROUP_TYPE).list().stream()
                .map(Group::getId).forEach(units::add);
        return units;
    }

    public List<EnforcementCertificate> certificatesOf(String userId) {
        return jdbc.sql("""
                SELECT user_id, certificate_no, issuer, valid_from, valid_to, revoked
                FROM officer_certificate WHERE user_id = ? ORDER BY valid_to DESC""")
                .param(userId)
                .query((rs, i) -> new EnforcementCertificate(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getBoolean(6)))
                .list();
    }

    public Optional<EnforcementCertificate> validCertificate(String userId, LocalDate day) {
        return certificatesOf(userId).stream().filter(c -> c.isValidOn(day)).findFirst();
    }

    public boolean hasLegalQualification(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM legal_qualification WHERE user_id = ?").param(userId)
                .query(Long.class).single() > 0;
    }

    public String displayName(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : displayName(user);
    }

    private static String displayName(User user) {
        // Chinese names are stored 姓 as first name, 名 as last name, and read without a space
        return nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

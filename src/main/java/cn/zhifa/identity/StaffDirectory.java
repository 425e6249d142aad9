package cn.zhifa.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import cn.zhifa.system.TransactionCache;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The identity feature's API: who someone is, which role and unit groups they belong to, and whether they hold a
 * valid enforcement certificate or a legal qualification. Other features ask here; they never query ACT_ID tables.
 * Units, unit memberships, names, certificates and qualifications are read once per transaction ({@link TransactionCache}): the listeners
 * of one click each ask the same; the writers in this package evict them.
 */
@Service
public class StaffDirectory {

    static final String CERTIFICATE_COLUMNS =
            "user_id, certificate_no, issuer, enforcement_field, valid_from, valid_to, status";
    static final String QUALIFICATION_COLUMNS = "user_id, qualification_no, obtained_on, status";

    private final IdentityService identityService;
    private final JdbcClient jdbc;

    /** The owner of this directory's transaction cache entries. */
    private static final Object CACHE = StaffDirectory.class;

    private record Cached(String what, String first, String second) {
    }

    /** Forgets what this transaction has read, after a change of staff, units or qualifications. */
    static void evict() {
        TransactionCache.evict(CACHE, key -> true);
    }

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

    /*
     * The listeners' own questions (is he a member, which units, what is his name) read Camunda's identity tables
     * directly: through the IdentityService each is an engine command with the clicking user's authorization checks
     * (about a tenth of the listeners' CPU per case in the benchmark, bench/results/2026-12-01-analysis-3.md), and
     * the answer must not depend on what that user may read. Writes still go through the IdentityService.
     */

    public boolean isMember(String userId, String groupId) {
        return userId != null && TransactionCache.get(CACHE, new Cached("member", userId, groupId), () ->
                jdbc.sql("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? AND GROUP_ID_ = ?")
                        .params(userId, groupId).query(Long.class).single() > 0);
    }

    /** The unit groups (type UNIT) the user belongs to, in id order. */
    public Set<String> unitsOf(String userId) {
        return new LinkedHashSet<>(TransactionCache.get(CACHE, new Cached("unitsOf", userId, null), () ->
                List.copyOf(jdbc.sql("""
                        SELECT G.ID_ FROM ACT_ID_GROUP G JOIN ACT_ID_MEMBERSHIP M ON M.GROUP_ID_ = G.ID_
                        WHERE M.USER_ID_ = ? AND G.TYPE_ = ? ORDER BY G.ID_""")
                        .params(userId, Units.GROUP_TYPE).query(String.class).list())));
    }

    /** The agency (org_unit of kind AGENCY) the user belongs to: the agency whose cases he may work on. */
    public Optional<String> agencyOf(String userId) {
        Set<String> units = unitsOf(userId);
        if (units.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM org_unit WHERE kind = 'AGENCY' AND id IN (:ids) ORDER BY id")
                .param("ids", units).query(String.class).list().stream().findFirst();
    }

    /** The agency a unit belongs to (an agency belongs to itself). */
    public Optional<String> agencyOfUnit(String unitId) {
        return jdbc.sql("SELECT COALESCE(agency_id, id) FROM org_unit WHERE id = ?").param(unitId)
                .query(String.class).optional();
    }

    /** The units of one kind (HANDLING, LEGAL, LEADERSHIP) of an agency, in id order. */
    public List<String> unitsOfKind(String agencyId, String kind) {
        return TransactionCache.get(CACHE, new Cached("unitsOfKind", agencyId, kind), () -> List.copyOf(
                jdbc.sql("SELECT id FROM org_unit WHERE agency_id = ? AND kind = ? ORDER BY id")
                        .params(agencyId, kind).query(String.class).list()));
    }

    /** Member of one of the agency's units of this kind. */
    public boolean isInUnitOfKind(String agencyId, String kind, String userId) {
        if (userId == null || agencyId == null) {
            return false;
        }
        Set<String> units = unitsOf(userId);
        return unitsOfKind(agencyId, kind).stream().anyMatch(units::contains);
    }

    /** An agency head (负责人) of this agency: the head role and a seat in the agency's leadership unit. */
    public boolean isHeadOf(String agencyId, String userId) {
        return isMember(userId, Roles.AGENCY_HEAD) && isInUnitOfKind(agencyId, Units.KIND_LEADERSHIP, userId);
    }

    /** A member of the agency's legal-affairs unit (法制机构). */
    public boolean isInLegalUnitOf(String agencyId, String userId) {
        return isInUnitOfKind(agencyId, Units.KIND_LEGAL, userId);
    }

    public List<EnforcementCertificate> certificatesOf(String userId) {
        return TransactionCache.get(CACHE, new Cached("certificates", userId, null), () -> List.copyOf(
                jdbc.sql("SELECT " + CERTIFICATE_COLUMNS
                        + " FROM officer_certificate WHERE user_id = ? ORDER BY valid_to DESC")
                        .param(userId).query(StaffDirectory::certificate).list()));
    }

    /** A certificate of status 有效 whose dates cover the day; a suspended or revoked one never counts. */
    public Optional<EnforcementCertificate> validCertificate(String userId, LocalDate day) {
        return certificatesOf(userId).stream().filter(c -> c.isValidOn(day)).findFirst();
    }

    public List<LegalQualification> qualificationsOf(String userId) {
        return jdbc.sql("SELECT " + QUALIFICATION_COLUMNS
                + " FROM legal_qualification WHERE user_id = ? ORDER BY obtained_on DESC")
                .param(userId).query(StaffDirectory::qualification).list();
    }

    /** Holds a legal qualification that is not revoked (法律职业资格, 行政处罚法 第五十八条). */
    public boolean hasLegalQualification(String userId) {
        return TransactionCache.get(CACHE, new Cached("qualified", userId, null), () ->
                jdbc.sql("SELECT COUNT(*) FROM legal_qualification WHERE user_id = ? AND status = 'VALID'")
                        .param(userId).query(Long.class).single() > 0);
    }

    public String displayName(String userId) {
        if (userId == null) {
            return null;
        }
        return TransactionCache.get(CACHE, new Cached("name", userId, null), () -> jdbc.sql(
                "SELECT FIRST_, LAST_ FROM ACT_ID_USER WHERE ID_ = ?").param(userId)
                .query((rs, row) -> nullToEmpty(rs.getString(1)) + nullToEmpty(rs.getString(2)))
                .optional().orElse(userId));
    }

    static EnforcementCertificate certificate(ResultSet rs, int row) throws SQLException {
        return new EnforcementCertificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), CertificateStatus.valueOf(rs.getString(7)));
    }

    static LegalQualification qualification(ResultSet rs, int row) throws SQLException {
        return new LegalQualification(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                CertificateStatus.valueOf(rs.getString(4)));
    }

    private static String displayName(User user) {
        // Chinese names are stored 姓 as first name, 名 as last name, and read without a space
        return nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

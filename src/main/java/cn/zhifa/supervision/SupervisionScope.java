package cn.zhifa.supervision;

import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Which agencies a supervision reader sees: a supervisor (or administrator) all, an agency head his own. */
@Component
class SupervisionScope {

    /** {@code agencies} null: every agency. */
    record Scope(Set<String> agencies) {

        String sqlCondition(String column, Map<String, Object> params) {
            if (agencies == null) {
                return "1 = 1";
            }
            if (agencies.isEmpty()) {
                return "1 = 0";
            }
            params.put("scopeAgencies", agencies);
            return column + " IN (:scopeAgencies)";
        }
    }

    private final StaffDirectory staff;

    SupervisionScope(StaffDirectory staff) {
        this.staff = staff;
    }

    Scope of(String userId) {
        Set<String> groups = staff.groupsOf(userId);
        if (groups.contains(Roles.SUPERVISOR) || groups.contains(Roles.ADMIN)) {
            return new Scope(null);
        }
        return new Scope(staff.agencyOf(userId).map(Set::of).orElse(Set.of()));
    }
}

package cn.zhifa.casefile;

import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees which cases: an officer the cases of his unit(s), a legal reviewer the cases of his agency submitted for
 * review, a hearing host the cases of his agency at the hearing stage, an agency head the cases of his agency, a
 * supervisor or administrator all; anyone else none. Roles add up, and never cross agencies.
 */
@Component
class CaseVisibility {

    private final StaffDirectory staff;
    private final JdbcClient jdbc;

    CaseVisibility(StaffDirectory staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** What one person may see, as an SQL condition on case_file c. */
    record Viewer(boolean all, Set<String> units, Set<String> reviewAgencies, Set<String> hearingAgencies,
            Set<String> agencies) {

        String sqlCondition(Map<String, Object> params) {
            if (all) {
                return "1 = 1";
            }
            List<String> any = new java.util.ArrayList<>();
            if (!units.isEmpty()) {
                any.add("c.handling_unit_id IN (:viewerUnits)");
                params.put("viewerUnits", units);
            }
            if (!reviewAgencies.isEmpty()) {
                any.add("(c.submitted_for_review = TRUE AND c.agency_id IN (:reviewAgencies))");
                params.put("reviewAgencies", reviewAgencies);
            }
            if (!hearingAgencies.isEmpty()) {
                any.add("(c.stage = 'HEARING' AND c.agency_id IN (:hearingAgencies))");
                params.put("hearingAgencies", hearingAgencies);
            }
            if (!agencies.isEmpty()) {
                any.add("c.agency_id IN (:viewerAgencies)");
                params.put("viewerAgencies", agencies);
            }
            return any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")";
        }
    }

    Viewer of(String userId) {
        if (userId == null) {
            return new Viewer(false, Set.of(), Set.of(), Set.of(), Set.of());
        }
        Set<String> groups = staff.groupsOf(userId);
        if (groups.contains(Roles.SUPERVISOR) || groups.contains(Roles.ADMIN)) {
            return new Viewer(true, Set.of(), Set.of(), Set.of(), Set.of());
        }
        Set<String> units = groups.contains(Roles.OFFICER) ? staff.unitsOf(userId) : Set.of();
        Set<String> ownAgencies = agenciesOf(staff.unitsOf(userId));
        return new Viewer(false, units, groups.contains(Roles.LEGAL_REVIEWER) ? ownAgencies : Set.of(),
                groups.contains(Roles.HEARING_HOST) ? ownAgencies : Set.of(),
                groups.contains(Roles.AGENCY_HEAD) ? ownAgencies : Set.of());
    }

    private Set<String> agenciesOf(Set<String> units) {
        if (units.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                SELECT CASE WHEN kind = 'AGENCY' THEN id ELSE agency_id END FROM org_unit
                WHERE id IN (:units) AND (kind = 'AGENCY' OR agency_id IS NOT NULL)""")
                .param("units", units).query(String.class).list());
    }
}

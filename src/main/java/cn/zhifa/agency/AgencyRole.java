package cn.zhifa.agency;

import cn.zhifa.identity.Roles;
import java.util.Arrays;
import java.util.Optional;

/**
 * The roles an agency gives its own staff, and the kind of unit each needs: an officer registers cases for his
 * handling unit, a reviewer must sit in the legal-affairs unit, an agency head in the leadership. Supervisors,
 * process designers and platform administrators serve the whole platform and are not given here.
 */
enum AgencyRole {

    OFFICER(Roles.OFFICER, "执法人员", UnitKind.HANDLING),
    LEGAL_REVIEWER(Roles.LEGAL_REVIEWER, "法制审核人员", UnitKind.LEGAL),
    AGENCY_HEAD(Roles.AGENCY_HEAD, "机关负责人", UnitKind.LEADERSHIP),
    HEARING_HOST(Roles.HEARING_HOST, "听证主持人", null),
    AGENCY_ADMIN(Roles.AGENCY_ADMIN, "机构管理员", null);

    private final String group;
    private final String label;
    private final UnitKind unitKind;

    AgencyRole(String group, String label, UnitKind unitKind) {
        this.group = group;
        this.label = label;
        this.unitKind = unitKind;
    }

    /** The Camunda role group. */
    String group() {
        return group;
    }

    String label() {
        return label;
    }

    /** The kind of unit the holder must belong to; empty when any unit, or none, will do. */
    Optional<UnitKind> unitKind() {
        return Optional.ofNullable(unitKind);
    }

    static Optional<AgencyRole> ofGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
    }

    static Optional<AgencyRole> ofLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}

package cn.zhifa.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may administer an agency: the platform administrator any agency, an agency administrator (agency-admin) only
 * the agency he belongs to. The security rule for {@code /api/admin/agencies/{agencyId}/**} asks here.
 */
class AgencyAdministrators {

    private final StaffDirectory staff;

    AgencyAdministrators(StaffDirectory staff) {
        this.staff = staff;
    }

    boolean mayAdminister(Authentication caller, String agencyId) {
        if (caller == null || !caller.isAuthenticated() || agencyId == null) {
            return false;
        }
        if (hasAuthority(caller, Roles.ADMIN)) {
            return true;
        }
        return hasAuthority(caller, Roles.AGENCY_ADMIN) && staff.agencyOf(caller.getName()).filter(agencyId::equals)
                .isPresent();
    }

    private static boolean hasAuthority(Authentication caller, String authority) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}

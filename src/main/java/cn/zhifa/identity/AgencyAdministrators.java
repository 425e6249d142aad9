package cn.zhifa.identity;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may administer the agency named in the path ({agencyId}): the platform administrator any agency, an agency
 * administrator (agency-admin) only the agency he belongs to.
 */
class AgencyAdministrators implements AuthorizationManager<RequestAuthorizationContext> {

    private final StaffDirectory staff;

    AgencyAdministrators(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        boolean platformAdmin = hasAuthority(caller, Roles.ADMIN);
        boolean ownAgency = hasAuthority(caller, Roles.AGENCY_ADMIN) && staff.agencyOf(caller.getName())
                .filter(agency -> agency.equals(context.getVariables().get("agencyId"))).isPresent();
        return new AuthorizationDecision(platformAdmin || ownAgency);
    }

    private static boolean hasAuthority(Authentication caller, String authority) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}

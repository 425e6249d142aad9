package cn.zhifa.identity;

import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and (for supervisors, administrators and an agency's heads) a staff member with certificates. */
@RestController
class MeController {

    private final StaffDirectory staff;

    MeController(StaffDirectory staff) {
        this.staff = staff;
    }

    record MeResponse(String userId, String name, Set<String> groups, EnforcementCertificate validCertificate,
            boolean legallyQualified) {
    }

    @GetMapping("/api/me")
    MeResponse me(Principal principal) {
        StaffMember member = staff.find(principal.getName())
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "用户不存在"));
        return new MeResponse(member.userId(), member.name(), member.groups(),
                staff.validCertificate(member.userId(), LocalDate.now()).orElse(null), member.legallyQualified());
    }

    @GetMapping("/api/staff/{userId}")
    StaffMember member(@PathVariable @Size(max = 64) @WellFormedText String userId, Principal principal) {
        Set<String> callerGroups = staff.groupsOf(principal.getName());
        if (!callerGroups.contains(Roles.SUPERVISOR) && !callerGroups.contains(Roles.ADMIN)
                && !callerGroups.contains(Roles.AGENCY_HEAD)) {
            throw new ZhifaException(HttpStatus.FORBIDDEN, "FORBIDDEN", "仅监督人员、机关负责人和管理员可以查看人员信息");
        }
        boolean overseer = callerGroups.contains(Roles.SUPERVISOR) || callerGroups.contains(Roles.ADMIN);
        // an agency head sees his own agency's staff; another agency's people are not there for him
        Optional<String> agency = staff.agencyOf(principal.getName());
        if (!overseer && (agency.isEmpty() || !agency.equals(staff.agencyOf(userId)))) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "用户不存在");
        }
        return staff.find(userId)
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "用户不存在"));
    }
}

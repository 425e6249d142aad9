package cn.zhifa.discussion;

import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's rule of collective discussion over HTTP: its heads, administrators and supervisors read it; it is set
 * with the agency's setup, under /api/admin/agencies/{agencyId}, whose security rule admits the platform
 * administrator and that agency's own administrator only.
 */
@RestController
class DiscussionRuleController {

    record DiscussionRuleRequest(@Size(max = 64) @WellFormedText String principalHead,
            @NotNull @Min(1) @Max(100) Integer quorumNumerator, @NotNull @Min(1) @Max(100) Integer quorumDenominator,
            boolean quorumInclusive,
            @NotNull DiscussionRule.Conclusion conclusion, @NotNull DiscussionRule.MeetingKind meetingKind) {
    }

    private final DiscussionRules rules;
    private final StaffDirectory staff;

    DiscussionRuleController(DiscussionRules rules, StaffDirectory staff) {
        this.rules = rules;
        this.staff = staff;
    }

    @GetMapping("/api/agencies/{agencyId}/discussion-rule")
    DiscussionRule rule(@PathVariable @Size(max = 64) @WellFormedText String agencyId, Principal principal) {
        String user = principal.getName();
        Set<String> groups = staff.groupsOf(user);
        boolean ownAdministrator = groups.contains(Roles.AGENCY_ADMIN)
                && staff.agencyOf(user).map(agencyId::equals).orElse(false);
        if (!groups.contains(Roles.ADMIN) && !groups.contains(Roles.SUPERVISOR) && !ownAdministrator
                && !staff.isHeadOf(agencyId, user)) {
            throw new ZhifaException(HttpStatus.FORBIDDEN, "FORBIDDEN", "仅本机关负责人、管理员和监督人员可以查看集体讨论规则");
        }
        return rules.of(agencyId);
    }

    @PutMapping("/api/admin/agencies/{agencyId}/discussion-rule")
    DiscussionRule update(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @Valid @RequestBody DiscussionRuleRequest request, Principal principal) {
        String principalHead = request.principalHead() == null || request.principalHead().isBlank() ? null
                : request.principalHead().strip();
        return rules.update(new DiscussionRule(agencyId, principalHead, request.quorumNumerator(),
                request.quorumDenominator(), request.quorumInclusive(), request.conclusion(), request.meetingKind()),
                principal.getName());
    }
}

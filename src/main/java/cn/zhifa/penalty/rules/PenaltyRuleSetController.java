package cn.zhifa.penalty.rules;

import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.Valid;
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
 * An agency's rule set over HTTP: its own staff, the platform's administrators and supervisors read it; it is set with
 * the agency's setup, under /api/admin/agencies/{agencyId}, whose security rule admits the platform administrator and
 * that agency's own administrator only.
 */
@RestController
class PenaltyRuleSetController {

    record PenaltyRuleSetRequest(@NotNull Boolean reviewAll) {
    }

    private final PenaltyRuleSets ruleSets;
    private final StaffDirectory staff;

    PenaltyRuleSetController(PenaltyRuleSets ruleSets, StaffDirectory staff) {
        this.ruleSets = ruleSets;
        this.staff = staff;
    }

    @GetMapping("/api/agencies/{agencyId}/penalty-rule-set")
    PenaltyRuleSet ruleSet(@PathVariable @Size(max = 64) @WellFormedText String agencyId, Principal principal) {
        String user = principal.getName();
        Set<String> groups = staff.groupsOf(user);
        if (!groups.contains(Roles.ADMIN) && !groups.contains(Roles.SUPERVISOR)
                && !staff.agencyOf(user).map(agencyId::equals).orElse(false)) {
            throw new ZhifaException(HttpStatus.FORBIDDEN, "FORBIDDEN", "仅本机关工作人员、管理员和监督人员可以查看行政处罚规则集");
        }
        return ruleSets.of(agencyId);
    }

    @PutMapping("/api/admin/agencies/{agencyId}/penalty-rule-set")
    PenaltyRuleSet update(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @Valid @RequestBody PenaltyRuleSetRequest request, Principal principal) {
        return ruleSets.update(new PenaltyRuleSet(agencyId, request.reviewAll()), principal.getName());
    }
}

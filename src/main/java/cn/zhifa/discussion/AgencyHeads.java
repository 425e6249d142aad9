package cn.zhifa.discussion;

import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.identity.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The members of an agency's collective discussion: its heads, i.e. the people of its leadership unit who hold the
 * head role ({@link StaffDirectory#isHeadOf}), and nobody else (seed 002: no case committee or review group in their
 * place). The principal head comes first, then the others by user id, as the minutes list them.
 */
@Component
class AgencyHeads {

    private final IdentityService identityService;
    private final StaffDirectory staff;

    AgencyHeads(IdentityService identityService, StaffDirectory staff) {
        this.identityService = identityService;
        this.staff = staff;
    }

    List<String> of(String agencyId, String principalHead) {
        TreeSet<String> heads = new TreeSet<>();
        for (String unit : staff.unitsOfKind(agencyId, Units.KIND_LEADERSHIP)) {
            identityService.createUserQuery().memberOfGroup(unit).list().stream().map(User::getId)
                    .filter(user -> staff.isHeadOf(agencyId, user)).forEach(heads::add);
        }
        List<String> ordered = new ArrayList<>(heads);
        ordered.sort(Comparator.comparing((String head) -> !head.equals(principalHead)));
        return ordered;
    }

    /** Options for a form's select or checklist ({@code valuesKey}): the name a person reads, the id submitted. */
    List<Map<String, String>> options(List<String> heads) {
        List<Map<String, String>> options = new ArrayList<>();
        for (String head : heads) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", staff.displayName(head));
            option.put("value", head);
            options.add(option);
        }
        return options;
    }

    String names(List<String> heads) {
        return heads.isEmpty() ? "无" : String.join("、", heads.stream().map(staff::displayName).toList());
    }
}

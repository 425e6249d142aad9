package cn.zhifa.casefile;

import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules a new case must meet before anything is stored: an officer of the handling unit registers it, the parties
 * carry valid identity numbers or credit codes, and at least two officers of that unit with valid enforcement
 * certificates are on it (行政处罚法 第四十二条). Every refusal is a 422 with a Chinese message.
 */
@Component
class NewCaseValidation {

    record Unit(String id, String agencyId) {
    }

    record Valid(Unit unit, Map<String, OfficerRole> officers) {
    }

    private final StaffDirectory staff;
    private final JdbcClient jdbc;

    NewCaseValidation(StaffDirectory staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    Valid check(NewCase request, String actor, LocalDate today) {
        if (actor == null || !staff.isMember(actor, Roles.OFFICER)) {
            throw refused("CASE_REGISTER_NOT_OFFICER", "只有执法人员可以登记案件");
        }
        Unit unit = handlingUnit(request.handlingUnitId(), actor);
        if (request.kind() == null) {
            throw refused("CASE_KIND_REQUIRED", "请选择案件类型");
        }
        if (request.title() == null || request.title().isBlank()) {
            throw refused("CASE_TITLE_REQUIRED", "请填写案由");
        }
        checkParties(request.parties());
        return new Valid(unit, checkOfficers(request.officers(), unit, today));
    }

    private Unit handlingUnit(String requested, String actor) {
        Set<String> actorUnits = staff.unitsOf(actor);
        List<Unit> handling = jdbc.sql("SELECT id, agency_id FROM org_unit WHERE kind = 'HANDLING' AND id IN (:ids)")
                .param("ids", actorUnits.isEmpty() ? Set.of("") : actorUnits)
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2))).list();
        if (requested == null || requested.isBlank()) {
            if (handling.size() != 1) {
                throw refused("CASE_UNIT_REQUIRED", "请选择承办机构");
            }
            return handling.get(0);
        }
        return handling.stream().filter(u -> u.id().equals(requested.strip())).findFirst()
                .orElseThrow(() -> refused("CASE_UNIT_NOT_OWN", "只能以本人所在的承办机构登记案件"));
    }

    private static void checkParties(List<NewCase.NewParty> parties) {
        if (parties.isEmpty()) {
            throw refused("CASE_PARTY_REQUIRED", "请至少填写一名当事人");
        }
        for (NewCase.NewParty party : parties) {
            if (party == null || party.kind() == null || party.name() == null || party.name().isBlank()) {
                throw refused("PARTY_INCOMPLETE", "当事人的类型和姓名（名称）必须填写");
            }
            String number = party.idNumber() == null ? "" : party.idNumber().strip();
            if (party.kind() == PartyKind.INDIVIDUAL && !ResidentIdentityNumber.isValid(number)) {
                throw refused("PARTY_ID_NUMBER_INVALID",
                        "当事人“" + party.name().strip() + "”的公民身份号码不正确（应为18位，校验位须正确）");
            }
            if (party.kind() == PartyKind.ORGANISATION && !UnifiedSocialCreditCode.isValid(number)) {
                throw refused("PARTY_CREDIT_CODE_INVALID",
                        "当事人“" + party.name().strip() + "”的统一社会信用代码不正确（应为18位，校验位须正确）");
            }
        }
    }

    private Map<String, OfficerRole> checkOfficers(List<NewCase.NewOfficer> officers, Unit unit, LocalDate today) {
        Map<String, OfficerRole> chosen = new LinkedHashMap<>();
        for (NewCase.NewOfficer officer : officers) {
            if (officer != null && officer.userId() != null && !officer.userId().isBlank()) {
                chosen.putIfAbsent(officer.userId().strip(), officer.role());
            }
        }
        if (chosen.size() < 2) {
            throw refused("CASE_TOO_FEW_OFFICERS", "执法人员不得少于两人（《行政处罚法》第四十二条）");
        }
        List<String> problems = new ArrayList<>();
        for (String userId : chosen.keySet()) {
            String name = staff.displayName(userId);
            if (!staff.isMember(userId, Roles.OFFICER) || !staff.isMember(userId, unit.id())) {
                problems.add(name + "不是本承办机构的执法人员");
            } else if (staff.validCertificate(userId, today).isEmpty()) {
                problems.add(name + "没有有效的行政执法证件");
            }
        }
        if (!problems.isEmpty()) {
            throw refused("CASE_OFFICER_NOT_QUALIFIED", "办案人员不符合要求：" + String.join("；", problems));
        }
        Map<String, OfficerRole> roles = new LinkedHashMap<>();
        boolean first = true;
        for (Map.Entry<String, OfficerRole> e : chosen.entrySet()) {
            OfficerRole role = e.getValue() != null ? e.getValue() : first ? OfficerRole.HANDLER : OfficerRole.INVESTIGATOR;
            roles.put(e.getKey(), role);
            first = false;
        }
        return roles;
    }

    static ZhifaException refused(String code, String message) {
        return new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}

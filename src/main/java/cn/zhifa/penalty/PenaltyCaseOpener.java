package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.CaseOpener;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The clue an officer registers in Tasklist opens the case: the register stores it in stage 线索 (CLUE) with the party
 * and the two officers (the one who registers, as handling officer, and the colleague he names), and refuses it with
 * its own rules (an officer of a handling unit, valid identity numbers, two officers of that unit with valid
 * certificates). The register's transaction is the engine's: a start refused later leaves no case behind.
 */
@Component
class PenaltyCaseOpener implements CaseOpener {

    private final CaseRegister cases;

    PenaltyCaseOpener(CaseRegister cases) {
        this.cases = cases;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public CaseDetail open(DelegateExecution execution, String starter) {
        PartyKind kind = partyKind(execution.getVariable(PARTY_KIND));
        NewCase.NewParty party = new NewCase.NewParty(kind, text(execution, PARTY_NAME),
                text(execution, PARTY_ID_NUMBER), text(execution, PARTY_ADDRESS));
        List<NewCase.NewOfficer> officers = new ArrayList<>();
        officers.add(new NewCase.NewOfficer(starter, OfficerRole.HANDLER));
        String colleague = text(execution, CO_OFFICER);
        if (colleague != null && !colleague.isBlank()) {
            officers.add(new NewCase.NewOfficer(colleague.strip(), OfficerRole.INVESTIGATOR));
        }
        long caseId = cases.register(new NewCase(CaseKind.PENALTY, text(execution, CASE_TITLE), null,
                List.of(party), officers), starter).id();
        return cases.find(caseId).orElseThrow();
    }

    private static PartyKind partyKind(Object value) {
        try {
            return value == null ? null : PartyKind.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new PenaltyRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_INVALID", "当事人类型不正确");
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}

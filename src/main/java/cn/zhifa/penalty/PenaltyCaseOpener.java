package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.CaseOpener;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseOfficer;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.Party;
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

    /**
     * A case the on-the-spot procedure handed over (outside its limits): it stays the clue it is, with its party and
     * officers and the on-the-spot record entries; the start form's party and officer fields are taken from the case,
     * so the filing and the decision read the party the officer recorded on the spot. Only an officer on the case may
     * take it, and only while it is a clue not yet filed.
     */
    @Override
    public CaseDetail adopt(DelegateExecution execution, String starter, CaseDetail handedOver) {
        if (handedOver.kind() != CaseKind.PENALTY || handedOver.stage() != CaseStage.CLUE
                || handedOver.parties().size() != 1) {
            throw new PenaltyRefusedException(HttpStatus.CONFLICT, "CASE_NOT_ADOPTABLE",
                    "移交的案件须为尚未立案、只有一名当事人的行政处罚案件线索；本案处于" + handedOver.stage().chineseName() + "阶段");
        }
        if (!cases.isOfficerOnCase(handedOver.id(), starter)) {
            throw new PenaltyRefusedException(HttpStatus.FORBIDDEN, "NOT_OFFICER_ON_CASE",
                    "只有本案的办案人员才能对移交的案件启动一般程序");
        }
        Party party = handedOver.parties().get(0);
        execution.setVariable(CASE_TITLE, handedOver.title());
        execution.setVariable(PARTY_KIND, party.kind().name());
        execution.setVariable(PARTY_NAME, party.name());
        execution.setVariable(PARTY_ID_NUMBER, party.idNumber());
        execution.setVariable(PARTY_ADDRESS, party.address());
        handedOver.officers().stream().map(CaseOfficer::userId).filter(id -> !id.equals(starter)).findFirst()
                .ifPresent(colleague -> execution.setVariable(CO_OFFICER, colleague));
        return handedOver;
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

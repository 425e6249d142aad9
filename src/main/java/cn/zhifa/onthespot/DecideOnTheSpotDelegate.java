package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * After the table {@code simple-procedure-eligible}: a penalty outside the limits of 第五十一条 is refused, nothing of
 * the procedure stays, and the case stays in the register as a clue with what the officer recorded in its record, for
 * the general procedure (一般程序). Within them the decision is made: the case gets its number (the numbered form of
 * 第五十二条) and moves to the decision stage.
 */
@Component("decideOnTheSpotDelegate")
class DecideOnTheSpotDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseRecord caseRecord;
    private final OnTheSpotRefusals refusals;

    DecideOnTheSpotDelegate(CaseRegister cases, CaseRecord caseRecord, OnTheSpotRefusals refusals) {
        this.cases = cases;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String officer = (String) execution.getVariable(EngineVariables.STARTED_BY);
        Map<?, ?> eligibility = (Map<?, ?>) execution.getVariable(ELIGIBILITY);
        String reason = String.valueOf(eligibility.get("reason"));
        if (!Boolean.TRUE.equals(eligibility.get("eligible"))) {
            Map<String, Object> data = new LinkedHashMap<>(OpenSimplePenaltyExecutionListener.recorded(execution));
            data.put("handedOverTo", "penalty-case");
            throw refusals.refuse(caseId, officer, OpenSimplePenaltyExecutionListener.STEP,
                    HttpStatus.UNPROCESSABLE_ENTITY, "SIMPLE_PROCEDURE_NOT_ELIGIBLE", reason + "。不能当场处罚："
                            + "本案（登记号" + caseId + "）保留在案件登记中，已记录的违法事实、依据和当事人陈述记入案件记录，"
                            + "请启动一般程序（立案、调查取证）办理", data);
        }
        String caseNo = cases.assignNumber(caseId);
        cases.moveTo(caseId, CaseStage.DECISION, officer);
        execution.setVariable(CASE_NO, caseNo);
        execution.setVariable(DECIDED_AT, Date.from(EngineClock.now()));
        Map<String, Object> data = new LinkedHashMap<>(OpenSimplePenaltyExecutionListener.recorded(execution));
        data.put("caseNo", caseNo);
        data.put("smallFineCollectable", eligibility.get("smallFineCollectable"));
        caseRecord.append(caseId, officer, "ON_THE_SPOT_DECIDED", "当场作出行政处罚决定（" + caseNo + "）："
                + ("FINE".equals(execution.getVariable(PENALTY_KIND)) ? "罚款" + execution.getVariable(FINE_TEXT)
                        : "警告") + "。" + reason, data);
    }
}

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
import org.springframework.stereotype.Component;

/**
 * Within the limits of 第五十一条 (the gateway after the table {@code simple-procedure-eligible}; outside them the case
 * is handed over to the general procedure) the decision is made: the case gets its number (the numbered form of
 * 第五十二条) and moves to the decision stage.
 */
@Component("decideOnTheSpotDelegate")
class DecideOnTheSpotDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    DecideOnTheSpotDelegate(CaseRegister cases, CaseRecord caseRecord) {
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String officer = (String) execution.getVariable(EngineVariables.STARTED_BY);
        Map<?, ?> eligibility = (Map<?, ?>) execution.getVariable(ELIGIBILITY);
        String reason = String.valueOf(eligibility.get("reason"));
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

package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The decision is served: a penalty goes on to execution (stage EXECUTION, the case record's CASE_HANDED_OVER entry
 * that the execution stage picks up); a decision not to penalise waits in stage SERVICE for closing.
 */
@Component("handOverDelegate")
class HandOverDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseSteps steps;

    HandOverDelegate(CaseRegister cases, CaseSteps steps) {
        this.cases = cases;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        boolean penalty = "PENALTY".equals(execution.getVariable(CASE_DECISION));
        if (penalty) {
            cases.moveTo(caseId, CaseStage.EXECUTION, "system");
        }
        Date served = (Date) execution.getVariable(DECISION_SERVED_AT);
        String servedOn = served == null ? "？" : EngineClock.ZONE.getRules() != null
                ? served.toInstant().atZone(EngineClock.ZONE).toLocalDate().toString() : "？";
        steps.record(execution, null, "CASE_HANDED_OVER", (penalty ? "行政处罚决定书已于 " + servedOn + " 送达，移交执行"
                : "不予行政处罚决定书已于 " + servedOn + " 送达，待结案"),
                Map.of("decisionDocumentId", String.valueOf(execution.getVariable(DECISION_DOCUMENT_ID)),
                        "servedOn", servedOn, "next", penalty ? "EXECUTION" : "CLOSING"));
    }
}

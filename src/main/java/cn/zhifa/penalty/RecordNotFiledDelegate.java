package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The head refused to file: the clue is closed with his reasons; it never gets a case number. */
@Component("recordNotFiledDelegate")
class RecordNotFiledDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseSteps steps;

    RecordNotFiledDelegate(CaseRegister cases, CaseSteps steps) {
        this.cases = cases;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String head = (String) execution.getVariable(FILING_DECIDED_BY);
        cases.moveTo(TaskActors.caseIdOf(execution), CaseStage.CLOSED, head);
        steps.record(execution, head, "CASE_NOT_FILED", "不予立案：" + execution.getVariable(FILING_DECISION_REASON),
                Map.of());
    }
}

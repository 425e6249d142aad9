package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The head transferred the case (涉嫌犯罪 to the judicial organs, or to the competent agency) or closed it. A transfer
 * goes on to case-execution for closing (docs/execution.md, outcome TRANSFER); no decision is served on the party, so
 * the closing period counts from the day of the transfer decision, passed as {@code decisionServedAt}.
 */
@Component("recordTransferDelegate")
class RecordTransferDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseSteps steps;

    RecordTransferDelegate(CaseRegister cases, CaseSteps steps) {
        this.cases = cases;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = (String) execution.getVariable(CASE_DECISION);
        String head = (String) execution.getVariable(DECIDED_BY);
        boolean closed = "CLOSE_CASE".equals(decision);
        cases.moveTo(TaskActors.caseIdOf(execution), closed ? CaseStage.WITHDRAWN : CaseStage.TRANSFERRED, head);
        if (!closed) {
            execution.setVariable(DECISION_OUTCOME, "TRANSFER");
            execution.setVariable(DECISION_SERVED_AT, execution.getVariable(DECIDED_AT));
            execution.setVariable(FINE_AMOUNT_FEN, 0L);
            execution.setVariable(CONFISCATION_AMOUNT_FEN, 0L);
        }
        steps.record(execution, head, closed ? "CASE_WITHDRAWN" : "CASE_TRANSFERRED",
                PenaltyCaseTaskListener.proposalName(decision) + "：" + execution.getVariable(DECISION_REASON),
                Map.of("decision", decision));
    }
}

package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * An end of the review: the result the caller branches on is the end event's {@code reviewResult} property, so a
 * designer sees it in the Modeler. The case is no longer overdue for this review.
 */
@Component("closeLegalReviewExecutionListener")
class CloseLegalReviewExecutionListener implements ExecutionListener {

    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    CloseLegalReviewExecutionListener(CaseRegister cases, CaseRecord caseRecord) {
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String result = resultOf(execution.getBpmnModelElementInstance());
        execution.setVariable(REVIEW_RESULT, result);
        long caseId = ReviewActors.caseIdOf(execution);
        cases.markOverdue(caseId, false);
        caseRecord.append(caseId, "system", "REVIEW_CLOSED", "法制审核结束：" + ReviewResult.valueOf(result).chineseName(),
                Map.of("reviewResult", result, "processInstanceId", execution.getProcessInstanceId()));
    }

    private static String resultOf(FlowElement endEvent) {
        CamundaProperties properties = endEvent.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).singleResult();
        return properties.getCamundaProperties().stream().filter(p -> REVIEW_RESULT.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst()
                .orElseThrow(() -> new IllegalStateException(endEvent.getId() + " names no reviewResult"));
    }
}

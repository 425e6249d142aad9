package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.deadline.DeadlineService;
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
 * designer sees it in the Modeler. The case moves on to the stage that follows the result
 * ({@link ReviewResult#stageAfter}); its overdue mark follows the deadlines still running (the review's is done).
 */
@Component("closeLegalReviewExecutionListener")
class CloseLegalReviewExecutionListener implements ExecutionListener {

    private final CaseRegister cases;
    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;

    CloseLegalReviewExecutionListener(CaseRegister cases, DeadlineService deadlines, CaseRecord caseRecord) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String result = resultOf(execution.getBpmnModelElementInstance());
        execution.setVariable(REVIEW_RESULT, result);
        ReviewResult reviewResult = ReviewResult.valueOf(result);
        long caseId = TaskActors.caseIdOf(execution);
        CaseStage next = reviewResult.stageAfter(cases.find(caseId).orElseThrow().kind());
        cases.markOverdue(caseId, deadlines.hasOverdue(String.valueOf(caseId)));
        caseRecord.append(caseId, "system", "REVIEW_CLOSED", "法制审核结束：" + reviewResult.chineseName(),
                Map.of("reviewResult", result, "processInstanceId", execution.getProcessInstanceId(),
                        "nextStage", next.name()));
        cases.moveTo(caseId, next, "system");
    }

    private static String resultOf(FlowElement endEvent) {
        CamundaProperties properties = endEvent.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).singleResult();
        return properties.getCamundaProperties().stream().filter(p -> REVIEW_RESULT.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst()
                .orElseThrow(() -> new IllegalStateException(endEvent.getId() + " names no reviewResult"));
    }
}

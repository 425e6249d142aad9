package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The submission to legal review (its seven parts, docs/legal-review.md) put together from the report and the defence. */
@Component("prepareLegalReviewDelegate")
class PrepareLegalReviewDelegate implements JavaDelegate {

    private final CaseSteps steps;

    PrepareLegalReviewDelegate(CaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String penalty = String.valueOf(execution.getVariable(PENALTY_DESCRIPTION));
        execution.setVariable(MATTER, "PENALTY");
        execution.setVariable("decisionTitle", "拟作出行政处罚：" + penalty);
        execution.setVariable("basicFacts", execution.getVariable(FACTS));
        execution.setVariable("appliedLaw", execution.getVariable(LEGAL_BASIS));
        execution.setVariable("discretionApplied", execution.getVariable(DISCRETION_REASON));
        execution.setVariable("investigation", execution.getVariable(EVIDENCE));
        execution.setVariable("hearingAssessment", hearingAssessment(execution));
        execution.setVariable("draftDecision", "行政处罚决定书（代拟稿）：" + penalty);
        execution.setVariable("evidenceList", execution.getVariable(EVIDENCE));
        steps.record(execution, (String) execution.getVariable(REPORTED_BY), "REVIEW_PREPARED",
                "整理法制审核送审材料：" + execution.getVariable(LEGAL_REVIEW_REASON), Map.of());
    }

    private static String hearingAssessment(DelegateExecution execution) {
        Object hearing = execution.getVariable(HEARING_RESULT);
        Object statement = execution.getVariable(STATEMENT_REVIEW);
        return (hearing != null ? "听证：" + hearing + "；" : "未举行听证；")
                + (statement != null ? "陈述申辩复核意见：" + statement : "当事人未提出陈述、申辩");
    }
}

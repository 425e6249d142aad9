package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the decision tables the designers keep in processes/ (hearing-right, legal-review-required,
 * collective-discussion-required, latest deployed version) with the case's inputs, and keeps each answer as a boolean
 * and its Chinese reason: plain variables the gateways and listeners read (a decision result map would need Java
 * serialization, which the engine refuses). A case that must be discussed is reviewed first (seed 002(e):
 * 未经法制审查或者经审查不合法的，不能提交会议讨论).
 */
@Component("penaltyRulesDelegate")
class PenaltyRulesDelegate implements JavaDelegate {

    private record Table(String key, String output, String flag, String reason, String what) {
    }

    private static final Map<String, Table> TABLES = Map.of(
            "Task_EvaluateHearingRight", new Table("hearing-right", "hearingRight", HEARING_RIGHT,
                    HEARING_RIGHT_REASON, "听证权利"),
            "Task_EvaluateCollectiveDiscussion", new Table("collective-discussion-required",
                    "collectiveDiscussionRequired", DISCUSSION_REQUIRED, DISCUSSION_REASON, "须集体讨论"),
            "Task_EvaluateLegalReview", new Table("legal-review-required", "legalReviewRequired",
                    LEGAL_REVIEW_REQUIRED, LEGAL_REVIEW_REASON, "须法制审核"));

    private final DecisionService decisions;
    private final CaseSteps steps;

    PenaltyRulesDelegate(DecisionService decisions, CaseSteps steps) {
        this.decisions = decisions;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Table table = TABLES.get(execution.getCurrentActivityId());
        DmnDecisionResultEntries answer = decisions.evaluateDecisionByKey(table.key()).variables(inputs(execution))
                .evaluate().getSingleResult();
        boolean value = answer != null && Boolean.TRUE.equals(answer.get(table.output()));
        Object why = answer == null ? null : answer.get("reason");
        execution.setVariable(table.flag(), value);
        execution.setVariable(table.reason(), why == null ? "" : why.toString());
        if (LEGAL_REVIEW_REQUIRED.equals(table.flag()) && !value && FormValues.isTrue(execution, DISCUSSION_REQUIRED)) {
            execution.setVariable(LEGAL_REVIEW_REQUIRED, true);
            execution.setVariable(LEGAL_REVIEW_REASON, "须经负责人集体讨论的案件，讨论前须经法制审核");
        }
        steps.record(execution, null, "RULE_EVALUATED", table.what() + "：" + (value ? "是" : "否")
                + (why == null ? "" : "（" + why + "）"), Map.of("decision", table.key(), "value", value));
    }

    /** The inputs the issue fixes for all three tables, with their defaults where a step has not set them. */
    private static Map<String, Object> inputs(DelegateExecution execution) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(PARTY_KIND, execution.getVariable(PARTY_KIND));
        inputs.put(PENALTY_KIND, execution.getVariable(PENALTY_KIND));
        Double fine = FormValues.amount(execution, FINE_AMOUNT);
        Double confiscation = FormValues.amount(execution, CONFISCATION_AMOUNT);
        inputs.put(FINE_AMOUNT, fine == null ? 0d : fine);
        inputs.put(CONFISCATION_AMOUNT, confiscation == null ? 0d : confiscation);
        inputs.put(HEARING_HELD, FormValues.isTrue(execution, HEARING_HELD));
        inputs.put(COMPLEX, FormValues.isTrue(execution, COMPLEX));
        inputs.put(MAJOR_PUBLIC_INTEREST, FormValues.isTrue(execution, MAJOR_PUBLIC_INTEREST));
        inputs.put(SEVERE_VIOLATION, FormValues.isTrue(execution, SEVERE_VIOLATION));
        return inputs;
    }
}

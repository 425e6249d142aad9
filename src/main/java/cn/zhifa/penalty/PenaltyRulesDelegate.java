package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import java.util.Map;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.penalty.rules.DecisionInputs;
import cn.zhifa.penalty.rules.PenaltyRuleSets;
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
    private final PenaltyRuleSets ruleSets;
    private final CaseSteps steps;

    PenaltyRulesDelegate(DecisionService decisions, PenaltyRuleSets ruleSets, CaseSteps steps) {
        this.decisions = decisions;
        this.ruleSets = ruleSets;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Table table = TABLES.get(execution.getCurrentActivityId());
        DmnDecisionResultEntries answer = decisions.evaluateDecisionByKey(table.key()).variables(inputs(execution, ruleSets))
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

    /**
     * The inputs of the three tables: the penalty proposed, the facts the report states, whether a hearing was held,
     * and the agency's rule set; the decision period's first extension is the head's, a further one is discussed
     * separately (collective-discussion, matter DECISION_EXTENSION), so the tables see none here.
     */
    private static Map<String, Object> inputs(DelegateExecution execution, PenaltyRuleSets ruleSets) {
        return new DecisionInputs(PartyKind.valueOf((String) execution.getVariable(PARTY_KIND)),
                Penalties.proposed(execution), FormValues.isTrue(execution, HEARING_HELD),
                FormValues.isTrue(execution, COMPLEX), FormValues.isTrue(execution, MAJOR_PUBLIC_INTEREST),
                FormValues.isTrue(execution, SEVERE_VIOLATION), false,
                ruleSets.of(TaskActors.agencyOf(execution)).reviewAll()).variables();
    }
}

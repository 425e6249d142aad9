package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.system.EngineClock;
import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the head's decision must respect (行政处罚法 第四十四条、第四十五条、第五十七条、第五十八条、第六十二条): the party's
 * statement period has run or he waived it in writing, the penalty is not heavier than the one notified, a required
 * legal review has passed (a TRANSFER opinion ends in a transfer), and the conclusion of a collective discussion binds.
 */
@Component
class DecisionRules {

    record Refusal(String code, String message) {
    }

    private static final Set<String> REVIEW_PASSED = Set.of("APPROVED", "APPROVED_AFTER_COORDINATION");

    private final DeadlineService deadlines;
    private final PenaltyComparison comparison;

    DecisionRules(DeadlineService deadlines, PenaltyComparison comparison) {
        this.deadlines = deadlines;
        this.comparison = comparison;
    }

    Refusal check(DelegateTask task, String decision, Instant now) {
        boolean penalty = "PENALTY".equals(decision);
        boolean transfer = decision.startsWith("TRANSFER_");
        boolean notified = task.getVariable(NOTICE_SERVED_AT) != null;
        if (penalty && !notified) {
            return new Refusal("NOTICE_REQUIRED", "作出行政处罚决定之前，须告知当事人拟作出的行政处罚并听取陈述、申辩（《行政处罚法》第四十四条、第六十二条）");
        }
        if (notified && !FormValues.isTrue(task, STATEMENT_WAIVED)) {
            var period = deadlines.find(task.getProcessInstanceId(), STATEMENT_PERIOD);
            if (period.isPresent() && !now.isAfter(period.get().dueAt())) {
                return new Refusal("STATEMENT_PERIOD_RUNNING", "当事人的陈述、申辩期限至 "
                        + period.get().dueAt().atZone(EngineClock.ZONE).toLocalDate()
                        + " 届满，期限届满前不能作出决定（当事人书面放弃的除外）");
            }
        }
        Object reviewResult = task.getVariable(REVIEW_RESULT);
        if ("TRANSFER".equals(reviewResult) && !transfer) {
            return new Refusal("LEGAL_REVIEW_TRANSFER", "法制审核意见为移送有权机关，只能作出移送的决定");
        }
        if (FormValues.isTrue(task, LEGAL_REVIEW_REQUIRED) && !transfer
                && (reviewResult == null || !REVIEW_PASSED.contains(reviewResult))) {
            return new Refusal("LEGAL_REVIEW_NOT_PASSED", "本案须经法制审核（" + task.getVariable(LEGAL_REVIEW_REASON)
                    + "），未经法制审核或者审核未通过的，不得作出决定（《行政处罚法》第五十八条）");
        }
        Refusal discussion = discussionBinds(task, decision);
        if (discussion != null) {
            return discussion;
        }
        if (penalty && notified) {
            String heavier = comparison.heavierThanNotified(task);
            if (heavier != null) {
                return new Refusal("PENALTY_HEAVIER_THAN_NOTIFIED", "决定的处罚重于告知的处罚（" + heavier
                        + "）；行政机关不得因当事人陈述、申辩而给予更重的处罚（《行政处罚法》第四十五条），拟加重的须重新告知");
            }
        }
        return null;
    }

    private static Refusal discussionBinds(DelegateTask task, String decision) {
        Object result = task.getVariable(DISCUSSION_RESULT);
        if (FormValues.isTrue(task, DISCUSSION_REQUIRED) && result == null) {
            return new Refusal("DISCUSSION_REQUIRED", "本案须经负责人集体讨论决定（《行政处罚法》第五十七条第二款）");
        }
        if (result == null) {
            return null;
        }
        boolean consistent = switch (result.toString()) {
            case "PENALTY_AS_PROPOSED", "PENALTY_CHANGED" -> "PENALTY".equals(decision);
            case "NO_PENALTY" -> "NO_PENALTY".equals(decision);
            case "TRANSFER" -> decision.startsWith("TRANSFER_");
            default -> true;
        };
        return consistent ? null : new Refusal("DISCUSSION_CONCLUSION_BINDS",
                "决定须与负责人集体讨论的决定一致：" + task.getVariable("discussionConclusion"));
    }
}

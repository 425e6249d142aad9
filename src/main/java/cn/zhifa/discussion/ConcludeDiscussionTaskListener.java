package cn.zhifa.discussion;

import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The conclusion (讨论决定), by the presiding head once every head present has spoken: on create the form gets every
 * opinion; on completion the outcome must be one of the matter's, with what it needs (the changed penalty and
 * whether it is heavier, the authority to transfer to, what to investigate, the length of a further extension), and
 * must follow the agency's rule: under "the majority decides" the proposal is adopted exactly when more than half of
 * the heads present agreed. The result goes back to the caller in engine-owned variables.
 */
@Component("concludeDiscussionTaskListener")
class ConcludeDiscussionTaskListener implements TaskListener {

    private final DiscussionRules rules;
    private final DiscussionOpinions opinions;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final DiscussionRefusals refusals;

    ConcludeDiscussionTaskListener(DiscussionRules rules, DiscussionOpinions opinions,
            StaffDirectory staff, CaseRecord caseRecord, DiscussionRefusals refusals) {
        this.rules = rules;
        this.opinions = opinions;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariable(OPINION_SUMMARY, summary(opinions.of(task.getProcessInstanceId())));
            return;
        }
        String presiding = TaskActors.actorOf(task);
        DiscussionForm form = new DiscussionForm(task, presiding, refusals);
        DiscussionMatter matter = DiscussionMatter.valueOf((String) task.getVariable(MATTER));
        DiscussionResult outcome = DiscussionResult.valueOf(form.choice(CONCLUSION_OUTCOME, "讨论决定",
                matter.outcomes().stream().map(Enum::name).toList()));
        String reasons = form.text(CONCLUSION_REASONS, "决定理由");
        DiscussionRule rule = rules.of(TaskActors.agencyOf(task));
        DiscussionOpinions.Tally tally = DiscussionOpinions.tally(opinions.of(task.getProcessInstanceId()));
        String conclusion = conclusion(task, form, matter, outcome, rule, tally) + "。理由：" + reasons;
        task.setVariable(DISCUSSION_RESULT, outcome.name());
        task.setVariable(DISCUSSION_CONCLUSION, conclusion);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("discussionResult", outcome.name());
        data.put("conclusionRule", rule.conclusion().name());
        data.put("present", tally.present());
        data.put("agree", tally.agree());
        data.put("disagree", tally.disagree());
        data.put("absent", tally.absent());
        for (String detail : new String[] {CHANGED_PENALTY_HEAVIER, FURTHER_EXTENSION_DAYS}) {
            if (task.getVariable(detail) != null) {
                data.put(detail, task.getVariable(detail));
            }
        }
        caseRecord.append(TaskActors.caseIdOf(task), presiding, "DISCUSSION_CONCLUDED",
                "集体讨论决定：" + conclusion + "（" + tally.describe() + "）", data);
    }

    /** What was decided, as the caller and the minutes read it; sets the outcome's own result variables. */
    private String conclusion(DelegateTask task, DiscussionForm form, DiscussionMatter matter,
            DiscussionResult outcome, DiscussionRule rule, DiscussionOpinions.Tally tally) {
        String extra = switch (outcome) {
            case PENALTY_CHANGED -> {
                String changed = form.text(CHANGED_PENALTY, "变更后的行政处罚");
                boolean heavier = form.flag(HEAVIER_THAN_PROPOSED);
                task.setVariable(CHANGED_PENALTY_HEAVIER, heavier);
                yield "：" + changed + (heavier ? "（重于原拟作出的行政处罚，应重新告知当事人）" : "（不重于原拟作出的行政处罚）");
            }
            case TRANSFER -> "：" + form.text(TRANSFER_AUTHORITY, "移送的机关");
            case FURTHER_INVESTIGATION -> "，需补充调查：" + form.text(INVESTIGATION_ITEMS, "需补充调查的事项");
            case EXTENSION_GRANTED -> {
                int days = form.positiveNumber(EXTENSION_DAYS, "继续延长的天数");
                task.setVariable(FURTHER_EXTENSION_DAYS, days);
                yield days + "日";
            }
            default -> "";
        };
        if (rule.conclusion() == DiscussionRule.Conclusion.MAJORITY) {
            checkMajority(task, form, matter, outcome, tally);
        }
        return outcome.chineseName() + extra;
    }

    private void checkMajority(DelegateTask task, DiscussionForm form, DiscussionMatter matter,
            DiscussionResult outcome, DiscussionOpinions.Tally tally) {
        boolean asProposed = outcome == matter.asProposed();
        Map<String, Object> numbers = Map.of("present", tally.present(), "agree", tally.agree());
        if (tally.carried() && !asProposed) {
            throw form.refuse("CONCLUSION_AGAINST_MAJORITY", "本机关按出席负责人过半数的意见作出决定：" + tally.describe()
                    + "，应作出“" + matter.asProposed().chineseName() + "”的决定", numbers);
        }
        if (!tally.carried() && asProposed) {
            throw form.refuse("CONCLUSION_WITHOUT_MAJORITY", "本机关按出席负责人过半数的意见作出决定：" + tally.describe()
                    + "，同意的未过半数，不能作出“" + outcome.chineseName() + "”的决定", numbers);
        }
        Object proposed = task.getVariable(PROPOSED_EXTENSION_DAYS);
        Object granted = task.getVariable(FURTHER_EXTENSION_DAYS);
        if (asProposed && matter == DiscussionMatter.DECISION_EXTENSION && !proposed.equals(granted)) {
            throw form.refuse("CONCLUSION_AGAINST_MAJORITY", "出席负责人过半数同意的是继续延长" + proposed
                    + "日，按本机关规则应按此决定", numbers);
        }
    }

    private String summary(List<DiscussionOpinions.Opinion> all) {
        StringBuilder text = new StringBuilder(DiscussionOpinions.tally(all).describe()).append('\n');
        for (DiscussionOpinions.Opinion opinion : all) {
            text.append(staff.displayName(opinion.member())).append('：').append(opinion.stance().chineseName);
            if (opinion.reasons() != null) {
                text.append("。").append(opinion.reasons());
            }
            text.append('\n');
        }
        return text.toString().strip();
    }
}

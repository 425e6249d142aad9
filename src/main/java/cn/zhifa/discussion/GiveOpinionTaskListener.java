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
 * A head present gives his own opinion on what was put to the meeting: agree or disagree, a disagreement with its
 * reasons. It is kept in the case file and the case record under his name ({@link DiscussionHeadTaskListener} has
 * made sure it is his).
 */
@Component("giveDiscussionOpinionTaskListener")
class GiveOpinionTaskListener implements TaskListener {

    private final DiscussionOpinions opinions;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final DiscussionRefusals refusals;

    GiveOpinionTaskListener(DiscussionOpinions opinions, StaffDirectory staff,
            CaseRecord caseRecord, DiscussionRefusals refusals) {
        this.opinions = opinions;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String head = TaskActors.actorOf(task);
        DiscussionForm form = new DiscussionForm(task, head, refusals);
        DiscussionOpinions.Stance stance = DiscussionOpinions.Stance.valueOf(
                form.choice(OPINION, "意见", List.of("AGREE", "DISAGREE")));
        String reasons = stance == DiscussionOpinions.Stance.DISAGREE ? form.text(OPINION_REASONS, "不同意的理由")
                : form.optionalText(OPINION_REASONS, "意见及理由");
        long caseId = TaskActors.caseIdOf(task);
        opinions.record(task.getProcessInstanceId(), caseId, head, stance, reasons);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("member", head);
        data.put("stance", stance.name());
        data.put("reasons", reasons == null ? "" : reasons);
        caseRecord.append(caseId, head, "DISCUSSION_OPINION", staff.displayName(head) + "发表意见：" + stance.chineseName
                + (reasons == null ? "" : "。" + reasons), data);
    }
}

package cn.zhifa.discussion;

import cn.zhifa.boundary.FormJson;
import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Convening (召集): date, place and recorder of the meeting, and who presides: the principal head, or a head he
 * designates (only he may designate another). The members are all heads of the case's agency, fixed here; the quorum
 * is counted against them.
 */
@Component("conveneDiscussionTaskListener")
class ConveneDiscussionTaskListener implements TaskListener {

    static final DateTimeFormatter MEETING_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H时mm分");

    private final DiscussionRules rules;
    private final AgencyHeads heads;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final DiscussionRefusals refusals;

    ConveneDiscussionTaskListener(DiscussionRules rules, AgencyHeads heads,
            StaffDirectory staff, CaseRecord caseRecord, DiscussionRefusals refusals) {
        this.rules = rules;
        this.heads = heads;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String convener = TaskActors.actorOf(task);
        DiscussionForm form = new DiscussionForm(task, convener, refusals);
        DiscussionRule rule = rules.of(TaskActors.agencyOf(task));
        List<String> members = heads.of(rule.agencyId(), rule.principalHead());
        String principal = rule.principalHead();
        if (principal == null || !members.contains(principal)) {
            throw refusals.refuse(task, convener, "PRINCIPAL_HEAD_NOT_SET",
                    "本机关尚未设定主要负责人（或所设人员已不是本机关负责人），请系统管理员设定集体讨论规则后再召集");
        }
        String presiding = form.optionalText(DESIGNATED_PRESIDING_HEAD, "主持人");
        presiding = presiding == null ? principal : presiding;
        if (!members.contains(presiding)) {
            throw refusals.refuse(task, convener, "PRESIDING_NOT_HEAD",
                    staff.displayName(presiding) + "不是本机关负责人，不能主持集体讨论");
        }
        if (!presiding.equals(principal) && !convener.equals(principal)) {
            throw refusals.refuse(task, convener, "PRESIDING_NOT_DESIGNATED", "集体讨论由主要负责人"
                    + staff.displayName(principal) + "主持，或由其指定的负责人主持；" + staff.displayName(convener)
                    + "不能指定" + staff.displayName(presiding) + "主持");
        }
        LocalDateTime at = form.dateTime(MEETING_AT, "会议时间");
        String place = form.text(MEETING_PLACE, "会议地点");
        String recorder = form.text(RECORDER, "记录人");
        Quorum quorum = rule.quorum();
        String presidingName = staff.displayName(presiding)
                + (presiding.equals(principal) ? "（主要负责人）" : "（受主要负责人指定）");
        String meeting = MEETING_TIME.format(at) + "，" + place + "；" + rule.meetingKind().chineseName() + "，主持人"
                + presidingName + "，记录人" + recorder + "；应出席负责人" + members.size() + "人（"
                + heads.names(members) + "），须" + quorum.describe() + "即至少" + quorum.required(members.size())
                + "人出席";
        task.setVariable(MEETING_AT, at.toString()); // one spelling for the steps after, whatever the client sent
        task.setVariable(CONVENED_BY, convener);
        task.setVariable(PRESIDING_HEAD, presiding);
        task.setVariable(PRESIDING_HEAD_NAME, presidingName);
        task.setVariable(MEMBERS, FormJson.list(members));
        task.setVariable(MEMBER_OPTIONS, FormJson.json(heads.options(members)));
        task.setVariable(MEETING_TEXT, meeting);
        caseRecord.append(TaskActors.caseIdOf(task), convener, "DISCUSSION_CONVENED", "召集集体讨论：" + meeting,
                Map.of("meetingAt", at.toString(), "place", place, "presidingHead", presiding, "members", members,
                        "quorumRequired", quorum.required(members.size())));
    }
}

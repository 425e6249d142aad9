package cn.zhifa.discussion;

import cn.zhifa.boundary.FormJson;
import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Attendance (出席情况), recorded by the presiding head when the meeting opens: only the agency's heads count as
 * members present, the presiding head among them; those attending without a vote are listed, never counted. Without
 * the agency's quorum the meeting cannot go on to a decision: it is refused with the numbers, and the presiding head
 * postpones it instead. Each head absent is recorded as absent.
 */
@Component("recordDiscussionAttendanceTaskListener")
class RecordAttendanceTaskListener implements TaskListener {

    private final DiscussionRules rules;
    private final AgencyHeads heads;
    private final StaffDirectory staff;
    private final DiscussionOpinions opinions;
    private final CaseRecord caseRecord;
    private final DiscussionRefusals refusals;

    RecordAttendanceTaskListener(DiscussionRules rules, AgencyHeads heads,
            StaffDirectory staff, DiscussionOpinions opinions, CaseRecord caseRecord, DiscussionRefusals refusals) {
        this.rules = rules;
        this.heads = heads;
        this.staff = staff;
        this.opinions = opinions;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String presiding = TaskActors.actorOf(task);
        DiscussionForm form = new DiscussionForm(task, presiding, refusals);
        long caseId = TaskActors.caseIdOf(task);
        if (form.choice(MEETING_ACTION, "会议情况", List.of("HOLD", "POSTPONE")).equals("POSTPONE")) {
            String reason = form.text(POSTPONE_REASON, "改期原因");
            caseRecord.append(caseId, presiding, "DISCUSSION_POSTPONED", "集体讨论改期：" + reason,
                    Map.of("meetingAt", String.valueOf(task.getVariable(MEETING_AT))));
            return;
        }
        LocalDate meetingDay = LocalDateTime.parse((String) task.getVariable(MEETING_AT)).toLocalDate();
        if (EngineClock.today().isBefore(meetingDay)) {
            throw refusals.refuse(task, presiding, "MEETING_NOT_YET",
                    "会议定于" + meetingDay + "召开，尚未到会议日期，不能登记出席情况");
        }
        String agency = TaskActors.agencyOf(task);
        List<String> members = FormJson.strings(task.getVariable(MEMBERS));
        List<String> attending = form.userIds(ATTENDING_HEADS, "出席的负责人");
        List<String> strangers = attending.stream()
                .filter(user -> !members.contains(user) || !staff.isHeadOf(agency, user)).toList();
        if (!strangers.isEmpty()) {
            throw form.refuse("NOT_A_MEMBER", heads.names(strangers) + "不是本机关负责人，不能作为集体讨论的组成人员出席"
                    + "（可以列为列席人员，不参加表决，不计入出席人数）", Map.of("notMembers", strangers));
        }
        if (!attending.contains(presiding)) {
            throw form.refuse("PRESIDING_HEAD_ABSENT", "主持人" + staff.displayName(presiding) + "未列为出席，会议不能举行；请改期",
                    Map.of());
        }
        Quorum quorum = rules.of(agency).quorum();
        int required = quorum.required(members.size());
        if (!quorum.met(attending.size(), members.size())) {
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("heads", members.size());
            numbers.put("required", required);
            numbers.put("present", attending.size());
            throw form.refuse("QUORUM_NOT_MET", "出席的负责人不足法定人数，会议不能作出决定：本机关负责人共" + members.size()
                    + "人，须" + quorum.describe() + "即至少" + required + "人出席，实际出席" + attending.size() + "人；请改期召开",
                    numbers);
        }
        List<String> present = members.stream().filter(attending::contains).toList();
        List<String> absent = members.stream().filter(member -> !attending.contains(member)).toList();
        String absence = form.optionalText(ABSENCE_NOTE, "缺席原因");
        String nonVoting = form.optionalText(NON_VOTING_ATTENDEES, "列席人员");
        absent.forEach(member -> opinions.record(task.getProcessInstanceId(), caseId, member,
                DiscussionOpinions.Stance.ABSENT, absence));
        String attendance = "应到" + members.size() + "人，实到" + present.size() + "人（" + heads.names(present) + "）"
                + (absent.isEmpty() ? "" : "，缺席" + absent.size() + "人（" + heads.names(absent)
                        + (absence == null ? "" : "，" + absence) + "）")
                + "；列席：" + (nonVoting == null ? "无" : nonVoting + "（不参加表决，不计入出席人数）");
        task.setVariable(PRESENT_MEMBERS, FormJson.list(present));
        task.setVariable(ABSENT_MEMBERS, FormJson.list(absent));
        task.setVariable(ATTENDANCE_TEXT, attendance);
        caseRecord.append(caseId, presiding, "DISCUSSION_ATTENDANCE", "集体讨论出席情况：" + attendance,
                Map.of("present", present, "absent", absent, "required", required,
                        "nonVoting", nonVoting == null ? "" : nonVoting));
    }
}

package cn.zhifa.discussion;

import cn.zhifa.boundary.FormJson;
import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The minutes (集体讨论记录) go into the case file: date and place, the presiding head, the heads present and absent,
 * those attending without a vote, the recorder, the matter and each head's opinion, the conclusion with the tally and
 * every dissent, and a line for each signature. Generated as the presiding head, who signs them first.
 */
@Component("recordDiscussionMinutesDelegate")
class RecordMinutesDelegate implements JavaDelegate {

    private final DocumentService documents;
    private final DiscussionOpinions opinions;
    private final DiscussionRules rules;
    private final AgencyHeads heads;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;

    RecordMinutesDelegate(DocumentService documents, DiscussionOpinions opinions, DiscussionRules rules,
            AgencyHeads heads, StaffDirectory staff, CaseRecord caseRecord) {
        this.documents = documents;
        this.opinions = opinions;
        this.rules = rules;
        this.heads = heads;
        this.staff = staff;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String presiding = (String) execution.getVariable(PRESIDING_HEAD);
        List<String> present = FormJson.strings(execution.getVariable(PRESENT_MEMBERS));
        List<String> absent = FormJson.strings(execution.getVariable(ABSENT_MEMBERS));
        List<String> members = FormJson.strings(execution.getVariable(MEMBERS));
        List<DiscussionOpinions.Opinion> all = opinions.of(execution.getProcessInstanceId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("discussionTime", LocalDateTime.parse((String) execution.getVariable(MEETING_AT)));
        data.put("discussionPlace", execution.getVariable(MEETING_PLACE));
        data.put("chair", execution.getVariable(PRESIDING_HEAD_NAME));
        data.put("attendees", heads.names(present) + "（应到" + members.size() + "人，实到" + present.size() + "人）");
        data.put("absentees", absentees(absent, execution.getVariable(ABSENCE_NOTE)));
        data.put("observers", text(execution.getVariable(NON_VOTING_ATTENDEES), "无") + "（列席人员不参加表决）");
        data.put("recorder", execution.getVariable(RECORDER));
        data.put("discussion", discussion(execution, all));
        data.put("conclusion", conclusion(execution, all));
        data.put("signatures", present.stream().map(head -> staff.displayName(head) + "（签名）：＿＿＿＿")
                .collect(Collectors.joining("　")));
        StoredDocument minutes = documents.generate(caseId, DocumentType.COLLECTIVE_DISCUSSION, data, presiding);
        execution.setVariable(MINUTES_DOCUMENT_ID, minutes.id());
        caseRecord.append(caseId, presiding, "DISCUSSION_MINUTES", "集体讨论记录已归入案卷：" + minutes.fileName(),
                Map.of("documentId", minutes.id(), "documentSha256", minutes.sha256(),
                        "discussionResult", String.valueOf(execution.getVariable(DISCUSSION_RESULT))));
    }

    private String discussion(DelegateExecution execution, List<DiscussionOpinions.Opinion> all) {
        DiscussionRule rule = rules.of(TaskActors.agencyOf(execution));
        StringBuilder text = new StringBuilder()
                .append("会议形式：").append(rule.meetingKind().chineseName()).append('\n')
                .append("讨论事项：").append(execution.getVariable(MATTER_NAME)).append("——")
                .append(execution.getVariable(DECISION_TITLE)).append('\n');
        line(text, "案件情况", execution.getVariable(CASE_STATEMENT));
        line(text, "拟处理意见", execution.getVariable(DRAFT_DECISION));
        line(text, "法制审核", execution.getVariable(LEGAL_REVIEW_TEXT));
        line(text, "听证情况", execution.getVariable(HEARING_REPORT_TEXT));
        line(text, "办案期限", execution.getVariable(DECISION_PERIOD_TEXT));
        line(text, "申请继续延期的理由", execution.getVariable(EXTENSION_GROUNDS));
        line(text, "拟继续延长", execution.getVariable(PROPOSED_EXTENSION_DAYS) == null ? null
                : execution.getVariable(PROPOSED_EXTENSION_DAYS) + "日");
        text.append("出席负责人意见：");
        int i = 1;
        for (DiscussionOpinions.Opinion opinion : all) {
            if (opinion.stance() != DiscussionOpinions.Stance.ABSENT) {
                text.append('\n').append(i++).append('．').append(staff.displayName(opinion.member())).append('：')
                        .append(opinion.stance().chineseName)
                        .append(opinion.reasons() == null ? "" : "。" + opinion.reasons());
            }
        }
        return text.toString();
    }

    private String conclusion(DelegateExecution execution, List<DiscussionOpinions.Opinion> all) {
        DiscussionRule rule = rules.of(TaskActors.agencyOf(execution));
        List<String> dissent = all.stream().filter(o -> o.stance() == DiscussionOpinions.Stance.DISAGREE)
                .map(o -> staff.displayName(o.member()) + "：" + o.reasons()).toList();
        return execution.getVariable(DISCUSSION_CONCLUSION) + "\n表决情况：" + DiscussionOpinions.tally(all).describe()
                + "\n不同意见：" + (dissent.isEmpty() ? "无" : String.join("；", dissent))
                + "\n决定方式：" + rule.conclusion().chineseName();
    }

    private String absentees(List<String> absent, Object note) {
        return absent.isEmpty() ? "无" : heads.names(absent) + (note == null || note.toString().isBlank() ? ""
                : "（" + note.toString().strip() + "）");
    }

    private static void line(StringBuilder text, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            text.append(label).append('：').append(value).append('\n');
        }
    }

    private static String text(Object value, String otherwise) {
        return value == null || value.toString().isBlank() ? otherwise : value.toString().strip();
    }
}

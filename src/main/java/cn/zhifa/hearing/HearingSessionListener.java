package cn.zhifa.hearing;

import cn.zhifa.boundary.FormJson;
import static cn.zhifa.hearing.HearingActorsListener.HOLD_TASK;
import static cn.zhifa.hearing.HearingActorsListener.REPORT_TASK;
import static cn.zhifa.hearing.HearingActorsListener.TRANSCRIPT_TASK;
import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseOfficer;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.documents.Attachment;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hearing itself (行政处罚法 第六十四条第五项至第八项): who attended (the party, one or two agents with a power of
 * attorney, the investigators of the case), the investigators' facts, evidence and proposal, the party's defence and
 * cross-examination; or how it did not take place: the party absent without good reason (ABSENT), leaving without
 * permission or withdrawing (WITHDRAWN), asking for postponement (once, unless the agency allows more) or for the
 * host's recusal. Then the clerk's transcript, signed by the party or the refusal noted by the host, and the host's
 * report.
 */
@Component("hearingSessionListener")
class HearingSessionListener implements TaskListener {

    static final List<String> ACTIONS = List.of("HELD", "ABSENT", "LEFT", "WITHDRAWN", "POSTPONE", "RECUSAL");
    private static final int MAX_AGENTS = 2;

    private final CaseRegister cases;
    private final CaseAttachments attachments;
    private final CaseRecord caseRecord;
    private final HearingRefusals refusals;
    private final int maxPostponements;

    HearingSessionListener(CaseRegister cases, CaseAttachments attachments, CaseRecord caseRecord,
            HearingRefusals refusals, @Value("${zhifa.hearing.max-postponements:1}") int maxPostponements) {
        this.cases = cases;
        this.attachments = attachments;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
        this.maxPostponements = maxPostponements;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        HearingForm form = new HearingForm(task, actor, refusals);
        CaseDetail detail = cases.find(TaskActors.caseIdOf(task)).orElseThrow();
        switch (task.getTaskDefinitionKey()) {
            case HOLD_TASK -> hold(task, actor, form, detail);
            case TRANSCRIPT_TASK -> transcript(task, actor, form, detail);
            case REPORT_TASK -> report(task, actor, form, detail);
            default -> throw new IllegalStateException("not a session task: " + task.getTaskDefinitionKey());
        }
    }

    private void hold(DelegateTask task, String actor, HearingForm form, CaseDetail detail) {
        String action = form.choice(HEARING_ACTION, "听证情况", ACTIONS);
        LocalDateTime at = LocalDateTime.parse((String) task.getVariable(HEARING_AT));
        if (List.of("HELD", "ABSENT", "LEFT").contains(action) && EngineClock.today().isBefore(at.toLocalDate())) {
            throw form.refuse("HEARING_NOT_YET", "听证定于" + at.toLocalDate() + "举行，当日之前不能登记听证情况");
        }
        if ("HELD".equals(action)) {
            held(task, actor, form, detail);
            return;
        }
        String note = form.text(ACTION_NOTE, switch (action) {
            case "ABSENT" -> "当事人未出席的情况（已通知、无正当理由）";
            case "LEFT" -> "当事人未经许可中途退出的情况";
            case "WITHDRAWN" -> "当事人放弃听证的方式和日期";
            case "POSTPONE" -> "当事人申请延期的理由";
            default -> "申请回避的理由";
        });
        String outcome;
        String recorded;
        switch (action) {
            case "ABSENT" -> {
                outcome = HearingResult.ABSENT.name();
                task.setVariable(HEARING_RESULT, outcome);
                recorded = "当事人无正当理由拒不出席听证，视为放弃听证权利，终止听证：" + note;
            }
            case "LEFT", "WITHDRAWN" -> {
                outcome = HearingResult.WITHDRAWN.name();
                task.setVariable(HEARING_RESULT, outcome);
                recorded = ("LEFT".equals(action) ? "当事人未经许可中途退出听证，视为放弃听证权利，终止听证："
                        : "当事人放弃听证：") + note;
            }
            case "POSTPONE" -> {
                int used = ((Number) task.getVariable(POSTPONEMENTS)).intValue();
                if (used >= maxPostponements) {
                    throw form.refuse("POSTPONEMENT_LIMIT", "本案听证已延期" + used + "次，不能再次延期",
                            Map.of("postponements", used));
                }
                task.setVariable(POSTPONEMENTS, used + 1);
                outcome = "POSTPONED";
                recorded = "当事人申请延期举行听证，准予延期：" + note;
            }
            default -> {
                outcome = "RECUSAL";
                recorded = "当事人申请听证主持人" + task.getVariable(HEARING_HOST_NAME) + "回避：" + note;
            }
        }
        task.setVariable(HEARING_OUTCOME, outcome);
        caseRecord.append(detail.id(), actor, "POSTPONED".equals(outcome) ? "HEARING_POSTPONED"
                : "RECUSAL".equals(outcome) ? "HEARING_RECUSAL_REQUESTED" : "HEARING_ENDED", recorded,
                Map.of("action", action, "note", note));
    }

    private void held(DelegateTask task, String actor, HearingForm form, CaseDetail detail) {
        String present = form.choice(PARTY_PRESENT, "当事人出席情况", List.of("PARTY", "AGENTS", "BOTH"));
        String agents = form.optionalText(AGENT_NAMES, "委托代理人");
        StringBuilder attendance = new StringBuilder("当事人：").append(detail.parties().stream()
                .map(p -> p.name()).collect(Collectors.joining("、"))).append("PARTY".equals(present) ? "（本人出席）"
                        : "AGENTS".equals(present) ? "（未出席，委托代理人出席）" : "（本人出席）");
        if (!"PARTY".equals(present) || agents != null) {
            List<String> names = FormJson.strings(agents);
            if (names.isEmpty()) {
                throw form.refuse("FIELD_REQUIRED", "请填写委托代理人");
            }
            if (names.size() > MAX_AGENTS) {
                throw form.refuse("TOO_MANY_AGENTS", "当事人可以委托一至二人代理参加听证，登记了" + names.size() + "人");
            }
            String attachmentId = form.text(POWER_OF_ATTORNEY_ATTACHMENT_ID, "授权委托书（附件编号）");
            caseAttachment(form, detail, attachmentId, "授权委托书");
            attendance.append("；委托代理人：").append(String.join("、", names)).append("（授权委托书附件").append(attachmentId)
                    .append("）");
        }
        List<String> investigators = form.userIds(ATTENDING_INVESTIGATORS, "出席的调查人员");
        if (investigators.isEmpty()) {
            throw form.refuse("FIELD_REQUIRED", "请选择出席听证的调查人员");
        }
        Map<String, CaseOfficer> officers = detail.officers().stream()
                .collect(Collectors.toMap(CaseOfficer::userId, o -> o));
        List<String> strangers = investigators.stream().filter(i -> !officers.containsKey(i)).toList();
        if (!strangers.isEmpty()) {
            throw form.refuse("INVESTIGATOR_NOT_ON_CASE", "出席听证提出事实、证据和处罚建议的须为本案调查人员："
                    + String.join("、", strangers) + "不是本案办案人员");
        }
        attendance.append("；调查人员：").append(investigators.stream().map(i -> officers.get(i).name())
                .collect(Collectors.joining("、")));
        form.text(INVESTIGATOR_STATEMENT, "调查人员提出的违法事实、证据和处罚建议");
        form.text(PARTY_STATEMENT, "当事人的陈述、申辩和质证意见");
        task.setVariable(ATTENDANCE_TEXT, attendance.toString());
        task.setVariable(HEARING_OUTCOME, HearingResult.HELD.name());
        caseRecord.append(detail.id(), actor, "HEARING_HELD", "举行听证（" + task.getVariable(HEARING_TEXT) + "）。出席："
                + attendance, Map.of("investigators", investigators, "partyPresent", present));
    }

    private void transcript(DelegateTask task, String actor, HearingForm form, CaseDetail detail) {
        String attachmentId = form.optionalText(TRANSCRIPT_ATTACHMENT_ID, "听证笔录（附件编号）");
        String text = form.optionalText(TRANSCRIPT_TEXT, "听证笔录");
        if (attachmentId == null && text == null) {
            throw form.refuse("TRANSCRIPT_MISSING", "请上传听证笔录（填写附件编号）或者填写笔录内容");
        }
        String source = text;
        if (attachmentId != null) {
            Attachment attached = caseAttachment(form, detail, attachmentId, "听证笔录");
            source = "见本案附件" + attached.id() + "《" + attached.fileName() + "》（SHA-256 " + attached.sha256() + "）"
                    + (text == null ? "" : "\n" + text);
        }
        boolean signed = "SIGNED".equals(form.choice(PARTY_SIGNATURE, "当事人核对签字情况", List.of("SIGNED", "REFUSED")));
        task.setVariable(TRANSCRIPT_SOURCE, source);
        task.setVariable(TRANSCRIPT_SIGNED, signed);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attachmentId", attachmentId);
        data.put("signed", signed);
        caseRecord.append(detail.id(), actor, "HEARING_TRANSCRIPT", "听证笔录" + (attachmentId == null ? "已填写" : "已上传")
                + (signed ? "，当事人已核对签字" : "，当事人拒绝签字"), data);
    }

    private void report(DelegateTask task, String actor, HearingForm form, CaseDetail detail) {
        form.text(FACTS_FOUND, "听证认定的事实");
        form.text(EVIDENCE_FINDINGS, "对证据的认定");
        form.text(HOST_OPINION, "对拟作出的行政处罚的意见");
        if (!Boolean.TRUE.equals(task.getVariable(TRANSCRIPT_SIGNED))) {
            form.text(SIGNATURE_REFUSAL_NOTE, "当事人拒绝签字的情况（由主持人注明）");
        }
        task.setVariable(HEARING_RESULT, HearingResult.HELD.name());
        caseRecord.append(detail.id(), actor, "HEARING_REPORT_WRITTEN", "听证主持人写出听证报告",
                Map.of("processInstanceId", task.getProcessInstanceId()));
    }

    private Attachment caseAttachment(HearingForm form, CaseDetail detail, String id, String what) {
        Optional<Attachment> found = id.matches("\\d{1,18}") ? attachments.find(Long.parseLong(id)) : Optional.empty();
        return found.filter(a -> a.caseId() == detail.id()).orElseThrow(() -> form.refuse("ATTACHMENT_NOT_OF_CASE",
                what + "的附件编号" + id + "不是本案的附件"));
    }
}

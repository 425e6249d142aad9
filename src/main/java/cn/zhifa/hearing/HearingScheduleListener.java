package cn.zhifa.hearing;

import cn.zhifa.boundary.FormJson;
import static cn.zhifa.hearing.HearingActorsListener.DESIGNATE_TASK;
import static cn.zhifa.hearing.HearingActorsListener.RECUSAL_TASK;
import static cn.zhifa.hearing.HearingActorsListener.RESCHEDULE_TASK;
import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Who hears the case, when and where. Host and clerk are of the case's agency, the host a hearing host; neither
 * investigated or otherwise handled the case (行政处罚法 第六十四条第四项: 非本案调查人员; here: the officers on the case
 * and the person who registered it), and a host who had to stand down is not designated again. The hearing day
 * leaves the notice the catalogue's lead time counted from today, the earliest day a new notice can be served; the
 * hearing is public unless state secrets, trade secrets or privacy are concerned, and then the reason is recorded.
 * A head decides a recusal request; a host who stands down is replaced.
 */
@Component("hearingScheduleListener")
class HearingScheduleListener implements TaskListener {

    static final List<String> CONFIDENTIALITY_GROUNDS = List.of("STATE_SECRET", "TRADE_SECRET", "PRIVACY");
    private static final Map<String, String> GROUND_NAMES = Map.of("STATE_SECRET", "国家秘密", "TRADE_SECRET", "商业秘密",
            "PRIVACY", "个人隐私");

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final HearingCalendar calendar;
    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;
    private final HearingRefusals refusals;

    HearingScheduleListener(CaseRegister cases, StaffDirectory staff, HearingCalendar calendar,
            DeadlineService deadlines, CaseRecord caseRecord, HearingRefusals refusals) {
        this.cases = cases;
        this.staff = staff;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        HearingForm form = new HearingForm(task, actor, refusals);
        CaseDetail detail = cases.find(TaskActors.caseIdOf(task)).orElseThrow();
        switch (task.getTaskDefinitionKey()) {
            case DESIGNATE_TASK -> designate(task, actor, form, detail);
            case RESCHEDULE_TASK -> reschedule(task, actor, form, detail);
            case RECUSAL_TASK -> recusal(task, actor, form, detail);
            default -> throw new IllegalStateException("not a scheduling task: " + task.getTaskDefinitionKey());
        }
    }

    private void designate(DelegateTask task, String actor, HearingForm form, CaseDetail detail) {
        String host = form.text(DESIGNATED_HOST, "听证主持人");
        String clerk = form.text(DESIGNATED_CLERK, "记录员");
        if (!staff.isMember(host, Roles.HEARING_HOST)
                || !Objects.equals(staff.agencyOf(host).orElse(null), detail.agencyId())) {
            throw form.refuse("HOST_NOT_HEARING_HOST", staff.displayName(host) + "不是" + detail.agencyName() + "的听证主持人");
        }
        if (!Objects.equals(staff.agencyOf(clerk).orElse(null), detail.agencyId())) {
            throw form.refuse("CLERK_NOT_OF_AGENCY", staff.displayName(clerk) + "不是" + detail.agencyName() + "的工作人员");
        }
        if (host.equals(clerk)) {
            throw form.refuse("CLERK_IS_HOST", "听证主持人和记录员不能由同一人担任");
        }
        List<String> handled = new ArrayList<>();
        for (String person : List.of(host, clerk)) {
            String role = handledAs(detail, person);
            if (role != null) {
                handled.add(staff.displayName(person) + "（" + role + "）");
            }
        }
        if (!handled.isEmpty()) {
            throw form.refuse("HANDLED_THE_CASE", "听证主持人和记录员不能由本案的调查人员或者办理过本案的人员担任："
                    + String.join("、", handled), Map.of("handled", handled));
        }
        if (FormJson.strings(task.getVariable(RECUSED_HOSTS)).contains(host)) {
            throw form.refuse("HOST_RECUSED", staff.displayName(host) + "已决定回避，不能再主持本案听证");
        }
        boolean open = form.flag(PUBLIC_HEARING);
        String publicity = "公开举行";
        if (!open) {
            String ground = form.choice(CONFIDENTIALITY_GROUND, "不公开举行的事由", CONFIDENTIALITY_GROUNDS);
            String reason = form.text(CONFIDENTIALITY_REASON, "不公开举行的理由");
            publicity = "不公开举行（涉及" + GROUND_NAMES.get(ground) + "：" + reason + "）";
        }
        LocalDateTime at = schedule(task, form, PROPOSED_HEARING_AT, PROPOSED_PLACE);
        task.setVariable(HEARING_HOST, host);
        task.setVariable(HEARING_HOST_NAME, staff.displayName(host));
        task.setVariable(HEARING_CLERK, clerk);
        task.setVariable(HEARING_CLERK_NAME, staff.displayName(clerk));
        task.setVariable(HEARING_PUBLIC, open);
        task.setVariable(PUBLICITY_TEXT, publicity);
        task.setVariable(DESIGNATED_BY, actor);
        describe(task);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host", host);
        data.put("clerk", clerk);
        data.put("hearingAt", at.toString());
        data.put("place", task.getVariable(HEARING_PLACE));
        data.put("public", open);
        caseRecord.append(detail.id(), actor, "HEARING_HOST_DESIGNATED", "指定听证主持人" + staff.displayName(host)
                + "、记录员" + staff.displayName(clerk) + "；听证定于" + task.getVariable(HEARING_TEXT), data);
    }

    private void reschedule(DelegateTask task, String actor, HearingForm form, CaseDetail detail) {
        String note = form.text(RESCHEDULE_NOTE, "重新确定日期的原因");
        LocalDateTime at = schedule(task, form, PROPOSED_HEARING_AT, PROPOSED_PLACE);
        describe(task);
        caseRecord.append(detail.id(), actor, "HEARING_RESCHEDULED", "听证改定于" + task.getVariable(HEARING_TEXT)
                + "。原因：" + note, Map.of("hearingAt", at.toString(), "reason", note));
    }

    private void recusal(DelegateTask task, String actor, HearingForm form, CaseDetail detail) {
        boolean granted = "GRANT".equals(form.choice(RECUSAL_DECISION, "是否回避", List.of("GRANT", "REJECT")));
        String reason = form.text(RECUSAL_REASON, "决定的理由");
        String host = (String) task.getVariable(HEARING_HOST);
        if (granted) {
            List<String> recused = new ArrayList<>(FormJson.strings(task.getVariable(RECUSED_HOSTS)));
            recused.add(host);
            task.setVariable(RECUSED_HOSTS, String.join(",", recused));
        }
        task.setVariable(RECUSAL_GRANTED, granted);
        caseRecord.append(detail.id(), actor, "HEARING_RECUSAL_DECIDED", (granted ? "决定听证主持人" : "决定听证主持人不予")
                + staff.displayName(host) + "回避。理由：" + reason, Map.of("host", host, "granted", granted,
                        "reason", reason));
    }

    /** The hearing's day, time and place, the day leaving the notice its lead time from today. */
    private LocalDateTime schedule(DelegateTask task, HearingForm form, String atField, String placeField) {
        LocalDateTime at = form.dateTime(atField, "听证时间");
        String place = form.text(placeField, "听证地点");
        LocalDate earliest = calendar.earliestHearingDay(EngineClock.today());
        task.setVariable(EARLIEST_HEARING_DATE, earliest.toString());
        if (at.toLocalDate().isBefore(earliest)) {
            int lead = deadlines.catalogue().entry(HearingCalendar.NOTICE_ENTRY).amount();
            throw form.refuse("HEARING_DATE_TOO_EARLY", "听证通知书须在举行听证的" + lead + "个工作日前送达当事人：今天（"
                    + EngineClock.today() + "）送达的，听证最早可定于" + earliest, Map.of("earliest", earliest.toString()));
        }
        task.setVariable(HEARING_AT, at.toString());
        task.setVariable(HEARING_PLACE, place);
        return at;
    }

    private static void describe(DelegateTask task) {
        task.setVariable(HEARING_TEXT, task.getVariable(HEARING_AT).toString().replace('T', ' ') + "，"
                + task.getVariable(HEARING_PLACE) + "；主持人" + task.getVariable(HEARING_HOST_NAME) + "，记录员"
                + task.getVariable(HEARING_CLERK_NAME) + "；" + task.getVariable(PUBLICITY_TEXT));
    }

    /** How the person handled the case, if he did: an officer on it, or the one who registered it. */
    private static String handledAs(CaseDetail detail, String person) {
        return detail.officers().stream().filter(o -> o.userId().equals(person)).map(o -> "本案" + o.role().chineseName())
                .findFirst().orElse(person.equals(detail.createdBy()) ? "本案登记人" : null);
    }
}

package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingActorsListener.DECIDE_TASK;
import static cn.zhifa.hearing.HearingActorsListener.REGISTER_TASK;
import static cn.zhifa.hearing.HearingVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.service.CallerDeadlines;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The party's request and the agency's answer. The request is registered with the day it was made (not after today,
 * not before the notice reached the party); from then on the caller's named clock stands still. A head then decides:
 * a request in time within the hearing right must be heard (行政处罚法 第六十三条: 应当组织听证); a late one, or one
 * outside the hearing right, cannot be, and the 不予听证通知书 gives the reasons.
 */
@Component("hearingRequestListener")
class HearingRequestListener implements TaskListener {

    private final CaseRegister cases;
    private final CallerDeadlines callerClock;
    private final CaseRecord caseRecord;
    private final HearingRefusals refusals;

    HearingRequestListener(CaseRegister cases, CallerDeadlines callerClock, CaseRecord caseRecord,
            HearingRefusals refusals) {
        this.cases = cases;
        this.callerClock = callerClock;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        HearingForm form = new HearingForm(task, actor, refusals);
        switch (task.getTaskDefinitionKey()) {
            case REGISTER_TASK -> register(task, actor, form);
            case DECIDE_TASK -> decide(task, actor, form);
            default -> throw new IllegalStateException("not a request task: " + task.getTaskDefinitionKey());
        }
    }

    private void register(DelegateTask task, String actor, HearingForm form) {
        LocalDate requestedOn = form.date(REQUESTED_ON, "提出听证要求的日期");
        String mode = form.choice(REQUEST_MODE, "提出方式", List.of("WRITTEN", "ORAL"));
        String content = form.text(REQUEST_CONTENT, "ORAL".equals(mode) ? "口头要求的记录" : "书面要求的内容摘要");
        LocalDate servedOn = LocalDate.parse((String) task.getVariable(NOTICE_SERVED_AT));
        LocalDate due = LocalDate.parse((String) task.getVariable(REQUEST_DUE_ON));
        if (requestedOn.isAfter(EngineClock.today())) {
            throw form.refuse("REQUEST_DATE_IN_FUTURE", "提出听证要求的日期不能晚于今天");
        }
        if (requestedOn.isBefore(servedOn)) {
            throw form.refuse("REQUEST_BEFORE_NOTICE",
                    "提出听证要求的日期不能早于《行政处罚告知书》的送达日期（" + servedOn + "）");
        }
        boolean late = requestedOn.isAfter(due);
        task.setVariable(REQUEST_LATE, late);
        task.setVariable(REQUEST_REGISTERED_BY, actor);
        String text = requestedOn + ("ORAL".equals(mode) ? " 口头提出（已记录）：" : " 书面提出：") + content
                + (late ? "（逾期：要求听证的期限至" + due + "）" : "（在期限内：期限至" + due + "）");
        task.setVariable(REQUEST_TEXT, text);
        long caseId = TaskActors.caseIdOf(task);
        cases.moveTo(caseId, CaseStage.HEARING, actor);
        DelegateExecution execution = task.getExecution();
        String entry = (String) task.getVariable(PAUSE_DEADLINE);
        callerClock.pause(execution, entry, "当事人要求听证（" + requestedOn + "），听证期间不计入办案期限")
                .ifPresent(holder -> task.setVariable(PAUSED_DEADLINE_INSTANCE, holder));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestedOn", requestedOn.toString());
        data.put("mode", mode);
        data.put("requestDueOn", due.toString());
        data.put("late", late);
        data.put("pausedCallerDeadline", task.getVariable(PAUSED_DEADLINE_INSTANCE) == null ? null : entry);
        caseRecord.append(caseId, actor, "HEARING_REQUESTED", "登记听证要求：" + text, data);
    }

    private void decide(DelegateTask task, String actor, HearingForm form) {
        boolean hold = "HOLD".equals(form.choice(HEARING_DECISION, "是否举行听证", List.of("HOLD", "REFUSE")));
        String reason = hold ? form.optionalText(DECISION_REASON, "理由") : form.text(DECISION_REASON, "不予听证的理由");
        Object right = task.getVariable(HEARING_RIGHT);
        boolean late = Boolean.TRUE.equals(task.getVariable(REQUEST_LATE));
        if (hold && late) {
            throw form.refuse("REQUEST_LATE", "当事人要求听证的期限至" + task.getVariable(REQUEST_DUE_ON)
                    + "（《行政处罚告知书》于" + task.getVariable(NOTICE_SERVED_AT) + "送达），本次要求逾期提出，应当不予听证",
                    Map.of("requestDueOn", String.valueOf(task.getVariable(REQUEST_DUE_ON))));
        }
        if (hold && Boolean.FALSE.equals(right)) {
            throw form.refuse("OUTSIDE_HEARING_RIGHT", "拟作出的行政处罚不属于听证范围（" + task.getVariable(HEARING_RIGHT_TEXT)
                    + "），应当不予听证并说明理由");
        }
        if (!hold && !late && Boolean.TRUE.equals(right)) {
            throw form.refuse("HEARING_RIGHT_DENIED", "当事人依法享有要求听证的权利并在期限内提出了要求，行政机关应当组织听证"
                    + "（《行政处罚法》第六十三条）");
        }
        if (right == null) {
            // started on its own: the head's decision is the finding on the hearing right
            task.setVariable(HEARING_RIGHT, hold);
            task.setVariable(HEARING_RIGHT_REASON, reason);
        }
        task.setVariable(HOLD_HEARING, hold);
        task.setVariable(HEARING_DECIDED_BY, actor);
        if (!hold) {
            task.setVariable(HEARING_RESULT, HearingResult.REFUSED.name());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hold", hold);
        data.put("reason", reason);
        data.put("late", late);
        caseRecord.append(TaskActors.caseIdOf(task), actor, "HEARING_DECIDED",
                (hold ? "决定举行听证" : "决定不予听证") + (reason == null ? "" : "：" + reason), data);
    }
}

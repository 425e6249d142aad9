package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.penalty.rules.LimitationPeriod;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The clue as registered (the boundary has opened its case): its source and dates must be complete and plausible; the
 * filing period starts on the day of discovery (SAMR 第十八条) and the limitation period of 第三十六条 is worked out
 * once, so the head who decides on filing reads why a clue can or cannot be filed.
 */
@Component("registerClueListener")
class RegisterClueListener implements ExecutionListener {

    static final Set<String> SOURCES = Set.of("INSPECTION", "COMPLAINT", "REPORT", "REFERRAL_HIGHER",
            "REFERRAL_OTHER_AGENCY", "TRANSFER");

    private final CaseRecord caseRecord;
    private final PenaltyRefusals refusals;

    RegisterClueListener(CaseRecord caseRecord, PenaltyRefusals refusals) {
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String officer = (String) execution.getVariable(EngineVariables.STARTED_BY);
        String source = FormValues.text(execution, CLUE_SOURCE);
        if (source == null || !SOURCES.contains(source)) {
            throw refusals.refuse(execution, officer, "FIELD_REQUIRED", "请选择案件来源");
        }
        if (FormValues.text(execution, CLUE_FACTS) == null) {
            throw refusals.refuse(execution, officer, "FIELD_REQUIRED", "请填写线索反映的事实");
        }
        LocalDate today = EngineClock.today();
        LocalDate discovered = date(execution, officer, CLUE_DISCOVERED_ON, "发现线索日期");
        LocalDate act = date(execution, officer, ACT_DATE, "违法行为发生日期");
        LocalDate actEnd = execution.getVariable(ACT_END_DATE) == null ? null
                : optionalDate(execution, officer, ACT_END_DATE, "连续或者继续状态终了日期");
        if (discovered == null || act == null) {
            throw refusals.refuse(execution, officer, "FIELD_REQUIRED", "请填写发现线索日期和违法行为发生日期");
        }
        if (discovered.isAfter(today) || act.isAfter(discovered) || actEnd != null && (actEnd.isBefore(act)
                || actEnd.isAfter(discovered))) {
            throw refusals.refuse(execution, officer, "CLUE_DATES_INCONSISTENT",
                    "日期不合理：违法行为发生日期不得晚于发现线索日期，终了日期须在两者之间，发现线索日期不得晚于今天");
        }
        LimitationPeriod.Assessment result = LimitationPeriod.assess(act, actEnd, FormValues.isTrue(execution, HARMFUL),
                discovered);
        execution.setVariable(CLUE_RECEIVED_AT, Date.from(discovered.atStartOfDay(EngineClock.ZONE).toInstant()));
        execution.setVariable(LIMITATION_ENDS_ON, result.lastDay().toString());
        execution.setVariable(WITHIN_LIMITATION, !result.beyondLimitation());
        execution.setVariable(LIMITATION_TEXT, result.reason());
        execution.setVariable(CASE_NO, "（尚未编号）");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", source);
        data.put("discoveredOn", discovered.toString());
        data.put("actDate", act.toString());
        data.put("actEndDate", actEnd == null ? null : actEnd.toString());
        data.put("limitationEndsOn", result.lastDay().toString());
        data.put("withinLimitation", !result.beyondLimitation());
        data.put("processInstanceId", execution.getProcessInstanceId());
        caseRecord.append(TaskActors.caseIdOf(execution), officer, "CLUE_REGISTERED",
                "登记案件线索：" + result.reason(), data);
    }

    private LocalDate date(DelegateExecution execution, String officer, String name, String label) {
        return optionalDate(execution, officer, name, label);
    }

    private LocalDate optionalDate(DelegateExecution execution, String officer, String name, String label) {
        try {
            return FormValues.date(execution, name);
        } catch (IllegalArgumentException e) {
            throw refusals.refuse(execution, officer, "FIELD_INVALID", label + "不是有效的日期（YYYY-MM-DD）");
        }
    }
}

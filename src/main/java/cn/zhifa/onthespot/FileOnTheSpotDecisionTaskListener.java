package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The decision filed with the agency (备案, 第五十二条第三款) and the materials handed in for archiving within the
 * SIMPLE_PROCEDURE_FILING period (SAMR 第七十条); late filing is recorded as late.
 */
@Component("fileOnTheSpotDecisionTaskListener")
class FileOnTheSpotDecisionTaskListener implements TaskListener {

    private final CaseRecord caseRecord;
    private final OnTheSpotRefusals refusals;

    FileOnTheSpotDecisionTaskListener(CaseRecord caseRecord, OnTheSpotRefusals refusals) {
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String officer = TaskActors.actorOf(task);
        String materials = OnTheSpotForm.text(task, MATERIALS);
        if (!OnTheSpotForm.checked(task, MATERIALS_HANDED_IN) || materials == null) {
            throw refusals.refuse(task, officer, HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED",
                    "请确认已报本机关备案并移交案卷材料，并列明移交的材料");
        }
        Date now = Date.from(EngineClock.now());
        task.setVariable(FILED_AT, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("materials", materials);
        data.put("late", task.getDueDate() != null && now.after(task.getDueDate()));
        caseRecord.append(TaskActors.caseIdOf(task), officer, "ON_THE_SPOT_FILED", "当场行政处罚决定已报备案，案卷材料已移交归档"
                + (Boolean.TRUE.equals(data.get("late")) ? "（逾期）" : ""), data);
    }
}

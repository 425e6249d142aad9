package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The officer completes the clue for the general procedure: when the act took place (the limitation period of
 * 第三十六条 runs from it), not after the day he found it on the spot.
 */
@Component("handOverTaskListener")
class HandOverTaskListener implements TaskListener {

    private final OnTheSpotRefusals refusals;

    HandOverTaskListener(OnTheSpotRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String officer = TaskActors.actorOf(task);
        LocalDate act = OnTheSpotForm.date(task, ACT_DATE);
        if (act == null) {
            throw refusals.refuse(task, officer, HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED",
                    "请填写违法行为发生日期（YYYY-MM-DD）");
        }
        LocalDate discovered = LocalDate.ofInstant(((Date) task.getVariable(EngineVariables.STARTED_AT)).toInstant(),
                EngineClock.ZONE);
        LocalDate actEnd = OnTheSpotForm.date(task, ACT_END_DATE);
        if (act.isAfter(discovered) || OnTheSpotForm.text(task, ACT_END_DATE) != null
                && (actEnd == null || actEnd.isBefore(act) || actEnd.isAfter(discovered))) {
            throw refusals.refuse(task, officer, HttpStatus.UNPROCESSABLE_ENTITY, "CLUE_DATES_INCONSISTENT",
                    "日期不合理：违法行为发生日期和终了日期不得晚于当场发现之日（" + discovered + "），终了日期不得早于发生日期");
        }
    }
}

package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The announcement period has run (民事诉讼法 第九十五条, 第二百八十三条): the document counts as served on the period's
 * last day, rolled forward over rest days like any calendar period (R3); the caller's clock runs again.
 */
@Component("completeAnnouncementServiceDelegate")
class CompleteAnnouncementServiceDelegate implements JavaDelegate {

    private final DeadlineService deadlines;
    private final ServiceCompletion completion;
    private final CallerDeadlines callers;

    CompleteAnnouncementServiceDelegate(DeadlineService deadlines, ServiceCompletion completion,
            CallerDeadlines callers) {
        this.deadlines = deadlines;
        this.completion = completion;
        this.callers = callers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String entry = (String) execution.getVariable(ANNOUNCEMENT_PERIOD_ENTRY);
        RunningDeadline period = deadlines.find(execution.getProcessInstanceId(), entry).orElseThrow();
        LocalDate day = LocalDate.ofInstant(period.dueAt(), EngineClock.ZONE);
        deadlines.complete(execution.getProcessInstanceId(), entry);
        execution.setVariable(ANNOUNCEMENT_SERVED_ON, ServiceCompletion.startOf(day));
        String holder = (String) execution.getVariable(PAUSED_DEADLINE_INSTANCE);
        if (holder != null) {
            callers.resumeAfterCommit(TaskActors.caseIdOf(execution), holder,
                    (String) execution.getVariable(PAUSE_DEADLINE), "公告送达期满后");
        }
        completion.served(execution, ServiceMethod.ANNOUNCEMENT, day, (String) execution.getVariable(ATTEMPT_BY),
                "自" + execution.getVariable(ATTEMPT_DATE) + "发出公告，公告期满视为送达");
    }
}

package cn.zhifa.boundary;

import cn.zhifa.calendar.CalendarService;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Added by the engine to the creation of every user task: the description says what the law asks of this step (the
 * task's documentation in the model, as the designer wrote it in the Modeler) and by when, naming the catalogue
 * period the due date comes from and its legal basis; and a task with a due date but no follow-up date gets the
 * period's reminder as follow-up date, so the shared filter 即将到期 (follow-up date passed, due date not yet) lists it
 * in the catalogue's reminder window, counted in working days. The case number and party are shown by Tasklist's
 * list itself (the card plugin), since a number given on filing would leave a description stale.
 */
@Component
class TaskContextListener implements TaskListener {

    /** The reminder window of a due date that no catalogue period gave (e.g. a period the reviewer set). */
    static final int DEFAULT_REMINDER_WORKING_DAYS = 2;
    static final LocalTime DEFAULT_REMINDER_AT = LocalTime.of(9, 0);
    private static final int DESCRIPTION_LIMIT = 4000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ObjectProvider<DeadlineService> deadlines;
    private final ObjectProvider<CalendarService> calendars;

    TaskContextListener(ObjectProvider<DeadlineService> deadlines, ObjectProvider<CalendarService> calendars) {
        this.deadlines = deadlines;
        this.calendars = calendars;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_CREATE.equals(task.getEventName()) || task.getDueDate() == null) {
            return;
        }
        Instant due = task.getDueDate().toInstant();
        Optional<RunningDeadline> period = periodOf(task, due);
        StringBuilder description = new StringBuilder(task.getDescription() == null ? "" : task.getDescription().strip());
        if (!description.isEmpty()) {
            description.append('\n');
        }
        description.append("办理期限：").append(DAY.format(WorkingDayCalendar.dayOf(due))).append("前");
        period.ifPresent(p -> {
            DeadlineEntry entry = deadlines.getObject().catalogue().entry(p.entryId());
            description.append("（").append(entry.name());
            if (p.provisional()) {
                description.append("；暂按工作日计算，该年度节假日公布后重算");
            }
            description.append("）。依据：").append(entry.legalBasis());
        });
        task.setDescription(description.length() > DESCRIPTION_LIMIT ? description.substring(0, DESCRIPTION_LIMIT)
                : description.toString());
        if (task.getFollowUpDate() == null) {
            Instant remind = period.map(RunningDeadline::remindAt).orElseGet(() -> defaultReminder(due));
            task.setFollowUpDate(Date.from(remind.isAfter(due) ? due : remind));
        }
    }

    /** The open period of the case whose end is the task's due date. */
    private Optional<RunningDeadline> periodOf(DelegateTask task, Instant due) {
        Object caseId = task.getVariable(EngineVariables.CASE_ID);
        if (!(caseId instanceof Number id)) {
            return Optional.empty();
        }
        return deadlines.getObject().ofCase(String.valueOf(id.longValue())).stream()
                .filter(d -> d.status() == RunningDeadline.Status.OPEN || d.status() == RunningDeadline.Status.PAUSED)
                .filter(d -> d.dueAt().equals(due))
                .findFirst();
    }

    private Instant defaultReminder(Instant due) {
        WorkingDayCalendar calendar = calendars.getObject().current();
        LocalDate day = WorkingDayCalendar.dayOf(due);
        for (int left = DEFAULT_REMINDER_WORKING_DAYS; left > 0; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return WorkingDayCalendar.at(day, DEFAULT_REMINDER_AT);
    }
}

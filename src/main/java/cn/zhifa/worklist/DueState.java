package cn.zhifa.worklist;

import cn.zhifa.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How close a due date is, in working days as the law counts them: {@code workingDaysLeft} working days after today up
 * to the due day (0 on the due day itself, negative when the day has passed); {@code state} OVERDUE once the due time
 * has passed, DUE_TODAY on the due day, NEAR inside the reminder window (the follow-up date has passed), else OK.
 */
record DueState(LocalDate dueDay, int workingDaysLeft, State state) {

    enum State {
        OVERDUE,
        DUE_TODAY,
        NEAR,
        OK
    }

    static DueState of(Instant due, Instant reminder, Instant now, WorkingDayCalendar calendar) {
        LocalDate today = WorkingDayCalendar.dayOf(now);
        LocalDate dueDay = WorkingDayCalendar.dayOf(due);
        int left = dueDay.isBefore(today) ? -calendar.workingDaysBetween(dueDay, today, false)
                : calendar.workingDaysBetween(today, dueDay, false);
        State state = now.isAfter(due) ? State.OVERDUE
                : dueDay.equals(today) ? State.DUE_TODAY
                : reminder != null && !now.isBefore(reminder) ? State.NEAR : State.OK;
        return new DueState(dueDay, left, state);
    }
}

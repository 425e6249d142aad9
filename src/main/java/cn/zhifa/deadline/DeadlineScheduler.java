package cn.zhifa.deadline;

import cn.zhifa.calendar.DueDate;
import cn.zhifa.calendar.PeriodUnit;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.deadline.RunningDeadlineRepository.Schedule;
import java.time.Instant;
import java.time.LocalDate;

/** Turns a catalogue entry and a basis (clock start, old due day or resume day) into due and reminder instants. */
final class DeadlineScheduler {

    private DeadlineScheduler() {
    }

    static Schedule initial(DeadlineEntry entry, Instant clockStart, WorkingDayCalendar calendar) {
        LocalDate startDay = WorkingDayCalendar.dayOf(clockStart);
        if (entry.unit() == PeriodUnit.HOURS) {
            Instant due = WorkingDayCalendar.addHours(clockStart, entry.amount());
            return new Schedule(startDay, entry.amount(), PeriodUnit.HOURS, WorkingDayCalendar.dayOf(due), due, null,
                    false);
        }
        return compute(entry, startDay, entry.amount(), entry.unit(), calendar);
    }

    static Schedule compute(DeadlineEntry entry, LocalDate basisDay, int amount, PeriodUnit unit,
            WorkingDayCalendar calendar) {
        boolean party = entry.partyFavourable();
        LocalDate due;
        LocalDate raw;
        boolean provisional;
        if (entry.countedBack()) {
            due = calendar.addWorkingDays(basisDay, -amount, party);
            raw = due;
            provisional = calendar.touchesYearWithoutData(due.minusDays(1), basisDay);
        } else {
            DueDate dueDate = calendar.due(basisDay, amount, unit, party);
            due = dueDate.due();
            raw = unit == PeriodUnit.WORKING_DAYS ? due : WorkingDayCalendar.rawDue(basisDay, amount, unit);
            provisional = dueDate.provisional();
        }
        return new Schedule(basisDay, amount, unit, raw, WorkingDayCalendar.endOfDay(due),
                reminder(entry, basisDay, due, calendar), provisional);
    }

    /** 09:00 (or the entry's time) on the n-th working day before the due day; the due day if that is too early. */
    static Instant reminder(DeadlineEntry entry, LocalDate basisDay, LocalDate due, WorkingDayCalendar calendar) {
        if (entry.reminder() == null) {
            return null;
        }
        LocalDate day = calendar.addWorkingDays(due, -entry.reminder().workingDaysBefore());
        if (!entry.countedBack() && !day.isAfter(basisDay)) {
            day = due;
        }
        return WorkingDayCalendar.at(day, entry.reminder().at());
    }
}

package cn.zhifa.hearing;

import cn.zhifa.calendar.CalendarService;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.DeadlineEntry;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The two periods of a hearing, read from the catalogue and counted on the working-day calendar: the party's period
 * to ask for it ({@code HEARING_REQUEST}, from the service of the 行政处罚告知书) and the notice's lead time
 * ({@code HEARING_NOTICE}, counted back from the hearing day). Neither is a running deadline of the process: the
 * first is over before the request is registered, the second is checked against the actual date of service.
 */
@Component
class HearingCalendar {

    static final String REQUEST_ENTRY = "HEARING_REQUEST";
    static final String NOTICE_ENTRY = "HEARING_NOTICE";

    private final DeadlineService deadlines;
    private final CalendarService calendars;

    HearingCalendar(DeadlineService deadlines, CalendarService calendars) {
        this.deadlines = deadlines;
        this.calendars = calendars;
    }

    /** The last day the party may ask for a hearing, the notice having been served on {@code servedOn}. */
    LocalDate requestDue(LocalDate servedOn) {
        DeadlineEntry entry = deadlines.catalogue().entry(REQUEST_ENTRY);
        return calendars.due(servedOn, entry.amount(), entry.unit(), entry.partyFavourable()).due();
    }

    /** The last day the notice may be served for a hearing on {@code hearingDay}. */
    LocalDate noticeDue(LocalDate hearingDay) {
        DeadlineEntry entry = deadlines.catalogue().entry(NOTICE_ENTRY);
        return calendar().addWorkingDays(hearingDay, -entry.amount(), entry.partyFavourable());
    }

    /** The earliest hearing day for a notice served on {@code servedOn}. */
    LocalDate earliestHearingDay(LocalDate servedOn) {
        DeadlineEntry entry = deadlines.catalogue().entry(NOTICE_ENTRY);
        LocalDate day = calendar().addWorkingDays(servedOn, entry.amount(), entry.partyFavourable());
        while (noticeDue(day.minusDays(1)).compareTo(servedOn) >= 0) {
            day = day.minusDays(1); // a hearing on a rest day may come earlier than the n-th working day
        }
        return day;
    }

    private WorkingDayCalendar calendar() {
        return calendars.current();
    }
}

package cn.zhifa.deadline;

import cn.zhifa.calendar.PeriodUnit;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalTime;

/**
 * One statutory period of the catalogue: how long, in which unit, what starts the clock (and which process variable
 * holds that moment), whether and by whom it may be extended, whether it is granted to the party (R8/R9), its legal
 * basis, and when to remind and escalate. {@code countedBack}: the period ends before the event (e.g. the hearing
 * notice is due 7 working days before the hearing).
 */
public record DeadlineEntry(String id, String name, int amount, PeriodUnit unit, ClockStart clockStart,
        Extension extension, boolean partyFavourable, String legalBasis, Reminder reminder, boolean escalation,
        boolean pausable, boolean countedBack) {

    /** The event that starts the clock, in Chinese, and the process variable holding its date or time. */
    public record ClockStart(String event, String variable) {
    }

    /** How much longer with approval, counted from the old due day; who approves (a group id); how often. */
    public record Extension(int amount, String approverGroup, int maxTimes) {
    }

    /** A reminder at {@code at} (Asia/Shanghai) on the n-th working day before the due day. */
    public record Reminder(int workingDaysBefore, @JsonFormat(pattern = "HH:mm") LocalTime at) {
    }
}

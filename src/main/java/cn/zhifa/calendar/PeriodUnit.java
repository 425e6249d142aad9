package cn.zhifa.calendar;

/**
 * How a statutory period is counted (law.md §3.3): working days (R2), calendar days rolled forward (R3), months to the
 * corresponding day or the month's end (R4), and hours counted from the next full hour.
 */
public enum PeriodUnit {
    WORKING_DAYS,
    CALENDAR_DAYS,
    MONTHS,
    HOURS
}

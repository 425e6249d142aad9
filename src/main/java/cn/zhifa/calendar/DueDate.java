package cn.zhifa.calendar;

import java.time.LocalDate;

/**
 * The last day of a period counted from the event on {@code from} (which itself is not counted, R1). {@code provisional}
 * is true when a year the period touches has no holiday data yet and weekdays were assumed.
 */
public record DueDate(LocalDate from, int amount, PeriodUnit unit, LocalDate due, boolean provisional) {
}

package cn.zhifa.calendar;

/** Gives the working-day calendar in force now; the Spring {@code CalendarService} is one, a test may pass a lambda. */
@FunctionalInterface
public interface CalendarSource {

    WorkingDayCalendar current();
}

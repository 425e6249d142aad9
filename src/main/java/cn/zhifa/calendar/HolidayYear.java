package cn.zhifa.calendar;

import java.util.List;

/**
 * One year of the national holiday arrangement (放假调休安排): every rest day of each holiday block, weekends inside a
 * block included ({@code holidays}), and every weekend day declared a working day (调休上班, {@code workdays}).
 * Ordinary weekends and weekdays are not listed. Check it with {@link HolidayYearValidator} before use.
 */
public record HolidayYear(int year, HolidayNotice notice, List<CalendarDay> holidays, List<CalendarDay> workdays) {

    public HolidayYear {
        holidays = holidays == null ? null : List.copyOf(holidays);
        workdays = workdays == null ? null : List.copyOf(workdays);
    }
}

package cn.zhifa.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One year of the national holiday arrangement (放假调休安排): every rest day of each holiday block, weekends inside a
 * block included ({@code holidays}), and every weekend day declared a working day (调休上班, {@code workdays}).
 * Ordinary weekends and weekdays are not listed. Check it with {@link HolidayYearValidator} before use; a file from an
 * administrator also meets its Bean Validation (column sizes of V2__calendar.sql, text that can be stored).
 */
public record HolidayYear(int year, @Valid HolidayNotice notice,
        @Size(max = 366, message = "不得超过{max}天") List<@Valid CalendarDay> holidays,
        @Size(max = 366, message = "不得超过{max}天") List<@Valid CalendarDay> workdays) {

    public HolidayYear {
        holidays = holidays == null ? null : List.copyOf(holidays);
        workdays = workdays == null ? null : List.copyOf(workdays);
    }
}

package cn.zhifa.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a whole year file before anything of it is stored: every date inside the year, no date listed twice, no date
 * both a rest day and a working day, every 调休 working day a Saturday or Sunday, and the notice it came from named.
 */
public final class HolidayYearValidator {

    private HolidayYearValidator() {
    }

    public static void checkYearInRange(int year) {
        if (year < WorkingDayCalendar.MIN_YEAR || year > WorkingDayCalendar.MAX_YEAR) {
            throw new InvalidHolidayYearException("CALENDAR_YEAR_OUT_OF_RANGE",
                    "年份 " + year + " 超出支持范围（" + WorkingDayCalendar.MIN_YEAR + "—" + WorkingDayCalendar.MAX_YEAR + "）");
        }
    }

    public static void validate(int expectedYear, HolidayYear file) {
        checkYearInRange(expectedYear);
        if (file == null) {
            throw incomplete("节假日文件为空");
        }
        if (file.year() != expectedYear) {
            throw new InvalidHolidayYearException("CALENDAR_YEAR_MISMATCH",
                    "文件中的年份 " + file.year() + " 与请求的年份 " + expectedYear + " 不一致");
        }
        if (file.notice() == null || isBlank(file.notice().title())) {
            throw incomplete("缺少国务院办公厅通知的标题（notice.title）");
        }
        if (file.holidays() == null || file.holidays().isEmpty() || file.workdays() == null) {
            throw incomplete("必须列出放假日期（holidays）和调休上班日期（workdays，可为空列表）");
        }
        Set<LocalDate> holidays = checkDays(expectedYear, file.holidays(), "放假");
        Set<LocalDate> workdays = checkDays(expectedYear, file.workdays(), "调休上班");
        for (LocalDate day : workdays) {
            if (holidays.contains(day)) {
                throw new InvalidHolidayYearException("CALENDAR_DATE_CONFLICT",
                        day + " 同时被列为放假日和调休上班日");
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidHolidayYearException("CALENDAR_WORKDAY_NOT_WEEKEND",
                        day + " 不是周末，不能列为调休上班日");
            }
        }
    }

    private static Set<LocalDate> checkDays(int year, List<CalendarDay> days, String kind) {
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarDay day : days) {
            if (day == null || day.date() == null || isBlank(day.name())) {
                throw incomplete(kind + "日期的每一项都必须有日期（date）和节日名称（name）");
            }
            if (day.date().getYear() != year) {
                throw new InvalidHolidayYearException("CALENDAR_DATE_OUTSIDE_YEAR",
                        kind + "日期 " + day.date() + " 不在 " + year + " 年内");
            }
            if (!seen.add(day.date())) {
                throw new InvalidHolidayYearException("CALENDAR_DATE_DUPLICATE",
                        kind + "日期 " + day.date() + " 重复列出");
            }
        }
        return seen;
    }

    private static InvalidHolidayYearException incomplete(String message) {
        return new InvalidHolidayYearException("CALENDAR_FILE_INCOMPLETE", message);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayYearValidatorTest {

    private static final HolidayNotice NOTICE = new HolidayNotice("国务院办公厅关于2027年部分节假日安排的通知", "", "", "");

    private static CalendarDay day(String iso) {
        return new CalendarDay(LocalDate.parse(iso), "元旦");
    }

    private static HolidayYear year(List<CalendarDay> holidays, List<CalendarDay> workdays) {
        return new HolidayYear(2027, NOTICE, holidays, workdays);
    }

    @Test
    void shouldAcceptEveryShippedYear() {
        for (int y = 2024; y <= 2026; y++) {
            HolidayYear file = ShippedCalendar.year(y);
            assertThatCode(() -> HolidayYearValidator.validate(file.year(), file)).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldRefuseADateOutsideTheYear() {
        assertCode(year(List.of(day("2027-01-01"), day("2028-01-01")), List.of()), "CALENDAR_DATE_OUTSIDE_YEAR");
    }

    @Test
    void shouldRefuseADateListedTwice() {
        assertCode(year(List.of(day("2027-01-01"), day("2027-01-01")), List.of()), "CALENDAR_DATE_DUPLICATE");
    }

    @Test
    void shouldRefuseAWorkingDayThatIsNotAWeekend() {
        // 2027-01-04 is a Monday
        assertCode(year(List.of(day("2027-01-01")), List.of(day("2027-01-04"))), "CALENDAR_WORKDAY_NOT_WEEKEND");
    }

    @Test
    void shouldRefuseADateThatIsBothRestAndWorkingDay() {
        // 2027-01-02 is a Saturday
        assertCode(year(List.of(day("2027-01-01"), day("2027-01-02")), List.of(day("2027-01-02"))),
                "CALENDAR_DATE_CONFLICT");
    }

    @Test
    void shouldRefuseAnotherYearInTheFile() {
        assertThatThrownBy(() -> HolidayYearValidator.validate(2028, year(List.of(day("2027-01-01")), List.of())))
                .hasFieldOrPropertyWithValue("code", "CALENDAR_YEAR_MISMATCH");
    }

    @Test
    void shouldRefuseAFileWithoutHolidaysOrNotice() {
        assertCode(year(List.of(), List.of()), "CALENDAR_FILE_INCOMPLETE");
        assertCode(new HolidayYear(2027, null, List.of(day("2027-01-01")), List.of()), "CALENDAR_FILE_INCOMPLETE");
        assertCode(year(List.of(new CalendarDay(LocalDate.parse("2027-01-01"), " ")), List.of()),
                "CALENDAR_FILE_INCOMPLETE");
    }

    @Test
    void shouldRefuseAYearOutOfRange() {
        assertThatThrownBy(() -> HolidayYearValidator.checkYearInRange(1999))
                .hasFieldOrPropertyWithValue("code", "CALENDAR_YEAR_OUT_OF_RANGE");
    }

    private static void assertCode(HolidayYear file, String code) {
        assertThatThrownBy(() -> HolidayYearValidator.validate(2027, file))
                .isInstanceOf(InvalidHolidayYearException.class)
                .hasFieldOrPropertyWithValue("code", code);
    }
}

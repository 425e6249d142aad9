package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = ShippedCalendar.calendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class WorkedExamplesOfLawSection34 {

        // R1 + R2 + R8: 告知书 served Fri 2025-09-26, 5 WD counts Sun 09-28 (调休) .. Fri 10-10
        @Test
        void shouldEndStatementPeriodOnFriday10October2025() {
            assertThat(calendar.due(d("2025-09-26"), 5, PeriodUnit.WORKING_DAYS, false))
                    .isEqualTo(new DueDate(d("2025-09-26"), 5, PeriodUnit.WORKING_DAYS, d("2025-10-10"), false));
        }

        // R8 party-favourable: the 调休 Sundays/Saturdays do not count, so Mon 2025-10-13
        @Test
        void shouldEndStatementPeriodOnMonday13OctoberWhenPartyFavourable() {
            assertThat(calendar.due(d("2025-09-26"), 5, PeriodUnit.WORKING_DAYS, true).due()).isEqualTo("2025-10-13");
        }

        @Test
        void shouldCountSaturday11OctoberFromTuesday30September2025() {
            assertThat(calendar.due(d("2025-09-30"), 5, PeriodUnit.WORKING_DAYS, false).due()).isEqualTo("2025-10-14");
        }

        // 7 WD to serve, counts Sat 02-14 and Sat 02-28 (调休)
        @Test
        void shouldServeDecisionOf13February2026ByMonday2March() {
            assertThat(calendar.due(d("2026-02-13"), 7, PeriodUnit.WORKING_DAYS, false).due()).isEqualTo("2026-03-02");
        }

        // SAMR Art. 18: 15 WD, counts Sun 01-26 and Sat 02-08
        @Test
        void shouldDecideFilingOfClueOf24January2025ByThursday20February() {
            assertThat(calendar.due(d("2025-01-24"), 15, PeriodUnit.WORKING_DAYS, false).due()).isEqualTo("2025-02-20");
        }

        // Law Art. 67, R3: raw Wed 2025-10-01 rolled to Thu 10-09
        @Test
        void shouldRollPaymentPeriodPastNationalDay2025() {
            assertThat(WorkingDayCalendar.rawDue(d("2025-09-16"), 15, PeriodUnit.CALENDAR_DAYS)).isEqualTo("2025-10-01");
            assertThat(calendar.due(d("2025-09-16"), 15, PeriodUnit.CALENDAR_DAYS, false).due()).isEqualTo("2025-10-09");
        }

        // Law Art. 60: 90 days from filing
        @Test
        void shouldRollNinetyDaysFrom3July2025To9October() {
            assertThat(calendar.due(d("2025-07-03"), 90, PeriodUnit.CALENDAR_DAYS, false).due()).isEqualTo("2025-10-09");
        }

        @Test
        void shouldRollNinetyDaysFrom3November2025ToMonday2February2026() {
            assertThat(WorkingDayCalendar.rawDue(d("2025-11-03"), 90, PeriodUnit.CALENDAR_DAYS)).isEqualTo("2026-02-01");
            assertThat(calendar.due(d("2025-11-03"), 90, PeriodUnit.CALENDAR_DAYS, false).due()).isEqualTo("2026-02-02");
        }
    }

    // working days per year, law.md §4.4
    @ParameterizedTest
    @CsvSource({"2024, 251", "2025, 248", "2026, 248"})
    void shouldHaveTheStatutoryNumberOfWorkingDaysPerYear(int year, int expected) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = Year.of(year).length();
        assertThat(calendar.workingDaysBetween(first.minusDays(1), first.plusDays(days - 1), false)).isEqualTo(expected);
    }

    @Nested
    class PartyFavourable {

        // R9: a calendar due date on a 调休 Saturday stays for the agency but moves to Monday for the party
        @Test
        void shouldRollCalendarDueDateOnWorkingSaturdayToMonday() {
            // 2025-09-26 + 15 days = Sat 2025-10-11 (调休 working day)
            assertThat(calendar.due(d("2025-09-26"), 15, PeriodUnit.CALENDAR_DAYS, false).due()).isEqualTo("2025-10-11");
            assertThat(calendar.due(d("2025-09-26"), 15, PeriodUnit.CALENDAR_DAYS, true).due()).isEqualTo("2025-10-13");
        }

        // R8: 10 WD after a 催告书 served Fri 2026-02-06; the 调休 Saturdays 02-14 and 02-28 do not count for the party
        @Test
        void shouldSkipWorkingSaturdaysInDunningPeriod() {
            assertThat(calendar.due(d("2026-02-06"), 10, PeriodUnit.WORKING_DAYS, false).due()).isEqualTo("2026-02-27");
            assertThat(calendar.due(d("2026-02-06"), 10, PeriodUnit.WORKING_DAYS, true).due()).isEqualTo("2026-03-02");
        }

        @Test
        void shouldNotChangeAPeriodThatTouchesNoWorkingWeekend() {
            assertThat(calendar.due(d("2025-03-03"), 5, PeriodUnit.WORKING_DAYS, true).due()).isEqualTo("2025-03-10");
            assertThat(calendar.due(d("2025-03-03"), 5, PeriodUnit.WORKING_DAYS, false).due()).isEqualTo("2025-03-10");
        }
    }

    @Nested
    class Months {

        // R4 + Civil Code Art. 202: corresponding day
        @Test
        void shouldEndOnTheCorrespondingDay() {
            assertThat(calendar.due(d("2025-03-14"), 3, PeriodUnit.MONTHS, false).due()).isEqualTo("2025-06-16");
            assertThat(WorkingDayCalendar.rawDue(d("2025-03-14"), 3, PeriodUnit.MONTHS)).isEqualTo("2025-06-14");
        }

        // no 31 November: the month's end, a Sunday, rolled to Monday 2025-12-01
        @Test
        void shouldEndOnTheMonthsEndWhenThereIsNoCorrespondingDay() {
            assertThat(WorkingDayCalendar.rawDue(d("2025-08-31"), 3, PeriodUnit.MONTHS)).isEqualTo("2025-11-30");
            assertThat(calendar.due(d("2025-08-31"), 3, PeriodUnit.MONTHS, false).due()).isEqualTo("2025-12-01");
        }

        @Test
        void shouldClampToTheEndOfFebruaryInALeapYear() {
            assertThat(calendar.due(d("2023-11-30"), 3, PeriodUnit.MONTHS, false).due()).isEqualTo("2024-02-29");
            assertThat(calendar.due(d("2024-11-30"), 3, PeriodUnit.MONTHS, false).due()).isEqualTo("2025-02-28");
        }

        // the month period ending inside the Spring Festival 2026 rolls past it
        @Test
        void shouldRollAMonthPeriodPastTheSpringFestival() {
            assertThat(calendar.due(d("2025-11-16"), 3, PeriodUnit.MONTHS, false).due()).isEqualTo("2026-02-24");
        }
    }

    @Nested
    class YearsWithoutData {

        @Test
        void shouldCountWeekdaysAndMarkProvisionalIn2027() {
            DueDate due = calendar.due(d("2026-12-30"), 3, PeriodUnit.WORKING_DAYS, false);
            // 12-31, Fri 2027-01-01 (assumed a working day), Mon 01-04
            assertThat(due.due()).isEqualTo("2027-01-04");
            assertThat(due.provisional()).isTrue();
        }

        @Test
        void shouldNotMarkProvisionalWhenAllYearsAreKnown() {
            assertThat(calendar.due(d("2026-12-28"), 3, PeriodUnit.WORKING_DAYS, false).provisional()).isFalse();
        }

        @Test
        void shouldRecomputeOnceTheYearIsKnown() {
            HolidayYear y2027 = new HolidayYear(2027, new HolidayNotice("测试通知", "", "2026-11-01", "test"),
                    java.util.List.of(new CalendarDay(d("2027-01-01"), "元旦")), java.util.List.of());
            WorkingDayCalendar withYear = new WorkingDayCalendar(java.util.List.of(ShippedCalendar.year(2026), y2027));
            DueDate due = withYear.due(d("2026-12-30"), 3, PeriodUnit.WORKING_DAYS, false);
            assertThat(due.due()).isEqualTo("2027-01-05");
            assertThat(due.provisional()).isFalse();
        }
    }

    @Nested
    class Hours {

        // CPL-Interp Art. 125: counted from the next full hour
        @Test
        void shouldCountHoursFromTheNextFullHour() {
            assertThat(WorkingDayCalendar.addHours(LocalDateTime.parse("2025-09-30T10:20:00"), 24))
                    .isEqualTo("2025-10-01T11:00:00");
            assertThat(WorkingDayCalendar.addHours(Instant.parse("2025-09-30T02:20:00Z"), 24))
                    .isEqualTo("2025-10-01T03:00:00Z");
        }

        @Test
        void shouldRefuseHoursInDayBasedDue() {
            assertThatThrownBy(() -> calendar.due(d("2025-09-30"), 24, PeriodUnit.HOURS, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldCountBackwardsForANoticeBeforeTheHearing() {
        // hearing Mon 2025-10-13: notice at the latest on the 7th working day before, skipping 10-01..10-08
        assertThat(calendar.addWorkingDays(d("2025-10-13"), -7)).isEqualTo("2025-09-26");
    }

    @Test
    void shouldEndADueDayAt235959Shanghai() {
        assertThat(WorkingDayCalendar.endOfDay(d("2025-10-11"))).isEqualTo("2025-10-11T15:59:59Z");
    }
}

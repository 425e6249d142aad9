package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The day before, the first day, the last day and the day after every holiday block of 2024–2026, and every 调休
 * working weekend, typed by hand from the State Council notices (law.md §4.1–4.3).
 */
class HolidayBoundariesTest {

    private static final WorkingDayCalendar CALENDAR = ShippedCalendar.calendar();

    @ParameterizedTest(name = "{0} {1}: working day = {2}")
    @CsvSource({
            // 2024 元旦 01-01 (Mon)
            "2023-12-31, before 元旦 2024 (Sun), false", "2024-01-01, 元旦 2024, false", "2024-01-02, after, true",
            // 2024 春节 02-10..02-17; 除夕 02-09 only encouraged, not a holiday
            "2024-02-09, before 春节 2024, true", "2024-02-10, first, false", "2024-02-17, last, false",
            "2024-02-18, after (调休 Sun), true",
            // 2024 清明 04-04..04-06
            "2024-04-03, before 清明 2024, true", "2024-04-04, first, false", "2024-04-06, last, false",
            "2024-04-07, after (调休 Sun), true",
            // 2024 劳动节 05-01..05-05
            "2024-04-30, before 劳动节 2024, true", "2024-05-01, first, false", "2024-05-05, last, false",
            "2024-05-06, after, true",
            // 2024 端午 06-10 (Mon)
            "2024-06-09, before 端午 2024 (Sun), false", "2024-06-10, 端午 2024, false", "2024-06-11, after, true",
            // 2024 中秋 09-15..09-17
            "2024-09-14, before 中秋 2024 (调休 Sat), true", "2024-09-15, first, false", "2024-09-17, last, false",
            "2024-09-18, after, true",
            // 2024 国庆 10-01..10-07
            "2024-09-30, before 国庆 2024, true", "2024-10-01, first, false", "2024-10-07, last, false",
            "2024-10-08, after, true",
            // 2025 元旦 01-01 (Wed)
            "2024-12-31, before 元旦 2025, true", "2025-01-01, 元旦 2025, false", "2025-01-02, after, true",
            // 2025 春节 01-28 (除夕) .. 02-04
            "2025-01-27, before 春节 2025, true", "2025-01-28, first (除夕), false", "2025-02-04, last, false",
            "2025-02-05, after, true",
            // 2025 清明 04-04..04-06
            "2025-04-03, before 清明 2025, true", "2025-04-04, first, false", "2025-04-06, last, false",
            "2025-04-07, after, true",
            // 2025 劳动节 05-01..05-05 (05-02 now a holiday)
            "2025-04-30, before 劳动节 2025, true", "2025-05-01, first, false", "2025-05-02, second, false",
            "2025-05-05, last, false", "2025-05-06, after, true",
            // 2025 端午 05-31..06-02
            "2025-05-30, before 端午 2025, true", "2025-05-31, first, false", "2025-06-02, last, false",
            "2025-06-03, after, true",
            // 2025 国庆、中秋 10-01..10-08
            "2025-09-30, before 国庆 2025, true", "2025-10-01, first, false", "2025-10-08, last, false",
            "2025-10-09, after, true",
            // 2026 元旦 01-01..01-03
            "2025-12-31, before 元旦 2026, true", "2026-01-01, first, false", "2026-01-03, last, false",
            "2026-01-04, after (调休 Sun), true",
            // 2026 春节 02-15..02-23
            "2026-02-14, before 春节 2026 (调休 Sat), true", "2026-02-15, first, false", "2026-02-23, last, false",
            "2026-02-24, after, true",
            // 2026 清明 04-04..04-06
            "2026-04-03, before 清明 2026, true", "2026-04-04, first, false", "2026-04-06, last, false",
            "2026-04-07, after, true",
            // 2026 劳动节 05-01..05-05
            "2026-04-30, before 劳动节 2026, true", "2026-05-01, first, false", "2026-05-05, last, false",
            "2026-05-06, after, true",
            // 2026 端午 06-19..06-21
            "2026-06-18, before 端午 2026, true", "2026-06-19, first, false", "2026-06-21, last, false",
            "2026-06-22, after, true",
            // 2026 中秋 09-25..09-27
            "2026-09-24, before 中秋 2026, true", "2026-09-25, first, false", "2026-09-27, last, false",
            "2026-09-28, after, true",
            // 2026 国庆 10-01..10-07
            "2026-09-30, before 国庆 2026, true", "2026-10-01, first, false", "2026-10-07, last, false",
            "2026-10-08, after, true",
    })
    void shouldClassifyHolidayBlockBoundaries(LocalDate day, String what, boolean working) {
        assertThat(CALENDAR.isWorkingDay(day)).as(what).isEqualTo(working);
    }

    @ParameterizedTest(name = "调休 {0}")
    @CsvSource({
            "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
            "2024-10-12",
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    })
    void shouldTreatEveryWorkingWeekendAsWorkingDayButNotForTheParty(LocalDate day) {
        assertThat(CALENDAR.isWorkingDay(day)).isTrue();
        assertThat(CALENDAR.isWeekdayWorkingDay(day)).isFalse();
        // the Saturday or Sunday before or after it in the same weekend stays a rest day unless it is listed too
        assertThat(day.getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6);
    }
}

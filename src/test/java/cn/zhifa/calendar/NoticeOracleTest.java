package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every date of 2024–2026 classified the same as an independent oracle.
 * <p>
 * The oracle is not cn.6tail:lunar: the newest version on Maven Central (1.6.3, checked 2026 via maven-metadata.xml)
 * has no holiday data for 2024–2026, and 1.7.x is not published there. So the oracle below is a second table, typed
 * independently of the shipped JSON files, as the notices word it: "M月D日至D日放假" ranges and "M月D日上班" days
 * (law.md §4.1–4.3). It shares no code or data with {@link WorkingDayCalendar}.
 */
class NoticeOracleTest {

    /** The notices' wording, one string per holiday: "放假 from..to; 上班 d, d". */
    private static final String[] NOTICES = {
            // 国办发明电〔2023〕7号
            "2024 放假 1.1-1.1", "2024 放假 2.10-2.17 上班 2.4 2.18", "2024 放假 4.4-4.6 上班 4.7",
            "2024 放假 5.1-5.5 上班 4.28 5.11", "2024 放假 6.10-6.10", "2024 放假 9.15-9.17 上班 9.14",
            "2024 放假 10.1-10.7 上班 9.29 10.12",
            // 国办发明电〔2024〕12号
            "2025 放假 1.1-1.1", "2025 放假 1.28-2.4 上班 1.26 2.8", "2025 放假 4.4-4.6",
            "2025 放假 5.1-5.5 上班 4.27", "2025 放假 5.31-6.2", "2025 放假 10.1-10.8 上班 9.28 10.11",
            // 2026 notice of 2025-11-04
            "2026 放假 1.1-1.3 上班 1.4", "2026 放假 2.15-2.23 上班 2.14 2.28", "2026 放假 4.4-4.6",
            "2026 放假 5.1-5.5 上班 5.9", "2026 放假 6.19-6.21", "2026 放假 9.25-9.27",
            "2026 放假 10.1-10.7 上班 9.20 10.10",
    };

    private final Set<LocalDate> off = new TreeSet<>();
    private final Set<LocalDate> on = new TreeSet<>();

    NoticeOracleTest() {
        for (String notice : NOTICES) {
            String[] words = notice.split(" ");
            int year = Integer.parseInt(words[0]);
            String[] range = words[2].split("-");
            for (LocalDate day = md(year, range[0]); !day.isAfter(md(year, range[1])); day = day.plusDays(1)) {
                off.add(day);
            }
            for (int i = 4; i < words.length; i++) {
                on.add(md(year, words[i]));
            }
        }
    }

    private static LocalDate md(int year, String monthDotDay) {
        String[] parts = monthDotDay.split("\\.");
        return LocalDate.of(year, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    private boolean oracleWorking(LocalDate day) {
        if (off.contains(day)) {
            return false;
        }
        if (on.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Test
    void shouldClassifyEveryDateOf2024To2026LikeTheNotices() {
        WorkingDayCalendar calendar = ShippedCalendar.calendar();
        List<LocalDate> different = new ArrayList<>();
        int days = 0;
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() <= 2026; day = day.plusDays(1)) {
            days++;
            if (calendar.isWorkingDay(day) != oracleWorking(day)) {
                different.add(day);
            }
        }
        assertThat(days).isEqualTo(366 + 365 + 365);
        assertThat(different).isEmpty();
    }

    @Test
    void shouldAgreeOnTheNumberOfRestWeekdaysAndWorkingWeekends() {
        // law.md §4.4: 2024 has 8 working weekends, 2025 has 5, 2026 has 6
        assertThat(on.stream().filter(d -> d.getYear() == 2024)).hasSize(8);
        assertThat(on.stream().filter(d -> d.getYear() == 2025)).hasSize(5);
        assertThat(on.stream().filter(d -> d.getYear() == 2026)).hasSize(6);
    }
}

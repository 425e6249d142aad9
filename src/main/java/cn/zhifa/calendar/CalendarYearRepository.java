package cn.zhifa.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar_year and calendar_day tables (V2). */
@Repository
class CalendarYearRepository {

    private final JdbcClient jdbc;

    CalendarYearRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM calendar_year WHERE cal_year = ?").param(year).query(Long.class)
                .single() > 0;
    }

    /** Changes whenever a year is loaded anywhere in the cluster. */
    String stamp() {
        return jdbc.sql("SELECT COUNT(*), MAX(loaded_at) FROM calendar_year")
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2)).single();
    }

    List<HolidayYear> findAll() {
        List<HolidayYear> years = new ArrayList<>();
        for (Integer year : jdbc.sql("SELECT cal_year FROM calendar_year ORDER BY cal_year").query(Integer.class)
                .list()) {
            find(year).ifPresent(years::add);
        }
        return years;
    }

    Optional<HolidayYear> find(int year) {
        return jdbc.sql("""
                SELECT notice_title, notice_number, notice_published, notice_source
                FROM calendar_year WHERE cal_year = ?""").param(year)
                .query((rs, i) -> new HolidayNotice(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .optional()
                .map(notice -> new HolidayYear(year, notice, days(year, "HOLIDAY"), days(year, "WORKDAY")));
    }

    private List<CalendarDay> days(int year, String kind) {
        return jdbc.sql("SELECT calendar_date, name FROM calendar_day WHERE cal_year = ? AND kind = ? "
                + "ORDER BY calendar_date").params(year, kind).query(CalendarYearRepository::day).list();
    }

    private static CalendarDay day(ResultSet rs, int row) throws SQLException {
        return new CalendarDay(rs.getObject(1, java.time.LocalDate.class), rs.getString(2));
    }

    /** Replaces the year and all its days; the caller holds the transaction. */
    void replace(HolidayYear file, String origin, String loadedBy, OffsetDateTime now) {
        jdbc.sql("DELETE FROM calendar_day WHERE cal_year = ?").param(file.year()).update();
        jdbc.sql("DELETE FROM calendar_year WHERE cal_year = ?").param(file.year()).update();
        HolidayNotice notice = file.notice();
        jdbc.sql("""
                INSERT INTO calendar_year (cal_year, notice_title, notice_number, notice_published, notice_source,
                    origin, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(file.year(), notice.title(), notice.number(), notice.published(), notice.source(), origin,
                        loadedBy, now)
                .update();
        insertDays(file.year(), file.holidays(), "HOLIDAY");
        insertDays(file.year(), file.workdays(), "WORKDAY");
    }

    private void insertDays(int year, List<CalendarDay> days, String kind) {
        for (CalendarDay day : days) {
            jdbc.sql("INSERT INTO calendar_day (calendar_date, cal_year, kind, name) VALUES (?, ?, ?, ?)")
                    .params(day.date(), year, kind, day.name()).update();
        }
    }
}

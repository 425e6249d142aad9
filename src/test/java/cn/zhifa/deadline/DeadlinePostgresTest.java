package cn.zhifa.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.calendar.ShippedCalendar;
import cn.zhifa.calendar.WorkingDayCalendar;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V2 and V3 on a real PostgreSQL 16, and the running-deadline rows round-tripping through it. */
class DeadlinePostgresTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                // one role migrates and connects: nothing to grant (postgresql/V21__record_privileges.sql)
                .placeholders(Map.of("zhifa_app_role", "postgres")).load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void shouldStoreAndFindRunningDeadlinesOnPostgres() {
        JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        WorkingDayCalendar calendar = ShippedCalendar.calendar();
        DeadlineService deadlines = new DeadlineService(DeadlineCatalogue.load("default"), () -> calendar, jdbc, null,
                null, null, Clock.fixed(at("2025-09-30T10:00:00+08:00"), WorkingDayCalendar.ZONE));

        RunningDeadline review = deadlines.track("pi-pg", "case-pg", "LEGAL_REVIEW", at("2025-09-30T10:00:00+08:00"));

        assertThat(review.dueAt()).isEqualTo(at("2025-10-11T23:59:59+08:00"));
        assertThat(review.remindAt()).isEqualTo(at("2025-10-10T09:00:00+08:00"));
        assertThat(deadlines.track("pi-pg", "case-pg", "LEGAL_REVIEW", at("2025-09-30T10:00:00+08:00")).id())
                .isEqualTo(review.id());
        assertThat(deadlines.open("pi-pg")).extracting(RunningDeadline::businessKey).containsExactly("case-pg");
        deadlines.complete("pi-pg", "LEGAL_REVIEW");
        assertThat(deadlines.find("pi-pg", "LEGAL_REVIEW").orElseThrow().status())
                .isEqualTo(RunningDeadline.Status.DONE);
        jdbc.sql("""
                INSERT INTO calendar_year (cal_year, notice_title, origin, loaded_at) VALUES (2030, '测试', 'ADMIN', ?)""")
                .param(OffsetDateTime.now()).update();
        jdbc.sql("INSERT INTO calendar_day (calendar_date, cal_year, kind, name) VALUES (DATE '2030-01-01', 2030, "
                + "'HOLIDAY', '元旦')").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_day").query(Long.class).single()).isEqualTo(1L);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}

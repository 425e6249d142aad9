package cn.zhifa.deadline;

import cn.zhifa.calendar.PeriodUnit;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.system.TransactionCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The running_deadline, deadline_extension and deadline_pause tables (V3). Plain JdbcClient, no Spring context. The
 * latest row of an entry is read once per transaction ({@link TransactionCache}: the due date, the follow-up, the
 * reminder and the completion of one click each ask for it); every write here forgets what was read.
 */
class RunningDeadlineRepository {

    private record Latest(String processInstanceId, String entryId) {
    }

    private static final String COLUMNS = """
            id, process_instance_id, business_key, entry_id, rule_set, clock_start, basis_day, basis_amount,
            basis_unit, raw_due, due_at, remind_at, provisional, extensions_used, status, paused_at,
            remaining_at_pause""";

    private final JdbcClient jdbc;

    RunningDeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row with what the service needs beyond the public record. */
    record Row(RunningDeadline deadline, String ruleSet, LocalDate basisDay, int basisAmount, PeriodUnit basisUnit,
            LocalDate rawDue, Instant pausedAt, Integer remainingAtPause) {

        long id() {
            return deadline.id();
        }

        LocalDate dueDay() {
            return WorkingDayCalendar.dayOf(deadline.dueAt());
        }
    }

    /** The schedule to store: basis, raw due day, due and reminder instants, provisional flag. */
    record Schedule(LocalDate basisDay, int basisAmount, PeriodUnit basisUnit, LocalDate rawDue, Instant dueAt,
            Instant remindAt, boolean provisional) {
    }

    Optional<Row> latest(String processInstanceId, String entryId) {
        return Optional.ofNullable(TransactionCache.get(this, new Latest(processInstanceId, entryId), () ->
                jdbc.sql("SELECT " + COLUMNS + " FROM running_deadline WHERE process_instance_id = ? "
                                + "AND entry_id = ? AND status <> 'SUPERSEDED' ORDER BY id DESC")
                        .params(processInstanceId, entryId)
                        .query(RunningDeadlineRepository::row).list().stream().findFirst().orElse(null)));
    }

    private void written() {
        TransactionCache.evict(this, key -> true);
    }

    List<Row> withStatus(String processInstanceId, RunningDeadline.Status... statuses) {
        String in = String.join(",", java.util.Arrays.stream(statuses).map(s -> "'" + s.name() + "'").toList());
        String where = processInstanceId == null ? "" : " AND process_instance_id = :pi";
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM running_deadline WHERE status IN (" + in + ")" + where
                + " ORDER BY due_at, id");
        if (processInstanceId != null) {
            spec = spec.param("pi", processInstanceId);
        }
        return spec.query(RunningDeadlineRepository::row).list();
    }

    List<Row> ofBusinessKey(String businessKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM running_deadline WHERE business_key = ? ORDER BY clock_start, id")
                .param(businessKey).query(RunningDeadlineRepository::row).list();
    }

    List<Row> openProvisional() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM running_deadline WHERE status = 'OPEN' AND provisional = TRUE "
                + "ORDER BY id").query(RunningDeadlineRepository::row).list();
    }

    long insert(String processInstanceId, String businessKey, String entryId, String ruleSet, Instant clockStart,
            Schedule schedule, Instant now) {
        written();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO running_deadline (process_instance_id, business_key, entry_id, rule_set, clock_start,
                    basis_day, basis_amount, basis_unit, raw_due, due_at, remind_at, provisional, extensions_used,
                    status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'OPEN', ?)""")
                .params(processInstanceId, businessKey, entryId, ruleSet, odt(clockStart), schedule.basisDay(),
                        schedule.basisAmount(), schedule.basisUnit().name(), schedule.rawDue(), odt(schedule.dueAt()),
                        odt(schedule.remindAt()), schedule.provisional(), odt(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void reschedule(long id, Schedule schedule) {
        written();
        jdbc.sql("""
                UPDATE running_deadline SET basis_day = ?, basis_amount = ?, basis_unit = ?, raw_due = ?, due_at = ?,
                    remind_at = ?, provisional = ? WHERE id = ?""")
                .params(schedule.basisDay(), schedule.basisAmount(), schedule.basisUnit().name(), schedule.rawDue(),
                        odt(schedule.dueAt()), odt(schedule.remindAt()), schedule.provisional(), id)
                .update();
    }

    void status(long id, RunningDeadline.Status status, Instant closedAt) {
        written();
        jdbc.sql("UPDATE running_deadline SET status = ?, closed_at = ? WHERE id = ?")
                .params(status.name(), odt(closedAt), id).update();
    }

    void countExtension(long id) {
        written();
        jdbc.sql("UPDATE running_deadline SET extensions_used = extensions_used + 1 WHERE id = ?").param(id).update();
    }

    void insertExtension(long deadlineId, int amount, PeriodUnit unit, Instant oldDue, Instant newDue,
            ExtensionApproval approval) {
        written();
        jdbc.sql("""
                INSERT INTO deadline_extension (deadline_id, amount, unit, old_due_at, new_due_at, approved_by,
                    requested_at, approved_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(deadlineId, amount, unit.name(), odt(oldDue), odt(newDue), approval.approvedBy(),
                        odt(approval.requestedAt()), odt(approval.approvedAt()), approval.reason())
                .update();
    }

    List<DeadlineExtension> extensions(long deadlineId) {
        return jdbc.sql("""
                SELECT id, deadline_id, amount, unit, old_due_at, new_due_at, approved_by, requested_at, approved_at,
                    reason
                FROM deadline_extension WHERE deadline_id = ? ORDER BY id""").param(deadlineId)
                .query((rs, i) -> new DeadlineExtension(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        PeriodUnit.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6), rs.getString(7),
                        instant(rs, 8), instant(rs, 9), rs.getString(10)))
                .list();
    }

    void pause(long id, Instant pausedAt, int remaining, String reason) {
        written();
        jdbc.sql("UPDATE running_deadline SET status = 'PAUSED', paused_at = ?, remaining_at_pause = ? WHERE id = ?")
                .params(odt(pausedAt), remaining, id).update();
        jdbc.sql("INSERT INTO deadline_pause (deadline_id, paused_at, remaining, reason) VALUES (?, ?, ?, ?)")
                .params(id, odt(pausedAt), remaining, reason).update();
    }

    void resume(long id, Instant resumedAt) {
        written();
        jdbc.sql("UPDATE running_deadline SET status = 'OPEN', paused_at = NULL, remaining_at_pause = NULL "
                + "WHERE id = ?").param(id).update();
        jdbc.sql("UPDATE deadline_pause SET resumed_at = ? WHERE deadline_id = ? AND resumed_at IS NULL")
                .params(odt(resumedAt), id).update();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        RunningDeadline deadline = new RunningDeadline(rs.getLong("id"), rs.getString("process_instance_id"),
                rs.getString("business_key"), rs.getString("entry_id"), instant(rs, "clock_start"),
                instant(rs, "due_at"), instant(rs, "remind_at"), rs.getBoolean("provisional"),
                rs.getInt("extensions_used"), RunningDeadline.Status.valueOf(rs.getString("status")));
        Integer remaining = rs.getObject("remaining_at_pause", Integer.class);
        return new Row(deadline, rs.getString("rule_set"), rs.getObject("basis_day", LocalDate.class),
                rs.getInt("basis_amount"), PeriodUnit.valueOf(rs.getString("basis_unit")),
                rs.getObject("raw_due", LocalDate.class), instant(rs, "paused_at"),
                remaining);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }
}

package cn.zhifa.deadline;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.system.ZhifaException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.http.HttpStatus;

/**
 * The bean named {@code deadlines} that BPMN expressions call, so no BPMN file holds a duration:
 * <pre>
 * camunda:dueDate="${deadlines.dueAt(execution, 'LEGAL_REVIEW')}"
 * &lt;bpmn:timeDate&gt;${deadlines.remindAt(execution, 'LEGAL_REVIEW')}&lt;/bpmn:timeDate&gt;
 * &lt;camunda:executionListener event="end" expression="${deadlines.complete(execution, 'LEGAL_REVIEW')}" /&gt;
 * </pre>
 * The clock start is read from the process variable the catalogue entry names: a {@link Date}, {@link LocalDate},
 * {@link LocalDateTime}, {@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant} or an ISO string (a date alone
 * means the start of that day in Asia/Shanghai). Public so JUEL can call it.
 */
public class Deadlines {

    /** Set by the engine boundary on every case process (cn.zhifa.boundary.EngineVariables.CASE_ID). */
    private static final String CASE_ID_VARIABLE = "caseId";

    private final DeadlineService service;

    public Deadlines(DeadlineService service) {
        this.service = service;
    }

    /** The end of the period: 23:59:59 Asia/Shanghai on the due day (the exact hour for hour periods). */
    public Date dueAt(DelegateExecution execution, String entryId) {
        return Date.from(track(execution, entryId).dueAt());
    }

    /** The reminder: at the entry's time (09:00) on the entry's working day before the due day. */
    public Date remindAt(DelegateExecution execution, String entryId) {
        RunningDeadline deadline = track(execution, entryId);
        if (deadline.remindAt() == null) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "DEADLINE_NO_REMINDER",
                    "期限目录中的 " + entryId + " 没有配置提醒时间");
        }
        return Date.from(deadline.remindAt());
    }

    /** The end of the period counted from an explicit start (a date, date-time or ISO string), not the entry's variable. */
    public Date dueAt(DelegateExecution execution, String entryId, Object clockStart) {
        Instant start = clockStartOf(clockStart);
        if (start == null) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "DEADLINE_CLOCK_START_MISSING",
                    "无法计算" + service.catalogue().entry(entryId).name() + "：起算日期未设置或格式不正确");
        }
        return Date.from(service.track(execution.getProcessInstanceId(), caseKeyOf(execution), entryId,
                start, agencyOf(execution)).dueAt());
    }

    /** For a task's follow-up date: the reminder instant, or the due instant for an entry without a reminder. */
    public Date followUpAt(DelegateExecution execution, String entryId) {
        RunningDeadline deadline = track(execution, entryId);
        return Date.from(deadline.remindAt() != null ? deadline.remindAt() : deadline.dueAt());
    }

    /** Marks the running deadline of the entry DONE (use it in an end listener). */
    public void complete(DelegateExecution execution, String entryId) {
        service.complete(execution.getProcessInstanceId(), entryId);
    }

    private RunningDeadline track(DelegateExecution execution, String entryId) {
        DeadlineEntry entry = service.catalogue().entry(entryId);
        String variable = entry.clockStart().variable();
        Instant start = clockStartOf(execution.getVariable(variable));
        if (start == null) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "DEADLINE_CLOCK_START_MISSING",
                    "无法计算" + entry.name() + "：流程变量 " + variable + "（" + entry.clockStart().event() + "）未设置或格式不正确");
        }
        return service.track(execution.getProcessInstanceId(), caseKeyOf(execution), entryId, start,
                agencyOf(execution));
    }

    /**
     * The key running deadlines are stored under: the case's id (the engine-owned variable {@code caseId} every case
     * process carries), not the business key, which shows the case number and changes when the case is numbered.
     */
    public static String caseKeyOf(DelegateExecution execution) {
        Object caseId = execution.getVariable(CASE_ID_VARIABLE);
        return caseId instanceof Number id ? String.valueOf(id.longValue()) : execution.getProcessBusinessKey();
    }

    /** The agency of the case (an engine-owned variable), whose own amount for the entry applies. */
    private static String agencyOf(DelegateExecution execution) {
        Object agency = execution.getVariable("agencyId");
        return agency instanceof String id ? id : null;
    }

    static Instant clockStartOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        } else if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof LocalDate day) {
            return day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
        } else if (value instanceof LocalDateTime time) {
            return time.atZone(WorkingDayCalendar.ZONE).toInstant();
        } else if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        } else if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        } else if (value instanceof String text && !text.isBlank()) {
            return parse(text.trim());
        }
        return null;
    }

    private static Instant parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(WorkingDayCalendar.ZONE).toInstant();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

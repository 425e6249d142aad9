package cn.zhifa.hearing;

import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a person submitted with a hearing task's form, checked on the server (Camunda Forms validate in the
 * browser only, and the REST API skips them): each missing or malformed field is refused with its Chinese label.
 */
final class HearingForm {

    /** The longest text a field may hold. */
    static final int MAX_TEXT = 4000;

    private final DelegateTask task;
    private final String actor;
    private final HearingRefusals refusals;

    HearingForm(DelegateTask task, String actor, HearingRefusals refusals) {
        this.task = task;
        this.actor = actor;
        this.refusals = refusals;
    }

    String text(String variable, String label) {
        String text = optionalText(variable, label);
        if (text == null) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写" + label);
        }
        return text;
    }

    /** The stripped text, or null when the field is empty (form-js submits empty text fields as ""). */
    String optionalText(String variable, String label) {
        Object value = task.getVariable(variable);
        String text = value == null ? null : value.toString().strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw refusals.refuse(task, actor, "FIELD_TOO_LONG", label + "不能超过" + MAX_TEXT + "字");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    String choice(String variable, String label, Collection<String> allowed) {
        Object value = task.getVariable(variable);
        if (value == null || !allowed.contains(value.toString())) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请选择" + label);
        }
        return value.toString();
    }

    boolean flag(String variable) {
        Object value = task.getVariable(variable);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    LocalDate date(String variable, String label) {
        Object value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写" + label);
        }
        LocalDate day = day(value);
        if (day == null) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "格式不正确，应为 YYYY-MM-DD");
        }
        return day;
    }

    /** A date and time from a form-js datetime field ("2026-10-15T09:30", with or without offset) or a Date. */
    LocalDateTime dateTime(String variable, String label) {
        Object value = task.getVariable(variable);
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), EngineClock.ZONE);
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写" + label);
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(EngineClock.ZONE).toLocalDateTime();
            } catch (DateTimeParseException offset) {
                throw refusals.refuse(task, actor, "FIELD_INVALID", label + "格式不正确，应为 YYYY-MM-DDTHH:mm");
            }
        }
    }

    List<String> userIds(String variable, String label) {
        try {
            return HearingJson.strings(task.getVariable(variable)).stream().distinct().toList();
        } catch (IllegalArgumentException e) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "格式不正确");
        }
    }

    HearingRefusedException refuse(String code, String message) {
        return refusals.refuse(task, actor, code, message);
    }

    HearingRefusedException refuse(String code, String message, Map<String, Object> data) {
        return refusals.refuse(task, actor, code, message, data);
    }

    /** A day from a Date, a LocalDate or an ISO text (a date, or a date-time whose day counts); null otherwise. */
    static LocalDate day(Object value) {
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), EngineClock.ZONE);
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        String text = value == null ? "" : value.toString().strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text)
                    : text.isEmpty() ? null : OffsetDateTime.parse(text).atZoneSameInstant(EngineClock.ZONE)
                            .toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package cn.zhifa.hearing;

import cn.zhifa.boundary.FormJson;
import cn.zhifa.boundary.SubmittedForm;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a person submitted with a hearing task's form, checked on the server (Camunda Forms validate in the
 * browser only, and the REST API skips them): each missing or malformed field is refused with its Chinese label.
 */
final class HearingForm extends SubmittedForm {

    /** The longest text a field may hold. */
    static final int MAX_TEXT = 4000;

    private final String actor;
    private final HearingRefusals refusals;

    HearingForm(DelegateTask task, String actor, HearingRefusals refusals) {
        super(task, MAX_TEXT);
        this.actor = actor;
        this.refusals = refusals;
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

    List<String> userIds(String variable, String label) {
        try {
            return FormJson.strings(task.getVariable(variable)).stream().distinct().toList();
        } catch (IllegalArgumentException e) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "格式不正确");
        }
    }

    @Override
    protected HearingRefusedException refuse(String code, String message) {
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

package cn.zhifa.boundary;

import cn.zhifa.system.EngineClock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a person submitted with a task's form, checked on the server (Camunda Forms validate in the browser
 * only, and the REST API skips them): each missing or malformed field is refused with its Chinese label. A feature
 * says how it refuses (its exception and its record entry) and adds the fields only it reads.
 */
public abstract class SubmittedForm {

    protected final DelegateTask task;
    private final int maxText;

    protected SubmittedForm(DelegateTask task, int maxText) {
        this.task = task;
        this.maxText = maxText;
    }

    /** The feature's refusal of this task's completion. */
    protected abstract RuntimeException refuse(String code, String message);

    public String text(String variable, String label) {
        String text = optionalText(variable, label);
        if (text == null) {
            throw refuse("FIELD_REQUIRED", "请填写" + label);
        }
        return text;
    }

    /** The stripped text, or null when the field is empty (form-js submits empty text fields as ""). */
    public String optionalText(String variable, String label) {
        Object value = task.getVariable(variable);
        String text = value == null ? null : value.toString().strip();
        if (text != null && text.length() > maxText) {
            throw refuse("FIELD_TOO_LONG", label + "不能超过" + maxText + "字");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    public String choice(String variable, String label, Collection<String> allowed) {
        Object value = task.getVariable(variable);
        if (value == null || !allowed.contains(value.toString())) {
            throw refuse("FIELD_REQUIRED", "请选择" + label);
        }
        return value.toString();
    }

    public boolean flag(String variable) {
        Object value = task.getVariable(variable);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    /** A date and time from a form-js datetime field ("2026-10-15T09:30", with or without offset) or a Date. */
    public LocalDateTime dateTime(String variable, String label) {
        Object value = task.getVariable(variable);
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), EngineClock.ZONE);
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw refuse("FIELD_REQUIRED", "请填写" + label);
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(EngineClock.ZONE).toLocalDateTime();
            } catch (DateTimeParseException offset) {
                throw refuse("FIELD_INVALID", label + "格式不正确，应为 YYYY-MM-DDTHH:mm");
            }
        }
    }
}

package cn.zhifa.disclosure;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a person submitted with a task's form, checked on the server (Camunda Forms validate in the browser
 * only, and the REST API skips them): each missing or malformed field is refused with its Chinese label.
 */
final class DisclosureForm {

    /** The longest text a field may hold (the widest text column of disclosure_record). */
    static final int MAX_TEXT = 4000;

    private final DelegateTask task;
    private final String actor;
    private final DisclosureRefusals refusals;

    DisclosureForm(DelegateTask task, String actor, DisclosureRefusals refusals) {
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

    /** One term per line. */
    List<String> lines(String variable, String label) {
        String text = optionalText(variable, label);
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).distinct().toList();
    }

    DisclosureRefusedException refuse(String code, String message) {
        return refusals.refuse(task, actor, code, message);
    }
}

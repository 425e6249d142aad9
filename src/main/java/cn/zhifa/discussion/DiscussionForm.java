package cn.zhifa.discussion;

import cn.zhifa.boundary.FormJson;
import cn.zhifa.boundary.SubmittedForm;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a person submitted with a task's form, checked on the server (Camunda Forms validate in the browser
 * only, and the REST API skips them): each missing or malformed field is refused with its Chinese label.
 */
final class DiscussionForm extends SubmittedForm {

    /** The longest text a field may hold (the opinion table's column). */
    static final int MAX_TEXT = 4000;

    private final String actor;
    private final DiscussionRefusals refusals;

    DiscussionForm(DelegateTask task, String actor, DiscussionRefusals refusals) {
        super(task, MAX_TEXT);
        this.actor = actor;
        this.refusals = refusals;
    }

    int positiveNumber(String variable, String label) {
        Integer number = positiveNumber(task.getVariable(variable));
        if (number == null) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "须为正整数");
        }
        return number;
    }

    /** A whole positive number from a form's number field, a REST client's string, or a caller's variable. */
    static Integer positiveNumber(Object value) {
        String text = value == null ? "" : value.toString().strip().replaceFirst("\\.0+$", "");
        return text.matches("[1-9]\\d{0,8}") ? Integer.valueOf(text) : null;
    }

    List<String> userIds(String variable, String label) {
        try {
            return FormJson.strings(task.getVariable(variable)).stream().distinct().toList();
        } catch (IllegalArgumentException e) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "格式不正确");
        }
    }

    @Override
    protected DiscussionRefusedException refuse(String code, String message) {
        return refusals.refuse(task, actor, code, message);
    }

    DiscussionRefusedException refuse(String code, String message, Map<String, Object> data) {
        return refusals.refuse(task, actor, code, message, data);
    }
}

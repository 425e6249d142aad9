package cn.zhifa.disclosure;

import cn.zhifa.boundary.SubmittedForm;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a person submitted with a task's form, checked on the server (Camunda Forms validate in the browser
 * only, and the REST API skips them): each missing or malformed field is refused with its Chinese label.
 */
final class DisclosureForm extends SubmittedForm {

    /** The longest text a field may hold (the widest text column of disclosure_record). */
    static final int MAX_TEXT = 4000;

    private final String actor;
    private final DisclosureRefusals refusals;

    DisclosureForm(DelegateTask task, String actor, DisclosureRefusals refusals) {
        super(task, MAX_TEXT);
        this.actor = actor;
        this.refusals = refusals;
    }

    /** One term per line. */
    List<String> lines(String variable, String label) {
        String text = optionalText(variable, label);
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).distinct().toList();
    }

    @Override
    protected DisclosureRefusedException refuse(String code, String message) {
        return refusals.refuse(task, actor, code, message);
    }
}

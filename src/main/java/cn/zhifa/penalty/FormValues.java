package cn.zhifa.penalty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading what a form submitted: text, dates (yyyy-MM-dd), amounts and check boxes, as the listeners check them. */
final class FormValues {

    private FormValues() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static boolean isTrue(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
    }

    /** A date field: a yyyy-MM-dd string as form-js submits it, or a Date set by the engine; null when empty. */
    static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), cn.zhifa.system.EngineClock.ZONE);
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name);
        }
    }

    /** An amount in yuan (a number field submits a Long or Double, a text field a string); null when empty. */
    static Double amount(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name);
        }
    }
}

package cn.zhifa.onthespot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading what a form submitted: texts, checkboxes, amounts (Tasklist sends numbers or strings), dates. */
final class OnTheSpotForm {

    private OnTheSpotForm() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static boolean checked(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** A positive amount in yuan with at most two decimals, in fen; null if absent; -1 if not such an amount. */
    static long fen(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return 0;
        }
        try {
            BigDecimal yuan = new BigDecimal(value.toString().strip());
            if (yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2) {
                return -1;
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    /** A date (YYYY-MM-DD, as form-js submits it), or null if absent or not a date. */
    static LocalDate date(VariableScope scope, String name) {
        String text = text(scope, name);
        try {
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

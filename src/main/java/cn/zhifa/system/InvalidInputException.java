package cn.zhifa.system;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Bad input (400): which fields are wrong and why. The code tells the kind of the first problem: TEXT_MALFORMED (a
 * character that cannot be stored), TEXT_TOO_LONG (longer than its column), TOO_MANY_ITEMS (e.g. parties of a case),
 * VALIDATION_FAILED (anything else).
 */
public class InvalidInputException extends ZhifaException {

    /** One wrong field: its path in the request ({@code parties[0].name}), the kind of problem, a Chinese message. */
    public record FieldProblem(String field, String code, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, problems.isEmpty() ? "VALIDATION_FAILED" : problems.get(0).code(),
                "提交的内容不正确：" + String.join("；",
                        problems.stream().map(p -> p.field() + " " + p.message()).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The problems of Bean Validation, sorted by field so the answer is the same each time. */
    public static InvalidInputException of(Collection<? extends ConstraintViolation<?>> violations) {
        return new InvalidInputException(violations.stream()
                .map(v -> problem(v.getPropertyPath().toString(), v))
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList());
    }

    static FieldProblem problem(String field, ConstraintViolation<?> violation) {
        return new FieldProblem(field, codeOf(violation), violation.getMessage());
    }

    private static String codeOf(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object value = violation.getInvalidValue();
        return switch (constraint) {
            case "WellFormedText" -> "TEXT_MALFORMED";
            case "Size" -> value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Object[]
                    ? "TOO_MANY_ITEMS" : isTooLong(violation) ? "TEXT_TOO_LONG" : "VALIDATION_FAILED";
            default -> "VALIDATION_FAILED";
        };
    }

    /** Beyond its column's size; a text too short (a password under its minimum) is only invalid. */
    private static boolean isTooLong(ConstraintViolation<?> violation) {
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        return violation.getInvalidValue() instanceof CharSequence text && max instanceof Integer limit
                && text.length() > limit;
    }
}

package cn.zhifa.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text may be stored: see {@link TextRules}. {@code lineBreaks} allows tabs and line breaks (free text such as a
 * description); names, numbers and places are one line. Every String a client sends carries it, next to a
 * {@code @Size} that matches its column.
 */
@Documented
@Constraint(validatedBy = WellFormedText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WellFormedText {

    boolean lineBreaks() default false;

    String message() default "含有不能保存的字符";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports the first problem with its position, in Chinese. */
    class Validator implements ConstraintValidator<WellFormedText, CharSequence> {

        private boolean lineBreaks;

        @Override
        public void initialize(WellFormedText annotation) {
            lineBreaks = annotation.lineBreaks();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return TextRules.problemOf(value, lineBreaks).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}

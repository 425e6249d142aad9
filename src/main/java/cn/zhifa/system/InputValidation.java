package cn.zhifa.system;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Bean Validation of input that Spring does not bind itself (a file parsed by the feature, a service call). */
@Component
public class InputValidation {

    private final Validator validator;

    InputValidation(Validator validator) {
        this.validator = validator;
    }

    /** Refuses with {@link InvalidInputException} (400) unless {@code input} meets its constraints. */
    public <T> T require(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        return input;
    }
}

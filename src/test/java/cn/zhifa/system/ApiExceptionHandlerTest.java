package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;

/** Jackson's date errors and refusals the engine wrapped are bad input and refusals, not server errors. */
class ApiExceptionHandlerTest {

    record Hearing(LocalDate day) {
    }

    record Hearings(List<Hearing> hearings) {
    }

    final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    final ApiExceptionHandler handler = new ApiExceptionHandler();

    ProblemDetail unreadable(String body, Class<?> type) {
        InvalidFormatException cause = catchThrowableOfType(InvalidFormatException.class,
                () -> json.readValue(body, type));
        return handler.unreadable(new HttpMessageNotReadableException("JSON parse error", cause,
                new MockHttpInputMessage(body.getBytes())), new MockHttpServletRequest("POST", "/api/x"));
    }

    @Test
    void shouldNameTheFieldOfADayThatDoesNotExist() {
        ProblemDetail problem = unreadable("{\"hearings\":[{\"day\":\"2025-02-30\"}]}", Hearings.class);

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "DATE_INVALID");
        assertThat(problem.getDetail()).contains("hearings[0].day").contains("“2025-02-30”").contains("YYYY-MM-DD");
    }

    @Test
    void shouldAnswerAWrappedRefusalWithItsOwnStatusAndCode() {
        ZhifaException refusal = new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "REVIEW_REFUSED", "不得自行审核");

        ProblemDetail problem = handler.unexpected(new ProcessEngineException("Exception while invoking listener",
                refusal), new MockHttpServletRequest("POST", "/api/x"));

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getProperties()).containsEntry("code", "REVIEW_REFUSED");
        assertThat(problem.getDetail()).isEqualTo("不得自行审核");
    }

    @Test
    void aDuplicateKeyIsAConflictNotAServerError() {
        ProblemDetail problem = handler.duplicate(new org.springframework.dao.DuplicateKeyException("uq_org_unit"));
        assertThat(problem.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(problem.getProperties()).containsEntry("code", "CONFLICT");
    }
}

package cn.zhifa.service;

import cn.zhifa.documents.Attachment;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What one attempt established, as its form was checked: the method (a direct attempt the recipient refused is
 * 留置), served, failed or announced, on which day (the date of service, of the failed attempt, or of publication),
 * a note, and the uploads that prove it. Handed to {@link RecordServiceAttemptDelegate} in engine-owned variables.
 */
record Attempt(ServiceMethod method, String outcome, LocalDate date, String note, List<Attachment> evidence) {

    static final String SERVED = "SERVED";
    static final String FAILED = "FAILED";
    static final String ANNOUNCED = "ANNOUNCED";

    void writeTo(VariableScope scope, String actor) {
        scope.setVariable(ServiceVariables.ATTEMPT_METHOD, method.name());
        scope.setVariable(ServiceVariables.ATTEMPT_OUTCOME, outcome);
        scope.setVariable(ServiceVariables.ATTEMPT_DATE, date.toString());
        scope.setVariable(ServiceVariables.ATTEMPT_NOTE, note);
        scope.setVariable(ServiceVariables.ATTEMPT_EVIDENCE,
                evidence.stream().map(a -> String.valueOf(a.id())).collect(Collectors.joining(",")));
        scope.setVariable(ServiceVariables.ATTEMPT_BY, actor);
    }
}

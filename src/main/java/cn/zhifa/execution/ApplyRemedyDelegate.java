package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.system.EngineClock;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A reconsideration decision or judgment arrived ({@code RemedyDecided}): what it decided is read from the record
 * {@link Remedies} keeps, never from the message, so a message sent without a recorded decision changes nothing. A
 * changed fine replaces the fine; a revoked or void decision ends the execution; upheld or confirmed unlawful, the
 * execution goes on.
 */
@Component("applyRemedyDelegate")
class ApplyRemedyDelegate implements JavaDelegate {

    private final ExecutionStore store;
    private final CaseExecution execution;
    private final ExecutionRefusals refusals;

    ApplyRemedyDelegate(ExecutionStore store, CaseExecution execution, ExecutionRefusals refusals) {
        this.store = store;
        this.execution = execution;
        this.refusals = refusals;
    }

    @Override
    public void execute(DelegateExecution process) {
        long caseId = TaskActors.caseIdOf(process);
        long applied = process.getVariable(APPLIED_REMEDY_ID) instanceof Number n ? n.longValue() : 0;
        Remedy remedy = store.remedies(caseId).stream().filter(r -> r.outcome() != null && r.id() > applied)
                .max(Comparator.comparingLong(Remedy::id)).orElseThrow(() -> refusals.refuse(caseId, null,
                        Remedies.STEP, HttpStatus.CONFLICT, "REMEDY_NOT_RECORDED",
                        "没有登记的复议决定或判决，不能改变执行", Map.of()));
        process.setVariable(APPLIED_REMEDY_ID, remedy.id());
        process.setVariable(REMEDY_OUTCOME, remedy.outcome().name());
        ExecutionState state;
        if (remedy.outcome().endsExecution()) {
            execution.end(caseId);
            state = execution.state(caseId, EngineClock.today()).orElseThrow();
            process.setVariable(CLOSING_REASON, "行政处罚决定被" + remedy.kind().chineseName() + remedy.outcome().chineseName()
                    + "（" + remedy.documentNo() + "），执行终结");
            process.setVariable(CLOSING_TRIGGERED_AT, remedy.decidedOn().toString());
        } else if (remedy.outcome() == RemedyOutcome.CHANGED) {
            state = execution.changeFine(caseId, remedy.changedFineFen(), remedy.decidedOn());
            if (ExecutionState.CARRIED_OUT.equals(state.status())) {
                process.setVariable(CLOSING_REASON, "罚款经" + remedy.kind().chineseName() + "变更，已缴金额足额，决定已履行");
                process.setVariable(CLOSING_TRIGGERED_AT, remedy.decidedOn().toString());
            }
            process.setVariable(FINE_AMOUNT_FEN, remedy.changedFineFen());
        } else {
            state = execution.state(caseId, EngineClock.today()).orElseThrow();
        }
        process.setVariable(EXECUTION_STATUS, state.status());
        process.setVariable(EXECUTION_TEXT, state.summary());
        if (state.nextDueOn() != null) {
            process.setVariable(PAYMENT_DUE_AT, Date.from(WorkingDayCalendar.endOfDay(state.nextDueOn())));
        }
    }
}

package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.system.EngineClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The decision is served and goes on to case-execution as its contract asks (docs/execution.md): the outcome
 * (PENALTY or NO_PENALTY), the fine and the confiscated amount the head decided, in fen. case-execution opens the
 * payment and moves the case to EXECUTION, or goes straight to closing. A transfer is handed on by
 * {@link RecordTransferDelegate}.
 */
@Component("handOverDelegate")
class HandOverDelegate implements JavaDelegate {

    private final CaseSteps steps;

    HandOverDelegate(CaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean penalty = "PENALTY".equals(execution.getVariable(CASE_DECISION));
        long fine = penalty ? fen(execution.getVariable(FINE_AMOUNT)) : 0;
        long confiscation = penalty ? fen(execution.getVariable(CONFISCATION_AMOUNT)) : 0;
        execution.setVariable(DECISION_OUTCOME, penalty ? "PENALTY" : "NO_PENALTY");
        execution.setVariable(FINE_AMOUNT_FEN, fine);
        execution.setVariable(CONFISCATION_AMOUNT_FEN, confiscation);
        Date served = (Date) execution.getVariable(DECISION_SERVED_AT);
        String servedOn = served == null ? "？" : served.toInstant().atZone(EngineClock.ZONE).toLocalDate().toString();
        steps.record(execution, null, "CASE_HANDED_OVER", (penalty ? "行政处罚决定书已于 " + servedOn + " 送达，移交执行"
                : "不予行政处罚决定书已于 " + servedOn + " 送达，移交结案"),
                Map.of("decisionDocumentId", String.valueOf(execution.getVariable(DECISION_DOCUMENT_ID)),
                        "servedOn", servedOn, "decisionOutcome", penalty ? "PENALTY" : "NO_PENALTY",
                        "fineAmountFen", fine, "confiscationAmountFen", confiscation));
    }

    /** Yuan as the decision form submitted them (a number or its text; checked when the head decided) to fen. */
    static long fen(Object yuan) {
        if (yuan == null || yuan.toString().isBlank()) {
            return 0;
        }
        BigDecimal amount = yuan instanceof Number number ? new BigDecimal(number.toString())
                : new BigDecimal(yuan.toString().strip());
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}

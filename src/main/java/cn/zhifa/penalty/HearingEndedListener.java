package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The hearing has ended: a hearing held makes the legal review mandatory (行政处罚法 第五十八条第一款第二项, read by
 * legal-review-required as {@code hearingHeld}), and its report goes with the case to the decision.
 */
@Component("hearingEndedListener")
class HearingEndedListener implements ExecutionListener {

    private final CaseSteps steps;

    HearingEndedListener(CaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object result = execution.getVariable(HEARING_RESULT);
        boolean held = "HELD".equals(result);
        execution.setVariable(HEARING_HELD, held);
        steps.record(execution, null, "HEARING_ENDED", held ? "听证已举行，听证报告编号 "
                + execution.getVariable(HEARING_REPORT_DOCUMENT_ID) : "听证程序结束（" + result + "）",
                Map.of("hearingResult", String.valueOf(result)));
    }
}

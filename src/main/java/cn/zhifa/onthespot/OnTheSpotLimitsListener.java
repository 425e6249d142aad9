package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the table {@code simple-procedure-eligible}: its answer as the flat variables the gateway and the hand-over
 * form read (a model may compare a variable, not reach into the table's result).
 */
@Component("onTheSpotLimitsListener")
class OnTheSpotLimitsListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Map<?, ?> eligibility = (Map<?, ?>) execution.getVariable(ELIGIBILITY);
        execution.setVariable(WITHIN_LIMITS, Boolean.TRUE.equals(eligibility.get("eligible")));
        execution.setVariable(LIMITS_REASON, String.valueOf(eligibility.get("reason")));
    }
}

package cn.zhifa.penalty;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Whether the penalty the head decides is heavier than the one notified to the party (行政处罚法 第四十五条). */
@Component
class PenaltyComparison {

    /** Why the decided penalty is heavier, or null when it is not. */
    String heavierThanNotified(VariableScope scope) {
        List<String> reasons = Penalties.proposed(scope).heavierThan(Penalties.notified(scope));
        return reasons.isEmpty() ? null : String.join("；", reasons);
    }
}

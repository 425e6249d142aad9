package cn.zhifa.penalty;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No decision on the preserved evidence within the period (行政处罚法 第五十六条; SAMR 第三十五条: 逾期未作出处理决定的，
 * 先行登记保存措施自动解除): the measure is released, and the record says so.
 */
@Component("releasePreservedEvidenceDelegate")
class ReleasePreservedEvidenceDelegate implements JavaDelegate {

    private final CaseSteps steps;

    ReleasePreservedEvidenceDelegate(CaseSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.record(execution, null, "PRESERVATION_RELEASED",
                "先行登记保存处理决定期限届满未作出处理决定，保存措施自动解除：" + execution.getVariable(
                        PenaltyCaseVariables.PRESERVATION_ITEMS), Map.of());
    }
}

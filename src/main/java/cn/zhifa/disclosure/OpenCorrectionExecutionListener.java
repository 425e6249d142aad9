package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.boundary.TaskActors;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A correction request arrived: the handling of one request runs in its own scope (several may run at once), so
 * its request and every answer of its forms are variables of that scope, not of the process.
 */
@Component("openCorrectionExecutionListener")
class OpenCorrectionExecutionListener implements ExecutionListener {

    private final DisclosureStore store;
    private final DisclosureRefusals refusals;

    OpenCorrectionExecutionListener(DisclosureStore store, DisclosureRefusals refusals) {
        this.store = store;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        DisclosureStore.Correction request = store.takeCorrection(caseId, execution.getProcessInstanceId())
                .orElseThrow(() -> refusals.refuse(caseId, null, "处理更正申请", "CORRECTION_NOT_REGISTERED",
                        "更正申请须经公示网站提交，不能直接发送消息", Map.of()));
        DisclosureStore.Row row = store.find(request.recordId()).orElseThrow();
        execution.setVariableLocal(CORRECTION_ID, request.id());
        execution.setVariableLocal(CORRECTION_TEXT, "申请时间：" + Dates.chinese(request.requestedAt().toInstant())
                + "\n更正理由：" + request.reason() + "\n证据：" + request.evidence()
                + (request.contact() == null ? "" : "\n联系方式：" + request.contact()));
        execution.setVariableLocal(CORRECTED_PREVIEW, null);
        execution.setVariableLocal(CORRECTION_ROUTE, null);
        execution.setVariableLocal(CORRECTION_APPROVED, null);
        execution.setVariableLocal(CORRECTION_HANDLED_BY, null);
        execution.setVariableLocal(CORRECTION_OUTCOME, null);
        execution.setVariableLocal(CORRECTION_REPLY, null);
        execution.setVariableLocal(CORRECTED_CONCLUSION, row.text().conclusion());
        execution.setVariableLocal(CORRECTED_FACTS, row.text().facts());
        execution.setVariableLocal(CORRECTED_BASIS, row.text().basis());
        execution.setVariableLocal(CORRECTED_PENALTY, row.text().penalty());
        execution.setVariableLocal(CORRECTION_REVIEW_OUTCOME, null);
        execution.setVariableLocal(CORRECTION_REVIEW_REASONS, null);
    }
}

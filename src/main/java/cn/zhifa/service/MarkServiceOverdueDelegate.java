package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The agency's period has run without service: the case is overdue and a head supervises; the officers go on. */
@Component("markServiceOverdueDelegate")
class MarkServiceOverdueDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    MarkServiceOverdueDelegate(CaseRegister cases, CaseRecord caseRecord) {
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        cases.markOverdue(caseId, true);
        execution.setVariable(SERVICE_OVERDUE, true);
        caseRecord.append(caseId, "system", "SERVICE_OVERDUE",
                execution.getVariable(SERVICE_DOCUMENT_NAME) + "超过送达期限仍未送达，已报机关负责人督办",
                Map.of("processInstanceId", execution.getProcessInstanceId()));
    }
}

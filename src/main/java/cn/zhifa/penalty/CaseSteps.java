package cn.zhifa.penalty;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Appends a step of the procedure to the case record, naming the process instance and activity. */
@Component
class CaseSteps {

    private final CaseRecord caseRecord;

    CaseSteps(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    void record(DelegateExecution execution, String actor, String action, String summary, Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("processInstanceId", execution.getProcessInstanceId());
        recorded.put("activity", execution.getCurrentActivityId());
        caseRecord.append(TaskActors.caseIdOf(execution), actor == null ? "system" : actor, action, summary, recorded);
    }
}

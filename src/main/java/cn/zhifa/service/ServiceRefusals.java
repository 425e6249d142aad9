package cn.zhifa.service;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refusing a service step: an entry REFUSAL in the case record once the refused transaction has
 * rolled back (it may hold the case's record lock), and the exception with the Chinese message.
 */
@Component
class ServiceRefusals {

    private static final Logger log = LoggerFactory.getLogger(ServiceRefusals.class);

    private final CaseRecord caseRecord;

    ServiceRefusals(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    ServiceRefusedException refuse(DelegateTask task, String actor, String code, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", task.getTaskDefinitionKey());
        data.put("event", task.getEventName());
        data.put("processInstanceId", task.getProcessInstanceId());
        return refuse(TaskActors.caseIdOf(task), actor, task.getName(), code, message, data);
    }

    ServiceRefusedException refuse(long caseId, String actor, String step, String code, String message,
            Map<String, Object> data) {
        log.info("Refused {} by {} on case {} ({})", code, actor, caseId, step);
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("code", code);
        String who = actor == null ? "system" : actor;
        caseRecord.appendAfterRollback(caseId, who, "REFUSAL", step + "：" + message,
                recorded);
        return new ServiceRefusedException(code, message);
    }
}

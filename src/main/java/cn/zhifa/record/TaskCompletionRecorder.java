package cn.zhifa.record;

import cn.zhifa.casefile.CaseRegister;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends TASK_COMPLETED for every completed user task of a process whose business key is a case id. The starter
 * publishes task events as Spring events (camunda.bpm.eventing.task); this listener runs synchronously inside the
 * engine's transaction, so the task completion and its record entry commit or roll back together.
 */
@Component
class TaskCompletionRecorder {

    private static final Logger log = LoggerFactory.getLogger(TaskCompletionRecorder.class);

    private final CaseRecord record;
    private final CaseRegister cases;

    TaskCompletionRecorder(CaseRecord record, CaseRegister cases) {
        this.record = record;
        this.cases = cases;
    }

    @EventListener
    void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        DelegateExecution execution = task.getExecution();
        // the engine-owned caseId, not the business key: that shows the case number and changes on numbering
        Long caseId = execution == null ? null : caseIdOf(execution.getVariable("caseId"));
        if (caseId == null || !cases.exists(caseId)) {
            return;
        }
        Map<String, Object> variables = new TreeMap<>();
        variables.put("local", plain(task.getVariablesLocalTyped()));
        variables.put("visible", plain(task.getVariablesTyped()));
        String digest = RecordHashing.sha256(RecordHashing.canonicalJson(variables));
        Map<String, Object> data = new TreeMap<>();
        data.put("taskId", task.getId());
        data.put("taskDefinitionKey", task.getTaskDefinitionKey());
        data.put("taskName", task.getName());
        data.put("assignee", task.getAssignee());
        data.put("processInstanceId", task.getProcessInstanceId());
        data.put("processDefinitionId", task.getProcessDefinitionId());
        data.put("variableNames", new TreeSet<>(task.getVariableNames()));
        data.put("variablesDigest", digest);
        String summary = "完成任务：" + (task.getName() == null ? task.getTaskDefinitionKey() : task.getName())
                + (task.getAssignee() == null ? "" : "（办理人：" + task.getAssignee() + "）");
        record.append(caseId, actorOf(task), "TASK_COMPLETED", summary, data);
        log.debug("Recorded completion of task {} of case {}", task.getId(), caseId);
    }

    private static String actorOf(DelegateTask task) {
        // the engine's Authentication type lives in an impl package; it is only read here, never named
        var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() == null ? "system" : task.getAssignee();
    }

    static Long caseIdOf(Object caseId) {
        return caseId instanceof Number id ? id.longValue() : null;
    }

    /** Variable values as JSON-friendly values: primitives as they are, objects by their serialized form. */
    private static Map<String, Object> plain(VariableMap variables) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : variables.keySet()) {
            TypedValue value = variables.getValueTyped(name);
            out.put(name, plainValue(value));
        }
        return out;
    }

    private static Object plainValue(TypedValue typed) {
        Object value = typed == null ? null : typed.getValue();
        if (typed instanceof ObjectValue object && !object.isDeserialized()) {
            return object.getValueSerialized();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (typed instanceof ObjectValue object) {
            return object.getValueSerialized() != null ? object.getValueSerialized() : String.valueOf(value);
        }
        return String.valueOf(value);
    }
}

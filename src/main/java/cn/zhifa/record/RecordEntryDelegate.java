package cn.zhifa.record;

import cn.zhifa.system.ZhifaException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The service task a designer places with the element template "记录" (docs/designers.md): appends an entry to the
 * case record (全过程记录) with the action code {@value #ACTION} and the summary {@value #SUMMARY} the model gives,
 * as the person in {@value #ACTOR}, with the process instance and the activity that wrote it.
 */
@Component("recordEntryDelegate")
class RecordEntryDelegate implements JavaDelegate {

    static final String ACTION = "recordAction";
    static final String SUMMARY = "recordSummary";
    static final String ACTOR = "recordActor";
    private static final Pattern ACTION_CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,63}");

    private final CaseRecord record;

    RecordEntryDelegate(CaseRecord record) {
        this.record = record;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = TaskCompletionRecorder.caseIdOf(execution.getVariable("caseId"));
        Object action = execution.getVariableLocal(ACTION);
        Object summary = execution.getVariableLocal(SUMMARY);
        if (caseId == null || action == null || !ACTION_CODE.matcher(action.toString()).matches()
                || summary == null || summary.toString().isBlank()) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "MODEL_RECORD_INPUT_INVALID",
                    "流程模型的“记录”任务须写明记录代码（大写英文）和摘要，且流程须属于一个案件（"
                            + execution.getCurrentActivityId() + "）");
        }
        Map<String, Object> data = new TreeMap<>();
        data.put("processInstanceId", execution.getProcessInstanceId());
        data.put("processDefinitionId", execution.getProcessDefinitionId());
        data.put("activityId", execution.getCurrentActivityId());
        record.append(caseId, (String) execution.getVariableLocal(ACTOR), action.toString(), summary.toString(), data);
    }
}

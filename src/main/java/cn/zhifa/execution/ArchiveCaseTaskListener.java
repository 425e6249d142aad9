package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 立卷归档: on create the case file as it stands is shown (正卷、副卷 and what is missing); on completion an officer
 * of the handling unit confirms it, and a file missing a document the outcome requires is refused, naming it.
 */
@Component("archiveCaseTaskListener")
class ArchiveCaseTaskListener implements TaskListener {

    private final CaseFileIndex index;
    private final ExecutionRefusals refusals;

    ArchiveCaseTaskListener(CaseFileIndex index, ExecutionRefusals refusals) {
        this.index = index;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        long caseId = TaskActors.caseIdOf(task);
        CaseFileIndex.CaseFile file = index.assemble(caseId, (String) task.getVariable(DECISION_OUTCOME));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariable(CASE_FILE_TEXT, file.text());
            return;
        }
        String actor = refusals.handlingOfficer(task);
        if (!Boolean.TRUE.equals(task.getVariable(ARCHIVE_CONFIRMED))) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请核对案卷材料后勾选确认");
        }
        if (!file.missing().isEmpty()) {
            throw refusals.refuse(task, actor, "CASE_FILE_INCOMPLETE", "案卷材料不全，不能归档，缺少："
                    + String.join("、", file.missing()));
        }
        task.setVariable(ARCHIVED_BY, actor);
    }
}

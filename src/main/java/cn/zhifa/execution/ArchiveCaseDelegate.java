package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * 归档 (SAMR 第七十八条): the case file's index, every file with its SHA-256, goes into the case record (the export is
 * checked against it), and the case moves to ARCHIVED, after which nothing of it changes
 * ({@link CaseRegister#refuseIfArchived}).
 */
@Component("archiveCaseDelegate")
class ArchiveCaseDelegate implements JavaDelegate {

    static final String ARCHIVED_ACTION = "CASE_ARCHIVED";

    private final CaseFileIndex index;
    private final CaseRegister cases;
    private final CaseRecord caseRecord;

    ArchiveCaseDelegate(CaseFileIndex index, CaseRegister cases, CaseRecord caseRecord) {
        this.index = index;
        this.cases = cases;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution process) {
        long caseId = TaskActors.caseIdOf(process);
        CaseFileIndex.CaseFile file = index.assemble(caseId, (String) process.getVariable(DECISION_OUTCOME));
        if (!file.missing().isEmpty()) {
            // a document removed between the confirmation and this job: retried, then an incident for the operator
            throw new ZhifaException(HttpStatus.CONFLICT, "CASE_FILE_INCOMPLETE", "案卷材料不全，不能归档，缺少："
                    + String.join("、", file.missing()));
        }
        String officer = (String) process.getVariable(ARCHIVED_BY);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionOutcome", process.getVariable(DECISION_OUTCOME));
        data.put("items", file.items());
        data.put("processInstanceId", process.getProcessInstanceId());
        caseRecord.append(caseId, officer, ARCHIVED_ACTION, "立卷归档：正卷、副卷共" + file.items().size() + "件", data);
        process.setVariable(CASE_ARCHIVED_AT, EngineClock.today().toString());
        cases.moveTo(caseId, CaseStage.ARCHIVED, officer);
    }
}

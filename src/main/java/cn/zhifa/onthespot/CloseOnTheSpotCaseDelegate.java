package cn.zhifa.onthespot;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.record.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Filed, its materials handed in, and the fine (if any) in the bank: the case closes and, its materials being in the
 * agency's archive (SAMR 第七十条), is archived, at once or, while the head still supervises a step done late, when
 * that supervision is done ({@link OnTheSpotArchiving}); an archived case changes no more.
 */
@Component("closeOnTheSpotCaseDelegate")
class CloseOnTheSpotCaseDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final CaseRecord caseRecord;
    private final OnTheSpotArchiving archiving;

    CloseOnTheSpotCaseDelegate(CaseRegister cases, CaseRecord caseRecord, OnTheSpotArchiving archiving) {
        this.cases = cases;
        this.caseRecord = caseRecord;
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String officer = (String) execution.getVariable(EngineVariables.STARTED_BY);
        cases.moveTo(caseId, CaseStage.CLOSED, officer);
        boolean supervised = archiving.supervisionOpen(execution.getProcessInstanceId(), null);
        caseRecord.append(caseId, officer, "ON_THE_SPOT_CLOSED", supervised ? "当场处罚案件结案，督办完成后归档"
                : "当场处罚案件结案归档", Map.of("processInstanceId", execution.getProcessInstanceId()));
        // last: from here on the register refuses every change of the case (CaseRegister.refuseIfArchived)
        archiving.archiveIfDone(caseId, execution.getProcessInstanceId(), null, officer);
    }
}

package cn.zhifa.onthespot;

import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * A closed on-the-spot case is archived when nothing of its procedure is left: an archived case takes no more
 * changes (CaseRegister.refuseIfArchived), the head's supervision of a late step included, so a supervision still
 * open at the close keeps the case closed until the last one is done.
 */
@Component
class OnTheSpotArchiving {

    private final CaseRegister cases;
    private final TaskService taskService;

    OnTheSpotArchiving(CaseRegister cases, TaskService taskService) {
        this.cases = cases;
        this.taskService = taskService;
    }

    /** Whether a supervision of the procedure but {@code finishing} (the one being completed, null: none) is open. */
    boolean supervisionOpen(String processInstanceId, String finishing) {
        // by key: the task that led here (completed in this same command) may still be found by the query
        return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .anyMatch(t -> OnTheSpotPeriods.SUPERVISIONS.contains(t.getTaskDefinitionKey())
                        && !t.getId().equals(finishing));
    }

    /** Archives the case if it is closed and no supervision but {@code finishing} is open. */
    void archiveIfDone(long caseId, String processInstanceId, String finishing, String actor) {
        boolean closed = cases.find(caseId).map(c -> c.stage() == CaseStage.CLOSED).orElse(false);
        if (closed && !supervisionOpen(processInstanceId, finishing)) {
            cases.moveTo(caseId, CaseStage.ARCHIVED, actor);
        }
    }
}

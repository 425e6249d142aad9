package cn.zhifa.boundary;

import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.WellFormedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reassigning a task (改派) is for a head of the case's agency, to a person among the task's candidates; the task's
 * own listeners then check the new assignee as they check a claim. Giving a task back is for its assignee or such a
 * head. Through the engine's API candidates can do neither (they hold TASK_WORK, not TASK_ASSIGN).
 */
@RestController
class TaskReassignmentController {

    record Reassignment(@NotBlank @Size(max = 64) @WellFormedText String userId) {
    }

    private final TaskService taskService;
    private final Proceedings proceedings;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final BoundaryRefusals refusals;

    TaskReassignmentController(TaskService taskService, Proceedings proceedings, StaffDirectory staff,
            CaseRecord caseRecord, BoundaryRefusals refusals) {
        this.taskService = taskService;
        this.proceedings = proceedings;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @PutMapping("/api/tasks/{taskId}/assignee")
    @Transactional
    ResponseEntity<Void> reassign(@PathVariable @Size(max = 64) @WellFormedText String taskId,
            @Valid @RequestBody Reassignment request, Principal principal) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        Proceedings.Proceeding proceeding = task == null ? null : proceedings.of(task.getProcessInstanceId())
                .orElse(null);
        if (proceeding == null) {
            throw new BoundaryRefusedException(HttpStatus.NOT_FOUND, "TASK_NOT_FOUND", "任务不存在或已办结");
        }
        String head = principal.getName();
        if (!staff.isHeadOf(proceeding.agencyId(), head)) {
            throw refusals.refuse(proceeding.caseId(), head, HttpStatus.FORBIDDEN, "REASSIGN_NOT_HEAD",
                    "改派「" + task.getName() + "」须由本案所属机关的负责人办理", Map.of("taskId", taskId));
        }
        boolean candidate = taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> isCandidate(link, request.userId()));
        if (!candidate) {
            throw refusals.refuse(proceeding.caseId(), head, HttpStatus.UNPROCESSABLE_ENTITY,
                    "REASSIGN_NOT_CANDIDATE", staff.displayName(request.userId()) + "不是「" + task.getName()
                            + "」的办理单位人员，不能改派给他", Map.of("taskId", taskId, "userId", request.userId()));
        }
        String previous = task.getAssignee();
        taskService.setAssignee(taskId, request.userId());
        caseRecord.append(proceeding.caseId(), head, "TASK_REASSIGNED",
                "改派「" + task.getName() + "」：" + (previous == null ? "未认领" : staff.displayName(previous)) + " → "
                        + staff.displayName(request.userId()),
                Map.of("taskId", taskId, "from", String.valueOf(previous), "to", request.userId()));
        return ResponseEntity.noContent().build();
    }

    /** Giving a claimed task back (退回认领): its assignee himself, or a head of the case's agency. */
    @DeleteMapping("/api/tasks/{taskId}/assignee")
    @Transactional
    ResponseEntity<Void> giveBack(@PathVariable @Size(max = 64) @WellFormedText String taskId, Principal principal) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        Proceedings.Proceeding proceeding = task == null ? null : proceedings.of(task.getProcessInstanceId())
                .orElse(null);
        if (proceeding == null) {
            throw new BoundaryRefusedException(HttpStatus.NOT_FOUND, "TASK_NOT_FOUND", "任务不存在或已办结");
        }
        String user = principal.getName();
        if (!user.equals(task.getAssignee()) && !staff.isHeadOf(proceeding.agencyId(), user)) {
            throw refusals.refuse(proceeding.caseId(), user, HttpStatus.FORBIDDEN, "TASK_NOT_YOURS",
                    "「" + task.getName() + "」由" + staff.displayName(task.getAssignee()) + "办理，只有其本人或本机关负责人可以退回认领",
                    Map.of("taskId", taskId));
        }
        if (task.getAssignee() != null) {
            taskService.setAssignee(taskId, null);
            caseRecord.append(proceeding.caseId(), user, "TASK_GIVEN_BACK", "退回认领「" + task.getName() + "」",
                    Map.of("taskId", taskId, "from", task.getAssignee()));
        }
        return ResponseEntity.noContent().build();
    }

    private boolean isCandidate(IdentityLink link, String userId) {
        return userId.equals(link.getUserId()) || (link.getGroupId() != null && staff.isMember(userId,
                link.getGroupId()));
    }
}

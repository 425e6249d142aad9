package cn.zhifa.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.identity.StaffDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.stereotype.Component;

/**
 * What a user's task queries must give, worked out task by task with Camunda's own AuthorizationService and identity
 * links, against what our copy of Camunda's Task.xml gives: 本单位待办 as Tasklist asks it (the shared filter with its
 * expressions) and the same criteria written out, listed, counted and paged by due date (a page takes another path
 * on PostgreSQL: the authorization asked per task); the candidate criteria without the identity-link join; the
 * involvedUser criterion and the ordering by a variable, which keep Camunda's join with DISTINCT. Used on H2
 * (TaskListAuthorizationTest) and on PostgreSQL (PostgresApplicationTest).
 */
@Component
public class TaskVisibility {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final RepositoryService repositoryService;
    private final FilterService filterService;
    private final StaffDirectory staff;

    TaskVisibility(TaskService taskService, IdentityService identityService, AuthorizationService authorizationService,
            RepositoryService repositoryService, FilterService filterService, StaffDirectory staff) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.repositoryService = repositoryService;
        this.filterService = filterService;
        this.staff = staff;
    }

    /** Asserts every query above for the user; answers how many tasks his 本单位待办 lists. */
    public int assertExactFor(String user) {
        List<String> groups = new ArrayList<>(staff.groupsOf(user));
        Set<String> readable = readable(user, groups);
        Set<String> mine = select(readable, t -> inGroups(t, groups) || user.equals(t.getAssignee()));
        Set<String> candidate = select(readable, t -> t.getAssignee() == null && (inGroups(t, groups)
                || links(t).stream().anyMatch(l -> "candidate".equals(l.getType()) && user.equals(l.getUserId()))));
        Set<String> involved = select(readable, t -> user.equals(t.getAssignee()) || user.equals(t.getOwner())
                || links(t).stream().anyMatch(l -> user.equals(l.getUserId())));
        Filter unitFilter = filterService.createFilterQuery().filterName("本单位待办").singleResult();
        identityService.setAuthentication(user, groups);
        try {
            assertThat(ids(filterService.list(unitFilter.getId()))).as(user + " 本单位待办").isEqualTo(mine);
            assertThat(filterService.count(unitFilter.getId())).as(user + " 本单位待办").isEqualTo(mine.size());
            assertThat(mine).as(user + " 本单位待办, first page").containsAll(ids(filterService.listPage(
                    unitFilter.getId(), 0, 15)));

            // a query keeps the page it was last asked for: a new one for each call
            Supplier<TaskQuery> unit = () -> taskService.createTaskQuery().or().taskCandidateGroupIn(groups)
                    .includeAssignedTasks().taskAssignee(user).endOr().orderByDueDate().asc();
            List<Task> all = unit.get().list();
            assertThat(ids(all)).as(user).isEqualTo(mine).hasSize(all.size());
            assertThat(unit.get().count()).as(user).isEqualTo(mine.size());
            List<Task> page = unit.get().listPage(0, 2);
            assertThat(page.stream().map(Task::getDueDate).toList()).as(user + " first page, by due date")
                    .isEqualTo(all.stream().limit(2).map(Task::getDueDate).toList());
            assertThat(mine).containsAll(ids(page));
            Supplier<TaskQuery> ordered = () -> unit.get().orderByTaskId().asc();
            List<Task> pages = new ArrayList<>(ordered.get().listPage(0, 1));
            pages.addAll(ordered.get().listPage(1, 1000));
            assertThat(pages.stream().map(Task::getId).toList()).as(user + " pages")
                    .isEqualTo(ordered.get().list().stream().map(Task::getId).toList());
            assertThat(ids(pages)).as(user + " pages").isEqualTo(mine);

            assertThat(ids(taskService.createTaskQuery().taskCandidateUser(user).list())).as(user + " candidate")
                    .isEqualTo(candidate);
            assertThat(taskService.createTaskQuery().taskCandidateUser(user).count()).as(user + " candidate")
                    .isEqualTo(candidate.size());
            Set<String> candidatePage = ids(taskService.createTaskQuery().taskCandidateUser(user).listPage(0, 15));
            assertThat(candidate).as(user + " candidate, first page").containsAll(candidatePage);
            assertThat(candidatePage).hasSize(Math.min(15, candidate.size()));
            List<Task> involvedList = taskService.createTaskQuery().taskInvolvedUser(user).list();
            assertThat(ids(involvedList)).as(user + " involved").isEqualTo(involved).hasSize(involvedList.size());
            assertThat(taskService.createTaskQuery().taskInvolvedUser(user).count()).as(user + " involved")
                    .isEqualTo(involved.size());
            List<Task> byCase = unit.get().orderByProcessVariable("caseId", ValueType.LONG).asc().list();
            assertThat(ids(byCase)).as(user + " by case").isEqualTo(mine).hasSize(byCase.size());
            assertThat(unit.get().orderByProcessVariable("caseId", ValueType.LONG).asc().count()).isEqualTo(mine.size());
        } finally {
            identityService.clearAuthentication();
        }
        return mine.size();
    }

    /** The tasks the user may read by Camunda's own rules: READ on the task or READ_TASK on its definition. */
    public Set<String> readable(String user) {
        return readable(user, new ArrayList<>(staff.groupsOf(user)));
    }

    private Set<String> readable(String user, List<String> groups) {
        Set<String> ids = new TreeSet<>();
        for (Task task : taskService.createTaskQuery().list()) {
            String key = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            if (authorizationService.isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, task.getId())
                    || authorizationService.isUserAuthorized(user, groups, ProcessDefinitionPermissions.READ_TASK,
                            Resources.PROCESS_DEFINITION, key)) {
                ids.add(task.getId());
            }
        }
        return ids;
    }

    private Set<String> select(Set<String> taskIds, Predicate<Task> criteria) {
        Set<String> ids = new TreeSet<>();
        for (String id : taskIds) {
            if (criteria.test(taskService.createTaskQuery().taskId(id).singleResult())) {
                ids.add(id);
            }
        }
        return ids;
    }

    private List<IdentityLink> links(Task task) {
        return taskService.getIdentityLinksForTask(task.getId());
    }

    private boolean inGroups(Task task, List<String> groups) {
        return links(task).stream().anyMatch(l -> "candidate".equals(l.getType()) && groups.contains(l.getGroupId()));
    }

    private static Set<String> ids(List<Task> tasks) {
        Set<String> ids = new TreeSet<>();
        tasks.forEach(t -> ids.add(t.getId()));
        return ids;
    }
}

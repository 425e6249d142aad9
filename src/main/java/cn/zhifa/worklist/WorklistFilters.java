package cn.zhifa.worklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.zhifa.identity.Roles;
import cn.zhifa.system.StartupLock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared Tasklist filters, created or brought up to date at every start and readable by the roles that work in
 * Tasklist (FILTER READ per role group; an earlier version's grant to everyone is taken back). Due windows are worked
 * out on the server: the engine gives each task with a due date a follow-up date at the catalogue's reminder (in
 * working days, see boundary.TaskContextListener), so 即将到期 is "follow-up date passed, due date not yet", using
 * only the expressions the filter allow-list accepts. Tasklist sorts by what the page asks; our Tasklist script asks
 * for the due date, earliest first.
 */
@Component
@Order(100)
class WorklistFilters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorklistFilters.class);
    static final List<String> TASKLIST_ROLES = List.of(Roles.OFFICER, Roles.LEGAL_REVIEWER, Roles.AGENCY_HEAD,
            Roles.HEARING_HOST);

    record Definition(String name, String description, int priority, UnaryOperator<TaskQuery> criteria) {
    }

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final StartupLock startupLock;

    WorklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
            StartupLock startupLock) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.startupLock = startupLock;
    }

    static List<Definition> definitions() {
        return List.of(
                new Definition("我的待办", "已由我认领或分配给我的任务，按到期日排列", -20,
                        q -> q.taskAssigneeExpression("${currentUser()}")),
                new Definition("本单位待办", "本人所在单位和角色的任务（含已认领的），按到期日排列", -15, q -> q),
                new Definition("今日到期", "今天到期、尚未逾期的任务", -10,
                        q -> q.dueAfterExpression("${now()}")
                                .dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay()}")),
                new Definition("即将到期", "已到期限目录规定的提醒日（按工作日计算）、尚未逾期的任务", -5,
                        q -> q.followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")),
                new Definition("已逾期", "已超过办理期限的任务", 0, q -> q.dueBeforeExpression("${now()}")));
    }

    /** My unit's and role's tasks, claimed ones included, and the tasks assigned to me by name. */
    private TaskQuery mine() {
        return tasks.createTaskQuery()
                .or().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .taskAssigneeExpression("${currentUser()}").endOr();
    }

    /** In one transaction under the start-up lock: a node starting beside another finds the filters it made. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.holdUntilCommit();
        for (Definition definition : definitions()) {
            TaskQuery query = definition.name().equals("我的待办") ? definition.criteria().apply(tasks.createTaskQuery())
                    : definition.criteria().apply(mine());
            query.orderByDueDate().asc();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", definition.description());
            properties.put("priority", definition.priority());
            properties.put("refresh", true);
            Filter filter = filters.createFilterQuery().filterName(definition.name()).singleResult();
            boolean created = filter == null;
            if (created) {
                filter = filters.newTaskFilter(definition.name());
            }
            filter.setProperties(properties);
            filter.setQuery(query);
            filters.saveFilter(filter);
            share(filter.getId());
            if (created) {
                log.info("Created the shared Tasklist filter {}", definition.name());
            }
        }
    }

    private void share(String filterId) {
        Authorization everyone = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filterId).userIdIn(Authorization.ANY).singleResult();
        if (everyone != null && everyone.getAuthorizationType() == AUTH_TYPE_GLOBAL) {
            authorizations.deleteAuthorization(everyone.getId());
        }
        for (String role : TASKLIST_ROLES) {
            if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                    .groupIdIn(role).count() == 0) {
                Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                grant.setGroupId(role);
                grant.setResource(Resources.FILTER);
                grant.setResourceId(filterId);
                grant.addPermission(Permissions.READ);
                authorizations.saveAuthorization(grant);
            }
        }
    }
}

package cn.zhifa.worklist;

import cn.zhifa.boundary.Proceedings;
import cn.zhifa.calendar.CalendarService;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.Party;
import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.identity.Units;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Tasklist plugins show (read-only): each task's card (case, party, due day and working days left), the
 * proceedings one started (我发起的), the tasks one completed (已办), and a case's deadlines with their state. Tasks are
 * read with the caller's own engine rights, so a card shows only tasks the caller may see in Tasklist.
 */
@RestController
class WorklistController {

    private static final int MAX_IDS = 100;
    private static final int LIST_LIMIT = 100;

    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Proceedings proceedings;
    private final CaseRegister cases;
    private final DeadlineService deadlines;
    private final CalendarService calendars;
    private final StaffDirectory staff;

    WorklistController(TaskService tasks, HistoryService history, RepositoryService repository,
            IdentityService identity, Proceedings proceedings, CaseRegister cases, DeadlineService deadlines,
            CalendarService calendars, StaffDirectory staff) {
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.proceedings = proceedings;
        this.cases = cases;
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.staff = staff;
    }

    record TaskCard(String taskId, Long caseId, String caseReference, String caseTitle, String party, Date due,
            LocalDate dueDay, Integer workingDaysLeft, DueState.State state) {
    }

    /** The cards of the tasks (comma-separated ids) the caller may see; others are left out. */
    @GetMapping("/api/worklist/tasks")
    List<TaskCard> cards(@RequestParam @Size(max = 4000) @WellFormedText String ids, Authentication caller) {
        String[] taskIds = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toArray(String[]::new);
        if (taskIds.length == 0) {
            return List.of();
        }
        if (taskIds.length > MAX_IDS) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "TOO_MANY_ITEMS", "一次最多查询" + MAX_IDS + "个任务");
        }
        List<Task> visible = asCaller(caller, () -> tasks.createTaskQuery().taskIdIn(taskIds).list());
        Instant now = EngineClock.now();
        WorkingDayCalendar calendar = calendars.current();
        Map<Long, Optional<CaseDetail>> details = new HashMap<>();
        List<TaskCard> cards = new ArrayList<>();
        for (Task task : visible) {
            Optional<Long> caseId = task.getProcessInstanceId() == null ? Optional.empty()
                    : proceedings.of(task.getProcessInstanceId()).map(Proceedings.Proceeding::caseId);
            Optional<CaseDetail> detail = caseId.flatMap(id -> details.computeIfAbsent(id, cases::find));
            DueState due = task.getDueDate() == null ? null : DueState.of(task.getDueDate().toInstant(),
                    task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant(), now, calendar);
            cards.add(new TaskCard(task.getId(), caseId.orElse(null), detail.map(CaseDetail::reference).orElse(null),
                    detail.map(CaseDetail::title).orElse(null), detail.map(WorklistController::partyOf).orElse(null),
                    task.getDueDate(), due == null ? null : due.dueDay(),
                    due == null ? null : due.workingDaysLeft(), due == null ? null : due.state()));
        }
        return cards;
    }

    record Started(String processInstanceId, String processName, String caseReference, Long caseId,
            Date startedAt, Date endedAt, String state, List<String> openTasks) {
    }

    /** 我发起的: the proceedings the caller started, newest first, with the tasks still open in each. */
    @GetMapping("/api/worklist/started")
    List<Started> started(Authentication caller) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .startedBy(caller.getName()).orderByProcessInstanceStartTime().desc().listPage(0, LIST_LIMIT);
        Map<String, String> names = new HashMap<>();
        return instances.stream().map(p -> new Started(p.getId(),
                names.computeIfAbsent(p.getProcessDefinitionId(), this::processName), p.getBusinessKey(),
                proceedings.of(p.getId()).map(Proceedings.Proceeding::caseId).orElse(null), p.getStartTime(),
                p.getEndTime(), p.getState(),
                p.getEndTime() != null ? List.of() : tasks.createTaskQuery().processInstanceId(p.getId()).list()
                        .stream().map(Task::getName).toList()))
                .toList();
    }

    record Done(String taskId, String taskName, String processName, String caseReference, Long caseId, Date endedAt) {
    }

    /** 已办: the tasks the caller completed, latest first. */
    @GetMapping("/api/worklist/done")
    List<Done> done(Authentication caller) {
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().taskAssignee(caller.getName())
                .finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, LIST_LIMIT);
        Map<String, String> names = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        return done.stream().filter(t -> "completed".equals(t.getDeleteReason()))
                .map(t -> new Done(t.getId(), t.getName(),
                        t.getProcessDefinitionId() == null ? null
                                : names.computeIfAbsent(t.getProcessDefinitionId(), this::processName),
                        t.getProcessInstanceId() == null ? null
                                : keys.computeIfAbsent(t.getProcessInstanceId(), this::businessKey),
                        t.getProcessInstanceId() == null ? null : proceedings.of(t.getProcessInstanceId())
                                .map(Proceedings.Proceeding::caseId).orElse(null),
                        t.getEndTime()))
                .toList();
    }

    record CaseDeadlineState(String entryId, String name, Instant dueAt, LocalDate dueDay, int workingDaysLeft,
            List<String> states, int extensionsUsed, String legalBasis) {
    }

    /**
     * The case's running and paused periods for the 案卷 tab, with working days left and their state: 进行中
     * (running), 已暂停 (paused), 已延长 (extended), 已逾期 (overdue), 暂定 (provisional: a year without holiday data).
     */
    @GetMapping("/api/worklist/cases/{caseId}/deadlines")
    List<CaseDeadlineState> caseDeadlines(@PathVariable long caseId, Authentication caller) {
        if (!cases.isVisibleTo(caseId, caller.getName())) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId);
        }
        Instant now = EngineClock.now();
        WorkingDayCalendar calendar = calendars.current();
        return deadlines.ofCase(String.valueOf(caseId)).stream()
                .filter(d -> d.status() == RunningDeadline.Status.OPEN || d.status() == RunningDeadline.Status.PAUSED)
                .map(d -> {
                    DeadlineEntry entry = deadlines.catalogue().entry(d.entryId());
                    DueState due = DueState.of(d.dueAt(), d.remindAt(), now, calendar);
                    List<String> states = new ArrayList<>();
                    states.add(d.status() == RunningDeadline.Status.PAUSED ? "PAUSED" : "RUNNING");
                    if (d.extensionsUsed() > 0) {
                        states.add("EXTENDED");
                    }
                    if (due.state() == DueState.State.OVERDUE && d.status() == RunningDeadline.Status.OPEN) {
                        states.add("OVERDUE");
                    }
                    if (d.provisional()) {
                        states.add("PROVISIONAL");
                    }
                    return new CaseDeadlineState(d.entryId(), entry.name(), d.dueAt(), due.dueDay(),
                            due.workingDaysLeft(), states, d.extensionsUsed(), entry.legalBasis());
                }).toList();
    }

    record WorkingDaysLeft(LocalDate today, LocalDate due, int workingDaysLeft) {
    }

    /** Working days from today to the due day as the law counts them (negative once it has passed). */
    @GetMapping("/api/worklist/working-days-left")
    WorkingDaysLeft workingDaysLeft(@RequestParam LocalDate due) {
        Instant now = EngineClock.now();
        DueState state = DueState.of(WorkingDayCalendar.endOfDay(due), null, now, calendars.current());
        return new WorkingDaysLeft(WorkingDayCalendar.dayOf(now), due, state.workingDaysLeft());
    }

    record Colleague(String userId, String name, boolean validCertificate) {
    }

    /** The officers of the caller's units, for the officers of a case he registers (himself first). */
    @GetMapping("/api/worklist/colleagues")
    List<Colleague> colleagues(Authentication caller) {
        LocalDate today = WorkingDayCalendar.dayOf(EngineClock.now());
        List<Colleague> colleagues = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> members = new ArrayList<>();
        members.add(caller.getName());
        // the handling units only: a person is also a member of his agency's group
        for (String unit : staff.unitsOf(caller.getName()).stream().filter(unit -> staff.agencyOfUnit(unit)
                .map(agency -> staff.unitsOfKind(agency, Units.KIND_HANDLING).contains(unit)).orElse(false))
                .toList()) {
            identity.createUserQuery().memberOfGroup(unit).orderByUserId().asc().list()
                    .forEach(user -> members.add(user.getId()));
        }
        for (String userId : members) {
            if (seen.add(userId) && staff.isMember(userId, Roles.OFFICER)) {
                colleagues.add(new Colleague(userId, staff.displayName(userId),
                        staff.validCertificate(userId, today).isPresent()));
            }
        }
        return colleagues;
    }

    private String processName(String processDefinitionId) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        return definition.getName() != null ? definition.getName() : definition.getKey();
    }

    private String businessKey(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private static String partyOf(CaseDetail detail) {
        List<Party> parties = detail.parties();
        if (parties.isEmpty()) {
            return null;
        }
        return parties.get(0).name() + (parties.size() > 1 ? "等" + parties.size() + "人" : "");
    }

    /** Runs an engine query with the caller's Camunda rights, as Tasklist would. */
    private <T> T asCaller(Authentication caller, Supplier<T> query) {
        List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        identity.setAuthentication(caller.getName(), groups);
        try {
            return query.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}

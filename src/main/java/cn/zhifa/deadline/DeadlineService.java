package cn.zhifa.deadline;

import cn.zhifa.calendar.CalendarSource;
import cn.zhifa.calendar.PeriodUnit;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.deadline.RunningDeadline.Status;
import cn.zhifa.deadline.RunningDeadlineRepository.Row;
import cn.zhifa.deadline.RunningDeadlineRepository.Schedule;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline feature's API: registers the running deadline of a process instance when BPMN first asks for its due
 * date ({@link Deadlines}), grants extensions after the approval the catalogue requires (R10), pauses and resumes a
 * clock keeping the time already elapsed (R7), recomputes provisional due dates when a calendar year is loaded, and
 * answers supervision queries. Every change moves the task due dates and timer jobs that came from the deadline.
 * Constructible without Spring (plain objects), so process tests use the same code.
 */
public class DeadlineService {

    private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

    private final DeadlineCatalogue catalogue;
    private final CalendarSource calendars;
    private final RunningDeadlineRepository repository;
    private final AgencyAmounts agencyAmounts;
    private final EngineDueDates engine;
    private final IdentityService identityService;
    private final Clock clock;

    public DeadlineService(DeadlineCatalogue catalogue, CalendarSource calendars, JdbcClient jdbc,
            TaskService taskService, ManagementService managementService, IdentityService identityService,
            Clock clock) {
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.repository = new RunningDeadlineRepository(jdbc);
        this.agencyAmounts = new AgencyAmounts(jdbc);
        this.engine = new EngineDueDates(taskService, managementService);
        this.identityService = identityService;
        this.clock = clock;
    }

    public DeadlineCatalogue catalogue() {
        return catalogue;
    }

    /** The entry as it applies to the agency: the catalogue's, with the agency's own amount where it set one. */
    public DeadlineEntry entryFor(String agencyId, String entryId) {
        return agencyAmounts.apply(agencyId, catalogue.entry(entryId));
    }

    /** Sets the agency's own amount for an entry (the unit and everything else stay the catalogue's). */
    @Transactional
    public DeadlineEntry setAgencyAmount(String agencyId, String entryId, int amount, String legalBasis, String actor) {
        catalogue.entry(entryId);
        agencyAmounts.set(agencyId, entryId, amount, legalBasis, OffsetDateTime.ofInstant(now(), ZoneOffset.UTC),
                actor);
        return entryFor(agencyId, entryId);
    }

    /** Back to the catalogue's amount for the agency. */
    @Transactional
    public void clearAgencyAmount(String agencyId, String entryId) {
        agencyAmounts.clear(agencyId, entryId);
    }

    /**
     * The running deadline of the entry for this instance and clock start: the stored one (possibly extended) when
     * the start is unchanged; otherwise a new one, and the previous open one is closed as {@code SUPERSEDED}.
     */
    @Transactional
    public RunningDeadline track(String processInstanceId, String businessKey, String entryId, Instant clockStart) {
        return track(processInstanceId, businessKey, entryId, clockStart, null);
    }

    /**
     * As {@link #track(String, String, String, Instant)}, with the agency's own amount for the entry where it has set
     * one ({@link AgencyAmounts}); the amount is fixed when the deadline starts, later changes do not move it.
     */
    @Transactional
    public RunningDeadline track(String processInstanceId, String businessKey, String entryId, Instant clockStart,
            String agencyId) {
        DeadlineEntry entry = agencyAmounts.apply(agencyId, catalogue.entry(entryId));
        Instant start = clockStart.truncatedTo(ChronoUnit.MILLIS);
        Optional<Row> latest = repository.latest(processInstanceId, entryId);
        if (latest.isPresent() && latest.get().deadline().clockStart().equals(start)) {
            RunningDeadline existing = latest.get().deadline();
            if (existing.status() == Status.DONE) {
                repository.status(existing.id(), Status.OPEN, null);
                return reload(existing);
            }
            return existing;
        }
        latest.filter(row -> isRunning(row.deadline().status()))
                .ifPresent(row -> repository.status(row.id(), Status.SUPERSEDED, now()));
        Schedule schedule = DeadlineScheduler.initial(entry, start, calendars.current());
        if (schedule.provisional()) {
            log.warn("Deadline {} of process instance {} is provisional: due {} lies in a year without holiday data",
                    entryId, processInstanceId, schedule.dueAt());
        }
        repository.insert(processInstanceId, businessKey, entryId, catalogue.ruleSet(), start, schedule, now());
        return repository.latest(processInstanceId, entryId).orElseThrow().deadline();
    }

    /** Marks the open (or paused) deadline of the entry DONE; nothing happens when none is running. */
    @Transactional
    public void complete(String processInstanceId, String entryId) {
        repository.latest(processInstanceId, entryId).filter(row -> isRunning(row.deadline().status()))
                .ifPresent(row -> repository.status(row.id(), Status.DONE, now()));
    }

    /**
     * Whether an extension may be asked for at {@code requestedAt}: refused with {@code DEADLINE_NOT_EXTENDABLE} or
     * {@code DEADLINE_EXTENSION_EXHAUSTED} (422) when the entry allows none (more), {@code DEADLINE_PAUSED} (409)
     * while the clock stands still, and {@code DEADLINE_ALREADY_EXPIRED} (422) once the period has run out: an
     * extension prolongs a running period; asked for afterwards it would erase an overdue that has already happened.
     */
    public void checkExtensionRequest(String processInstanceId, String entryId, Instant requestedAt) {
        checkExtendable(catalogue.entry(entryId), running(processInstanceId, entryId), requestedAt);
    }

    /**
     * Grants one extension, counted from the old due day, after the approval the entry requires. The request must
     * pass {@link #checkExtensionRequest} at the time it was made; an approval that comes after the old period ran out
     * is still granted (the request came in time, and counting from the old due day gains no time) and is marked late
     * ({@link DeadlineExtension#late()}). Records who approved, when it was requested and approved, why and by how
     * much, and moves the task due dates and timer jobs.
     */
    @Transactional
    public RunningDeadline extend(String processInstanceId, String entryId, ExtensionApproval approval) {
        DeadlineEntry entry = catalogue.entry(entryId);
        Row row = running(processInstanceId, entryId);
        requireComplete(approval);
        checkExtendable(entry, row, approval.requestedAt());
        checkApprover(entry, approval.approvedBy());
        DeadlineEntry.Extension extension = entry.extension();
        RunningDeadline old = row.deadline();
        Schedule schedule = extended(entry, row, extension.amount());
        repository.reschedule(row.id(), schedule);
        repository.countExtension(row.id());
        repository.insertExtension(row.id(), extension.amount(), entry.unit(), old.dueAt(), schedule.dueAt(),
                approval);
        engine.move(processInstanceId, old.dueAt(), schedule.dueAt(), old.remindAt(), schedule.remindAt());
        log.info("Deadline {} of process instance {} extended by {} {} to {}, approved by {}{}", entryId,
                processInstanceId, extension.amount(), entry.unit(), schedule.dueAt(), approval.approvedBy(),
                approval.approvedAt().isAfter(old.dueAt()) ? " after the old due time" : "");
        return reload(old);
    }

    /**
     * Whether an extension beyond the catalogue's may be asked for at {@code requestedAt}: only once the extensions a
     * head may approve are used ({@code DEADLINE_EXTENSION_AVAILABLE}, 422, otherwise), while the clock runs
     * ({@code DEADLINE_PAUSED}, 409) and before the period has run out ({@code DEADLINE_ALREADY_EXPIRED}, 422). Such an
     * extension is decided elsewhere (the decision period's by the heads' collective discussion, SAMR 第六十四条).
     */
    public void checkFurtherExtensionRequest(String processInstanceId, String entryId, Instant requestedAt) {
        DeadlineEntry entry = catalogue.entry(entryId);
        Row row = running(processInstanceId, entryId);
        if (entry.extension() == null) {
            throw refused("DEADLINE_NOT_EXTENDABLE", entry.name() + "不得延长");
        }
        if (row.deadline().extensionsUsed() < entry.extension().maxTimes()) {
            throw refused("DEADLINE_EXTENSION_AVAILABLE", entry.name() + "尚可经批准延长，不属于继续延长");
        }
        checkRunningAndInTime(entry, row, requestedAt);
    }

    /**
     * Grants an extension beyond the catalogue's by {@code amount} of the entry's unit, counted from the old due day,
     * as the body that may decide it set (a collective discussion: {@code approval.approvedBy()} is its presiding head).
     * The request must pass {@link #checkFurtherExtensionRequest} at the time it was made; the approval may come after
     * the old period ran out (marked late, as in {@link #extend}). Recorded and moved like any extension.
     */
    @Transactional
    public RunningDeadline extendFurther(String processInstanceId, String entryId, int amount,
            ExtensionApproval approval) {
        DeadlineEntry entry = catalogue.entry(entryId);
        if (amount <= 0) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DEADLINE_EXTENSION_INVALID", "继续延长的期间须为正数");
        }
        requireComplete(approval);
        checkFurtherExtensionRequest(processInstanceId, entryId, approval.requestedAt());
        Row row = running(processInstanceId, entryId);
        RunningDeadline old = row.deadline();
        Schedule schedule = extended(entry, row, amount);
        repository.reschedule(row.id(), schedule);
        repository.countExtension(row.id());
        repository.insertExtension(row.id(), amount, entry.unit(), old.dueAt(), schedule.dueAt(), approval);
        engine.move(processInstanceId, old.dueAt(), schedule.dueAt(), old.remindAt(), schedule.remindAt());
        log.info("Deadline {} of process instance {} further extended by {} {} to {}, decided by {}", entryId,
                processInstanceId, amount, entry.unit(), schedule.dueAt(), approval.approvedBy());
        return reload(old);
    }

    /** Stops the clock (R7), e.g. during a hearing, announcement or testing; its timers are suspended. */
    @Transactional
    public RunningDeadline pause(String processInstanceId, String entryId, String reason) {
        DeadlineEntry entry = catalogue.entry(entryId);
        if (!entry.pausable()) {
            throw refused("DEADLINE_NOT_PAUSABLE", entry.name() + "不能中止计算");
        }
        if (reason == null || reason.isBlank()) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DEADLINE_REASON_REQUIRED", "必须说明中止计算期限的理由");
        }
        Row row = running(processInstanceId, entryId);
        if (row.deadline().status() != Status.OPEN) {
            throw new ZhifaException(HttpStatus.CONFLICT, "DEADLINE_ALREADY_PAUSED", entry.name() + "已经中止计算");
        }
        Instant now = now();
        LocalDate today = WorkingDayCalendar.dayOf(now);
        int remaining = entry.unit() == PeriodUnit.WORKING_DAYS
                ? calendars.current().workingDaysBetween(today, row.dueDay(), entry.partyFavourable())
                : (int) Math.max(0, ChronoUnit.DAYS.between(today, row.rawDue()));
        repository.pause(row.id(), now, remaining, reason);
        engine.suspend(processInstanceId, row.deadline().dueAt(), row.deadline().remindAt());
        log.info("Deadline {} of process instance {} paused with {} left", entryId, processInstanceId, remaining);
        return reload(row.deadline());
    }

    /** Restarts the clock from today with the days that were left at the pause; timers and tasks move. */
    @Transactional
    public RunningDeadline resume(String processInstanceId, String entryId) {
        DeadlineEntry entry = catalogue.entry(entryId);
        Row row = running(processInstanceId, entryId);
        if (row.deadline().status() != Status.PAUSED) {
            throw new ZhifaException(HttpStatus.CONFLICT, "DEADLINE_NOT_PAUSED", entry.name() + "没有中止计算，无需恢复");
        }
        Instant now = now();
        PeriodUnit unit = entry.unit() == PeriodUnit.WORKING_DAYS ? PeriodUnit.WORKING_DAYS : PeriodUnit.CALENDAR_DAYS;
        Schedule schedule = DeadlineScheduler.compute(entry, WorkingDayCalendar.dayOf(now), row.remainingAtPause(),
                unit, calendars.current());
        RunningDeadline old = row.deadline();
        repository.reschedule(row.id(), schedule);
        repository.resume(row.id(), now);
        engine.activate(processInstanceId, old.dueAt(), old.remindAt());
        engine.move(processInstanceId, old.dueAt(), schedule.dueAt(), old.remindAt(), schedule.remindAt());
        log.info("Deadline {} of process instance {} resumed, now due {}", entryId, processInstanceId,
                schedule.dueAt());
        return reload(old);
    }

    /**
     * Recomputes every open provisional deadline with the calendar in force (after a year was loaded) and moves its
     * task due dates and timer jobs. Returns how many deadlines changed.
     */
    @Transactional
    public int recomputeProvisional() {
        WorkingDayCalendar calendar = calendars.current();
        int changed = 0;
        for (Row row : repository.openProvisional()) {
            DeadlineEntry entry = catalogue.entry(row.deadline().entryId());
            if (entry.unit() == PeriodUnit.HOURS) {
                continue;
            }
            Schedule schedule = DeadlineScheduler.compute(entry, row.basisDay(), row.basisAmount(), row.basisUnit(),
                    calendar);
            RunningDeadline old = row.deadline();
            repository.reschedule(row.id(), schedule);
            if (!schedule.dueAt().equals(old.dueAt()) || !java.util.Objects.equals(schedule.remindAt(), old.remindAt())) {
                engine.move(old.processInstanceId(), old.dueAt(), schedule.dueAt(), old.remindAt(),
                        schedule.remindAt());
                changed++;
                log.info("Provisional deadline {} of process instance {} recomputed: {} -> {}", old.entryId(),
                        old.processInstanceId(), old.dueAt(), schedule.dueAt());
            }
        }
        return changed;
    }

    /** The latest deadline of the entry for the instance that was not superseded (open, paused or done). */
    public Optional<RunningDeadline> find(String processInstanceId, String entryId) {
        return repository.latest(processInstanceId, entryId).map(Row::deadline);
    }

    /** Every open or paused deadline, earliest due first: the supervision view. */
    public List<RunningDeadline> open() {
        return repository.withStatus(null, Status.OPEN, Status.PAUSED).stream().map(Row::deadline).toList();
    }

    public List<RunningDeadline> open(String processInstanceId) {
        return repository.withStatus(processInstanceId, Status.OPEN, Status.PAUSED).stream().map(Row::deadline)
                .toList();
    }

    /** Every period a case (business key) has run, runs or waits on, oldest clock first. */
    public List<RunningDeadline> ofCase(String businessKey) {
        return repository.ofBusinessKey(businessKey).stream().map(Row::deadline).toList();
    }

    /**
     * How many days (of the entry's unit) a deadline of the case (business key) has left: counted from today to its due
     * day while it runs, the days kept at the pause while it stands still, none once it is done or superseded.
     */
    public Map<Long, Integer> daysLeft(String businessKey) {
        Map<Long, Integer> left = new HashMap<>();
        LocalDate today = WorkingDayCalendar.dayOf(now());
        for (Row row : repository.ofBusinessKey(businessKey)) {
            RunningDeadline deadline = row.deadline();
            if (deadline.status() == Status.PAUSED) {
                left.put(deadline.id(), row.remainingAtPause());
            } else if (deadline.status() == Status.OPEN) {
                DeadlineEntry entry = catalogue.entry(deadline.entryId());
                left.put(deadline.id(), entry.unit() == PeriodUnit.WORKING_DAYS
                        ? calendars.current().workingDaysBetween(today, row.dueDay(), entry.partyFavourable())
                        : (int) ChronoUnit.DAYS.between(today, row.dueDay()));
            }
        }
        return left;
    }

    /** Open deadlines whose due time has passed. */
    public List<RunningDeadline> overdue() {
        Instant now = now();
        return repository.withStatus(null, Status.OPEN).stream().map(Row::deadline)
                .filter(d -> d.dueAt().isBefore(now)).toList();
    }

    /** Whether any open deadline of the case (business key) has run out: what the case's overdue mark follows. */
    public boolean hasOverdue(String businessKey) {
        Instant now = now();
        return repository.ofBusinessKey(businessKey).stream().map(Row::deadline)
                .anyMatch(d -> d.status() == Status.OPEN && d.dueAt().isBefore(now));
    }

    public List<DeadlineExtension> extensions(long deadlineId) {
        return repository.extensions(deadlineId);
    }

    private Schedule extended(DeadlineEntry entry, Row row, int amount) {
        if (entry.unit() == PeriodUnit.HOURS) {
            Instant due = row.deadline().dueAt().plus(Duration.ofHours(amount));
            return new Schedule(row.basisDay(), row.basisAmount(), PeriodUnit.HOURS, WorkingDayCalendar.dayOf(due), due,
                    null, false);
        }
        return DeadlineScheduler.compute(entry, row.dueDay(), amount, entry.unit(), calendars.current());
    }

    private void checkExtendable(DeadlineEntry entry, Row row, Instant requestedAt) {
        DeadlineEntry.Extension extension = entry.extension();
        if (extension == null) {
            throw refused("DEADLINE_NOT_EXTENDABLE", entry.name() + "不得延长");
        }
        if (row.deadline().extensionsUsed() >= extension.maxTimes()) {
            throw refused("DEADLINE_EXTENSION_EXHAUSTED", entry.name() + "最多可以延长" + extension.maxTimes()
                    + "次，已经延长过，不能再次延长");
        }
        checkRunningAndInTime(entry, row, requestedAt);
    }

    private static void checkRunningAndInTime(DeadlineEntry entry, Row row, Instant requestedAt) {
        if (row.deadline().status() != Status.OPEN) {
            throw new ZhifaException(HttpStatus.CONFLICT, "DEADLINE_PAUSED", entry.name() + "已中止计算，恢复后才能延长");
        }
        if (requestedAt.isAfter(row.deadline().dueAt())) {
            throw refused("DEADLINE_ALREADY_EXPIRED", entry.name() + "已于" + row.dueDay() + "届满，届满后不能再申请延长");
        }
    }

    private static void requireComplete(ExtensionApproval approval) {
        if (approval.approvedBy() == null || approval.approvedBy().isBlank() || approval.reason() == null
                || approval.reason().isBlank() || approval.requestedAt() == null || approval.approvedAt() == null) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DEADLINE_EXTENSION_INCOMPLETE",
                    "延长期限必须写明批准人、延长理由、申请时间和批准时间");
        }
    }

    private void checkApprover(DeadlineEntry entry, String approvedBy) {
        String group = entry.extension().approverGroup();
        if (identityService.createGroupQuery().groupMember(approvedBy).groupId(group).count() == 0) {
            throw new ZhifaException(HttpStatus.FORBIDDEN, "DEADLINE_APPROVER_NOT_AUTHORIZED",
                    approvedBy + " 不是有权批准延长" + entry.name() + "的人员（" + group + "）");
        }
    }

    private Row running(String processInstanceId, String entryId) {
        return repository.latest(processInstanceId, entryId).filter(row -> isRunning(row.deadline().status()))
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "DEADLINE_NOT_RUNNING",
                        "该流程没有正在计算的期限：" + catalogue.entry(entryId).name()));
    }

    private RunningDeadline reload(RunningDeadline deadline) {
        return repository.latest(deadline.processInstanceId(), deadline.entryId()).orElseThrow().deadline();
    }

    private static boolean isRunning(Status status) {
        return status == Status.OPEN || status == Status.PAUSED;
    }

    private static ZhifaException refused(String code, String message) {
        return new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

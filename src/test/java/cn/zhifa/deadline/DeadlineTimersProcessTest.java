package cn.zhifa.deadline;

import cn.zhifa.system.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.calendar.CalendarDay;
import cn.zhifa.calendar.HolidayNotice;
import cn.zhifa.calendar.HolidayYear;
import cn.zhifa.calendar.ShippedCalendar;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The deadlines bean in a plain engine (no Spring): task due dates and timers from the catalogue, driven by ClockUtil.
 * Legal review 3 + 2 working days (seeds 003 L110); decision 90 days with pauses (Law Art. 60, SAMR Art. 64).
 */
@Deployment(resources = "bpmn/deadline-timers.bpmn")
class DeadlineTimersProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("deadline-engine.camunda.cfg.xml").build();

    private static DataSource zhifaDb;

    private final AtomicReference<WorkingDayCalendar> calendar = new AtomicReference<>();
    private DeadlineService deadlines;
    private JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        zhifaDb = new DriverManagerDataSource("jdbc:h2:mem:deadline-test-zhifa;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(zhifaDb).locations("classpath:db/migration/common").load().migrate();
    }

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(zhifaDb);
        jdbc.sql("DELETE FROM deadline_extension").update();
        jdbc.sql("DELETE FROM deadline_pause").update();
        jdbc.sql("DELETE FROM running_deadline").update();
        calendar.set(ShippedCalendar.calendar());
        // the application's clock reads the engine's clock, so deadline computations and timers move together
        Clock engineClock = new EngineClock();
        deadlines = new DeadlineService(DeadlineCatalogue.load("default"), calendar::get, jdbc, taskService(),
                managementService(), identityService(), engineClock);
        Mocks.register("deadlines", new Deadlines(deadlines));
        ensureMember("chengang", "agency-head");
        ensureMember("zhangwei", "officer");
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    // 法制审核 3 working days from Tue 2025-09-30, the last working day before National Day: 10-09, 10-10, Sat 10-11 (调休)
    @Test
    void shouldFireReminderAndEscalationOnTheRightDatesAcrossNationalDay() {
        // given
        now("2025-09-30T10:00:00+08:00");
        ProcessInstance pi = startReview(Date.from(at("2025-09-30T10:00:00+08:00")));

        // then the task and both timers carry the catalogue's dates
        Task task = task(pi);
        assertThat(task.getDueDate()).isEqualTo(at("2025-10-11T23:59:59+08:00"));
        assertThat(task.getFollowUpDate()).isEqualTo(at("2025-10-10T09:00:00+08:00"));
        assertThat(jobDueDates(pi)).containsExactlyInAnyOrder(at("2025-10-10T09:00:00+08:00"),
                at("2025-10-11T23:59:59+08:00"));

        // when the clock reaches the reminder, and not a minute earlier
        now("2025-10-10T08:59:00+08:00");
        assertThat(executableJobs(pi)).isEmpty();
        now("2025-10-10T09:00:00+08:00");
        List<Job> due = executableJobs(pi);
        assertThat(due).hasSize(1);
        managementService().executeJob(due.get(0).getId());
        assertThat(passed(pi, "EndEvent_Reminded")).isTrue();
        assertThat(passed(pi, "EndEvent_Escalated")).isFalse();

        // when the due time comes, the escalation fires
        now("2025-10-11T23:59:58+08:00");
        assertThat(executableJobs(pi)).isEmpty();
        now("2025-10-11T23:59:59+08:00");
        managementService().executeJob(executableJobs(pi).get(0).getId());
        assertThat(passed(pi, "EndEvent_Escalated")).isTrue();

        // when the review is done, the deadline is closed
        taskService().complete(task.getId());
        assertThat(deadlines.find(pi.getId(), "LEGAL_REVIEW").orElseThrow().status())
                .isEqualTo(RunningDeadline.Status.DONE);
    }

    // +2 working days counted from the old due day (Sat 10-11): Mon 10-13, Tue 10-14; once only, by the agency head
    @Test
    void shouldMoveTaskDueAndTimersWhenTheHeadExtendsOnce() {
        // given
        now("2025-09-30T10:00:00+08:00");
        ProcessInstance pi = startReview(Date.from(at("2025-09-30T10:00:00+08:00")));
        now("2025-10-09T15:00:00+08:00");

        // when
        RunningDeadline extended = deadlines.extend(pi.getId(), "LEGAL_REVIEW", approvedNow("chengang", "案情复杂，需补充调查"));

        // then
        assertThat(extended.dueAt()).isEqualTo(at("2025-10-14T23:59:59+08:00"));
        assertThat(extended.remindAt()).isEqualTo(at("2025-10-13T09:00:00+08:00"));
        assertThat(extended.extensionsUsed()).isEqualTo(1);
        Task task = task(pi);
        assertThat(task.getDueDate()).isEqualTo(at("2025-10-14T23:59:59+08:00"));
        assertThat(task.getFollowUpDate()).isEqualTo(at("2025-10-13T09:00:00+08:00"));
        assertThat(jobDueDates(pi)).containsExactlyInAnyOrder(at("2025-10-13T09:00:00+08:00"),
                at("2025-10-14T23:59:59+08:00"));
        assertThat(deadlines.extensions(extended.id())).singleElement().satisfies(e -> {
            assertThat(e.approvedBy()).isEqualTo("chengang");
            assertThat(e.reason()).isEqualTo("案情复杂，需补充调查");
            assertThat(e.amount()).isEqualTo(2);
            assertThat(e.approvedAt()).isEqualTo(at("2025-10-09T15:00:00+08:00"));
            assertThat(e.requestedAt()).isEqualTo(at("2025-10-09T15:00:00+08:00"));
            assertThat(e.oldDueAt()).isEqualTo(at("2025-10-11T23:59:59+08:00"));
            assertThat(e.late()).isFalse();
        });
        // the old due time no longer fires anything
        now("2025-10-12T00:00:00+08:00");
        assertThat(executableJobs(pi)).isEmpty();

        // and a second extension is refused
        assertThatThrownBy(() -> deadlines.extend(pi.getId(), "LEGAL_REVIEW", approvedNow("chengang", "再次延长")))
                .isInstanceOf(ZhifaException.class).hasFieldOrPropertyWithValue("code", "DEADLINE_EXTENSION_EXHAUSTED")
                .hasMessageContaining("最多可以延长1次");
        // the dates calling the bean again are the extended ones
        assertThat(deadlines.find(pi.getId(), "LEGAL_REVIEW").orElseThrow().dueAt())
                .isEqualTo(at("2025-10-14T23:59:59+08:00"));
    }

    @Test
    void shouldRefuseAnExtensionApprovedBySomeoneOutsideTheApprovingGroupOrNotAllowed() {
        now("2025-09-30T10:00:00+08:00");
        ProcessInstance pi = startReview(Date.from(at("2025-09-30T10:00:00+08:00")));
        assertThatThrownBy(() -> deadlines.extend(pi.getId(), "LEGAL_REVIEW", approvedNow("zhangwei", "自行延长")))
                .hasFieldOrPropertyWithValue("code", "DEADLINE_APPROVER_NOT_AUTHORIZED");
        deadlines.track(pi.getId(), "case-1", "STATEMENT_DEFENCE", at("2025-09-30T10:00:00+08:00"));
        assertThatThrownBy(() -> deadlines.extend(pi.getId(), "STATEMENT_DEFENCE", approvedNow("chengang", "延长")))
                .hasFieldOrPropertyWithValue("code", "DEADLINE_NOT_EXTENDABLE");
        assertThat(task(pi).getDueDate()).isEqualTo(at("2025-10-11T23:59:59+08:00"));
    }

    // an extension prolongs a running period: asked for after it ran out, it is refused; asked in time and approved
    // after it ran out, it is granted from the old due day (no time gained) and marked late
    @Test
    void shouldRefuseALateRequestAndMarkALateApproval() {
        now("2025-09-30T10:00:00+08:00");
        ProcessInstance pi = startReview(Date.from(at("2025-09-30T10:00:00+08:00")));
        Instant requested = at("2025-10-11T23:59:59+08:00");
        deadlines.checkExtensionRequest(pi.getId(), "LEGAL_REVIEW", requested);
        assertThatThrownBy(() -> deadlines.checkExtensionRequest(pi.getId(), "LEGAL_REVIEW",
                at("2025-10-12T00:00:00+08:00")))
                .hasFieldOrPropertyWithValue("code", "DEADLINE_ALREADY_EXPIRED").hasMessageContaining("2025-10-11届满");
        now("2025-10-13T10:00:00+08:00");
        assertThatThrownBy(() -> deadlines.extend(pi.getId(), "LEGAL_REVIEW", new ExtensionApproval("chengang",
                "补报延期", at("2025-10-12T08:00:00+08:00"), at("2025-10-13T10:00:00+08:00"))))
                .hasFieldOrPropertyWithValue("code", "DEADLINE_ALREADY_EXPIRED");
        assertThat(deadlines.hasOverdue("case-1")).isTrue();

        RunningDeadline extended = deadlines.extend(pi.getId(), "LEGAL_REVIEW", new ExtensionApproval("chengang",
                "案情复杂", at("2025-09-30T11:00:00+08:00"), at("2025-10-13T10:00:00+08:00")));

        assertThat(extended.dueAt()).isEqualTo(at("2025-10-14T23:59:59+08:00"));
        assertThat(deadlines.extensions(extended.id())).singleElement().satisfies(e -> {
            assertThat(e.late()).isTrue();
            assertThat(e.requestedAt()).isEqualTo(at("2025-09-30T11:00:00+08:00"));
        });
        assertThat(deadlines.hasOverdue("case-1")).isFalse();
        assertThatThrownBy(() -> deadlines.extend(pi.getId(), "LEGAL_REVIEW", new ExtensionApproval("chengang",
                "理由", null, at("2025-10-13T10:00:00+08:00"))))
                .hasFieldOrPropertyWithValue("code", "DEADLINE_EXTENSION_INCOMPLETE");
    }

    // a year without holiday data: weekdays assumed, provisional; recomputed once 2027 is loaded (元旦 2027-01-01)
    @Test
    void shouldRecomputeAProvisionalDueDateWhenTheYearIsLoaded() {
        // given: 12-31, Fri 2027-01-01 (assumed working), Mon 01-04
        now("2026-12-30T10:00:00+08:00");
        ProcessInstance pi = startReview("2026-12-30");
        RunningDeadline provisional = deadlines.find(pi.getId(), "LEGAL_REVIEW").orElseThrow();
        assertThat(provisional.provisional()).isTrue();
        assertThat(provisional.dueAt()).isEqualTo(at("2027-01-04T23:59:59+08:00"));
        assertThat(task(pi).getDueDate()).isEqualTo(at("2027-01-04T23:59:59+08:00"));

        // when
        calendar.set(new WorkingDayCalendar(List.of(ShippedCalendar.year(2026), new HolidayYear(2027,
                new HolidayNotice("国务院办公厅关于2027年部分节假日安排的通知", "", "", "test"),
                List.of(new CalendarDay(LocalDate.parse("2027-01-01"), "元旦")), List.of()))));
        int changed = deadlines.recomputeProvisional();

        // then: 12-31, 01-04, 01-05
        assertThat(changed).isEqualTo(1);
        RunningDeadline recomputed = deadlines.find(pi.getId(), "LEGAL_REVIEW").orElseThrow();
        assertThat(recomputed.provisional()).isFalse();
        assertThat(recomputed.dueAt()).isEqualTo(at("2027-01-05T23:59:59+08:00"));
        assertThat(task(pi).getDueDate()).isEqualTo(at("2027-01-05T23:59:59+08:00"));
        assertThat(jobDueDates(pi)).containsExactlyInAnyOrder(at("2027-01-04T09:00:00+08:00"),
                at("2027-01-05T23:59:59+08:00"));
        assertThat(deadlines.recomputeProvisional()).isZero();
    }

    // R7: the 90-day decision clock stands still during a hearing; days already elapsed are kept
    @Test
    void shouldPauseAndResumeTheDecisionClockKeepingElapsedDays() {
        // given: filed Thu 2025-07-03, raw due Wed 10-01, rolled to Thu 10-09 (law.md §3.4)
        now("2025-07-03T09:00:00+08:00");
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey("deadline-decision-test", "case-9",
                Map.of("caseFiledAt", LocalDate.parse("2025-07-03")));
        assertThat(task(pi).getDueDate()).isEqualTo(at("2025-10-09T23:59:59+08:00"));

        // when: hearing from 08-01 (29 days elapsed, 61 left) to 08-11
        now("2025-08-01T09:00:00+08:00");
        assertThat(deadlines.pause(pi.getId(), "DECISION", "举行听证").status()).isEqualTo(RunningDeadline.Status.PAUSED);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult().isSuspended())
                .isTrue();
        now("2025-10-09T23:59:59+08:00");
        assertThat(executableJobs(pi)).isEmpty();
        now("2025-08-11T09:00:00+08:00");
        RunningDeadline resumed = deadlines.resume(pi.getId(), "DECISION");

        // then: 08-11 + 61 = Sat 10-11, a 调休 working day, so no roll-forward
        assertThat(resumed.status()).isEqualTo(RunningDeadline.Status.OPEN);
        assertThat(resumed.dueAt()).isEqualTo(at("2025-10-11T23:59:59+08:00"));
        assertThat(task(pi).getDueDate()).isEqualTo(at("2025-10-11T23:59:59+08:00"));
        Job job = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job.isSuspended()).isFalse();
        assertThat(job.getDuedate()).isEqualTo(at("2025-10-11T23:59:59+08:00"));
        assertThatThrownBy(() -> deadlines.resume(pi.getId(), "DECISION"))
                .hasFieldOrPropertyWithValue("code", "DEADLINE_NOT_PAUSED");
        assertThatThrownBy(() -> deadlines.pause(pi.getId(), "LEGAL_REVIEW", "不允许"))
                .hasFieldOrPropertyWithValue("code", "DEADLINE_NOT_PAUSABLE");
    }

    // resubmitted materials restart the clock: a new running deadline, the old one superseded
    @Test
    void shouldOpenANewDeadlineWhenTheClockStartChanges() {
        now("2025-09-30T10:00:00+08:00");
        RunningDeadline first = deadlines.track("pi-x", "case-x", "LEGAL_REVIEW", at("2025-09-30T10:00:00+08:00"));
        RunningDeadline again = deadlines.track("pi-x", "case-x", "LEGAL_REVIEW", at("2025-09-30T10:00:00+08:00"));
        assertThat(again.id()).isEqualTo(first.id());
        RunningDeadline second = deadlines.track("pi-x", "case-x", "LEGAL_REVIEW", at("2025-10-13T16:00:00+08:00"));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.dueAt()).isEqualTo(at("2025-10-16T23:59:59+08:00"));
        assertThat(deadlines.open("pi-x")).extracting(RunningDeadline::id).containsExactly(second.id());
        assertThat(jdbc.sql("SELECT status FROM running_deadline WHERE id = ?").param(first.id()).query(String.class)
                .single()).isEqualTo("SUPERSEDED");
    }

    @Test
    void shouldReadTheClockStartFromEveryVariableType() {
        Instant expected = at("2025-09-30T00:00:00+08:00");
        assertThat(Deadlines.clockStartOf(LocalDate.parse("2025-09-30"))).isEqualTo(expected);
        assertThat(Deadlines.clockStartOf("2025-09-30")).isEqualTo(expected);
        assertThat(Deadlines.clockStartOf("2025-09-30T00:00:00")).isEqualTo(expected);
        assertThat(Deadlines.clockStartOf("2025-09-29T16:00:00Z")).isEqualTo(expected);
        assertThat(Deadlines.clockStartOf(Date.from(expected))).isEqualTo(expected);
        assertThat(Deadlines.clockStartOf("30/09/2025")).isNull();
        assertThat(Deadlines.clockStartOf(null)).isNull();
    }

    // 24 hours for audio-video records, counted from the next full hour (seeds 003 L95)
    @Test
    void shouldCountAnHourPeriodFromTheNextFullHour() {
        RunningDeadline storage = deadlines.track("pi-av", null, "AV_RECORD_STORAGE", at("2025-09-30T10:20:00+08:00"));
        assertThat(storage.dueAt()).isEqualTo(at("2025-10-01T11:00:00+08:00"));
        assertThat(storage.remindAt()).isNull();
    }

    // 7 working days from Wed 2026-09-30, given explicitly: 10-08, 10-09, Sat 10-10 (调休), 10-12 … 10-15
    @Test
    void shouldCountFromAnExplicitStartDateGivenInTheExpression() {
        now("2026-09-30T16:00:00+08:00");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("deadline-disclosure-test",
                Map.of("decidedOn", "2026-09-30"));
        assertThat(task(pi).getDueDate()).isEqualTo(at("2026-10-15T23:59:59+08:00"));
        assertThat(deadlines.find(pi.getId(), "DISCLOSURE_PENALTY_LICENSING").orElseThrow().clockStart())
                .isEqualTo(at("2026-09-30T00:00:00+08:00"));
    }

    private ProcessInstance startReview(Object materialsReceivedAt) {
        return extension.getRuntimeService().startProcessInstanceByKey("deadline-legal-review-test", "case-1",
                Map.of("materialsReceivedAt", materialsReceivedAt));
    }

    private static ExtensionApproval approvedNow(String approvedBy, String reason) {
        Instant now = EngineClock.now();
        return new ExtensionApproval(approvedBy, reason, now, now);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private void now(String offsetDateTime) {
        extension.setCurrentTime(Date.from(at(offsetDateTime)));
    }

    private Task task(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private List<Instant> jobDueDates(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).list().stream()
                .map(job -> job.getDuedate().toInstant()).toList();
    }

    private List<Job> executableJobs(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).active().executable().list();
    }

    private boolean passed(ProcessInstance pi, String activityId) {
        return extension.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(activityId).count() > 0;
    }

    private void ensureMember(String userId, String groupId) {
        IdentityService identity = identityService();
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            identity.saveUser(identity.newUser(userId));
        }
        if (identity.createGroupQuery().groupMember(userId).groupId(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private TaskService taskService() {
        return extension.getTaskService();
    }

    private ManagementService managementService() {
        return extension.getManagementService();
    }

    private IdentityService identityService() {
        return extension.getIdentityService();
    }

    @SuppressWarnings("unused")
    private RuntimeService runtimeService() {
        return extension.getRuntimeService();
    }
}

package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.calendar.PeriodUnit;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseOfficer;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.Deadlines;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.Comparator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the execution turns to compulsory enforcement (行政强制法 第四十六条、第五十三条、第五十四条), as the listeners of
 * the enforcement branch of case-execution.bpmn decide it:
 * <ul>
 * <li>an agency with its own power of enforcement dunns once the surcharge has run the days of SURCHARGE_ENFORCEMENT:
 * the clock starts on the first unpaid due date and moves on by the days a remedy suspended the surcharge; no 催告
 * while a remedy is pending (the branch ends; the remedy's decision re-enters it);</li>
 * <li>an agency without it dunns once the periods for reconsideration and suit (REMEDY_PERIODS) have run without the
 * party using either, and only if money is overdue; the three months to apply to the court (COURT_ENFORCEMENT) run
 * from the end of those periods, or of a deferral or instalments granted beyond them (SAMR 第七十六条第二款).</li>
 * </ul>
 */
@Component("enforcementListener")
class Enforcement implements ExecutionListener {

    static final String CLOCK_GATEWAY = "Gateway_EnforcementPower";
    static final String STEP_GATEWAY = "Gateway_EnforcementStep";

    static final String DUN = "DUN";
    static final String WAIT = "WAIT";
    static final String HELD = "HELD";
    static final String SURCHARGE_ENTRY = "SURCHARGE_ENFORCEMENT";
    static final String REMEDY_ENTRY = "REMEDY_PERIODS";

    private final CaseExecution execution;
    private final Deadlines deadlines;
    private final DeadlineService deadlineService;

    Enforcement(CaseExecution execution, Deadlines deadlines, DeadlineService deadlineService) {
        this.execution = execution;
        this.deadlines = deadlines;
        this.deadlineService = deadlineService;
    }

    @Override
    public void notify(DelegateExecution process) {
        switch (process.getCurrentActivityId()) {
            case CLOCK_GATEWAY -> startClock(process);
            case STEP_GATEWAY -> decide(process);
            default -> throw new IllegalStateException("enforcementListener on " + process.getCurrentActivityId());
        }
    }

    /** Start of 本机关有无行政强制执行权？: the clock start of SURCHARGE_ENFORCEMENT as the ledger stands today. */
    private void startClock(DelegateExecution process) {
        process.setVariable(SURCHARGE_STARTED_AT, surchargeClockStart(TaskActors.caseIdOf(process)).toString());
    }

    /**
     * Start of 是否催告？ after the timer of the agency's branch. With its own power: HELD while a remedy is pending;
     * WAIT when the clock start moved since the timer was set (a deferral, instalments or a remedy's days), so the
     * timer is set again from the new start (which can only move once per change of the ledger); else DUN if money is
     * overdue. Without: DUN if the party used no remedy and money is overdue, else HELD.
     */
    private void decide(DelegateExecution process) {
        long caseId = TaskActors.caseIdOf(process);
        LocalDate today = EngineClock.today();
        ExecutionState state = execution.state(caseId, today).orElseThrow();
        boolean overdue = state.nextDueOn() != null && state.nextDueOn().isBefore(today);
        String step;
        if (Boolean.TRUE.equals(process.getVariable(OWN_ENFORCEMENT_POWER))) {
            deadlines.complete(process, SURCHARGE_ENTRY);
            boolean pending = state.remedies().stream().anyMatch(remedy -> remedy.outcome() == null);
            boolean moved = !surchargeClockStart(caseId).toString().equals(process.getVariable(SURCHARGE_STARTED_AT));
            step = pending ? HELD : moved ? WAIT : overdue ? DUN : HELD;
        } else {
            LocalDate periodsEnd = WorkingDayCalendar.dayOf(deadlines.dueAt(process, REMEDY_ENTRY).toInstant());
            deadlines.complete(process, REMEDY_ENTRY);
            LocalDate lastDue = state.schedule().stream().map(Instalment::dueOn).max(Comparator.naturalOrder())
                    .orElse(periodsEnd);
            process.setVariable(REMEDY_PERIOD_ENDED_AT, (lastDue.isAfter(periodsEnd) ? lastDue : periodsEnd).toString());
            step = state.remedies().isEmpty() && overdue ? DUN : HELD;
        }
        process.setVariable(ENFORCEMENT_STEP, step);
        process.setVariable(EXECUTION_TEXT, state.summary());
    }

    /** The first unpaid due date, moved on by the days after it on which a remedy suspended the surcharge. */
    private LocalDate surchargeClockStart(long caseId) {
        LocalDate today = EngineClock.today();
        ExecutionState state = execution.state(caseId, today).orElseThrow();
        LocalDate first = state.nextDueOn() != null ? state.nextDueOn() : state.schedule().stream()
                .map(Instalment::dueOn).min(Comparator.naturalOrder()).orElse(state.servedOn());
        long suspended = first.isAfter(today) ? 0 : first.plusDays(1).datesUntil(today.plusDays(1))
                .filter(day -> state.remedies().stream().anyMatch(remedy -> remedy.suspends(day))).count();
        return first.plusDays(suspended);
    }

    /** The handling officer, in whose name the enforcement documents are made. */
    static String handlerOf(CaseDetail detail) {
        return detail.officers().stream().filter(o -> o.role() == OfficerRole.HANDLER).map(CaseOfficer::userId)
                .findFirst().orElseThrow();
    }

    /** 收到本催告书之日起十个工作日内, from the catalogue. */
    String dunningPeriodText(String agencyId) {
        DeadlineEntry entry = deadlineService.entryFor(agencyId, "DUNNING");
        return "收到本催告书之日起" + entry.amount() + (entry.unit() == PeriodUnit.WORKING_DAYS ? "个工作日内" : "日内");
    }
}

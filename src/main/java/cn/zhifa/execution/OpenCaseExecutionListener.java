package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The served decision, from the calling penalty case or from the start form of a case decided before the system:
 * a penalty with money to pay opens the execution with the payment due 15 days after the party received the
 * decision (catalogue PAYMENT, 行政处罚法 第六十七条第三款); any other outcome goes to closing at once.
 */
@Component("openCaseExecutionListener")
class OpenCaseExecutionListener implements ExecutionListener {

    static final String STEP = "执行、结案与归档";

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final CaseExecution execution;
    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;
    private final ExecutionRefusals refusals;

    OpenCaseExecutionListener(CaseRegister cases, StaffDirectory staff, CaseExecution execution,
            DeadlineService deadlines, CaseRecord caseRecord, ExecutionRefusals refusals) {
        this.cases = cases;
        this.staff = staff;
        this.execution = execution;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateExecution process) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(process)).orElseThrow();
        String requester = (String) process.getVariable(EngineVariables.STARTED_BY);
        if (requester != null && !staff.isMember(requester, detail.handlingUnitId())
                && !staff.isHeadOf(detail.agencyId(), requester)) {
            throw refuse(detail, requester, "EXECUTION_REQUESTER_NOT_ALLOWED",
                    "执行须由本案承办机构（" + detail.handlingUnitName() + "）或本机关负责人启动");
        }
        String outcome = String.valueOf(process.getVariable(DECISION_OUTCOME));
        if (!outcome.equals("PENALTY") && !outcome.equals("NO_PENALTY") && !outcome.equals("TRANSFER")) {
            throw refuse(detail, requester, "FIELD_REQUIRED", "请选择处理决定的种类");
        }
        LocalDate servedOn = day(process.getVariable(DECISION_SERVED_AT));
        if (servedOn == null || servedOn.isAfter(EngineClock.today())) {
            throw refuse(detail, requester, "DECISION_SERVED_AT_INVALID",
                    "请填写当事人收到处理决定书的日期（不能晚于今天）");
        }
        Long fine = amount(process, FINE_AMOUNT_FEN, FINE_AMOUNT);
        Long confiscation = amount(process, CONFISCATION_AMOUNT_FEN, CONFISCATION_AMOUNT);
        if (fine == null || confiscation == null) {
            throw refuse(detail, requester, "AMOUNT_INVALID", "罚款、没收金额须为不小于零的金额（元，最多两位小数）");
        }
        process.setVariable(FINE_AMOUNT_FEN, fine);
        process.setVariable(CONFISCATION_AMOUNT_FEN, confiscation);
        if (!(process.getVariable(OWN_ENFORCEMENT_POWER) instanceof Boolean)) {
            process.setVariable(OWN_ENFORCEMENT_POWER, execution.ownEnforcementPower(detail.agencyId()));
        }
        process.setVariable(DECISION_RECEIVED_AT, servedOn.toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionOutcome", outcome);
        data.put("decisionServedAt", servedOn.toString());
        data.put("fineAmountFen", fine);
        data.put("confiscationAmountFen", confiscation);
        data.put("processInstanceId", process.getProcessInstanceId());
        if (outcome.equals("PENALTY") && fine + confiscation > 0) {
            Date dueAt = Date.from(deadlines.track(process.getProcessInstanceId(), process.getProcessBusinessKey(),
                    "PAYMENT", servedOn.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()).dueAt());
            LocalDate dueOn = WorkingDayCalendar.dayOf(dueAt.toInstant());
            execution.open(detail.id(), fine, confiscation, servedOn, dueOn);
            cases.moveTo(detail.id(), CaseStage.EXECUTION, requester == null ? "system" : requester);
            process.setVariable(EXECUTION_STATUS, ExecutionState.OPEN);
            process.setVariable(PAYMENT_DUE_AT, dueAt);
            process.setVariable(EXECUTION_TEXT, execution.state(detail.id(), EngineClock.today()).orElseThrow()
                    .summary());
            data.put("dueOn", dueOn.toString());
            caseRecord.append(detail.id(), requester == null ? "system" : requester, "EXECUTION_OPENED",
                    "执行开始：" + process.getVariable(EXECUTION_TEXT), data);
            return;
        }
        if (outcome.equals("PENALTY")) {
            execution.open(detail.id(), 0, 0, servedOn, servedOn);
        }
        process.setVariable(EXECUTION_STATUS, outcome.equals("PENALTY") ? ExecutionState.CARRIED_OUT
                : ExecutionState.ENDED);
        process.setVariable(CLOSING_REASON, switch (outcome) {
            case "NO_PENALTY" -> "作出不予行政处罚决定";
            case "TRANSFER" -> "案件已移送有关机关";
            default -> "行政处罚决定已送达，无罚没款需缴纳";
        });
        process.setVariable(CLOSING_TRIGGERED_AT, servedOn.toString());
        process.setVariable(EXECUTION_TEXT, process.getVariable(CLOSING_REASON));
        caseRecord.append(detail.id(), requester == null ? "system" : requester, "EXECUTION_OPENED",
                "无需执行罚没款，进入结案：" + process.getVariable(CLOSING_REASON), data);
    }

    static LocalDate day(Object value) {
        if (value instanceof Date date) {
            return WorkingDayCalendar.dayOf(date.toInstant());
        }
        if (value == null || value.toString().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long amount(DelegateExecution process, String fenVariable, String yuanVariable) {
        Object fen = process.getVariable(fenVariable);
        if (fen instanceof Number number) {
            return number.longValue() >= 0 ? number.longValue() : null;
        }
        Object yuan = process.getVariable(yuanVariable);
        return yuan == null || yuan.toString().isBlank() ? Long.valueOf(0) : Money.parseYuan(yuan);
    }

    private ExecutionRefusedException refuse(CaseDetail detail, String requester, String code, String message) {
        return refusals.refuse(detail.id(), requester, STEP, HttpStatus.UNPROCESSABLE_ENTITY, code, message,
                Map.of());
    }
}

package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 登记缴款或暂缓、分期申请 (complete): a payment at the designated bank by its receipt number, amount and day (partial
 * payments add up; more than is owed is refused), or the party's written application to defer or pay in instalments
 * (第六十六条第二款), whose dates and amounts must cover exactly what is still owed; a head decides it next.
 */
@Component("recordPaymentTaskListener")
class RecordPaymentTaskListener implements TaskListener {

    private final CaseExecution execution;
    private final CaseRecord caseRecord;
    private final ExecutionRefusals refusals;

    RecordPaymentTaskListener(CaseExecution execution, CaseRecord caseRecord, ExecutionRefusals refusals) {
        this.execution = execution;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = refusals.handlingOfficer(task);
        long caseId = TaskActors.caseIdOf(task);
        ExecutionState state = execution.state(caseId, EngineClock.today()).orElseThrow();
        Object action = task.getVariable(PAYMENT_ACTION);
        if ("PAYMENT".equals(action)) {
            payment(task, actor, caseId, state);
        } else if ("DEFERRAL".equals(action)) {
            deferral(task, actor, state);
        } else {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请选择登记缴款或登记暂缓、分期缴纳申请");
        }
    }

    private void payment(DelegateTask task, String actor, long caseId, ExecutionState state) {
        String receipt = text(task.getVariable(RECEIPT_NO));
        Long amount = Money.parseYuan(task.getVariable(PAID_AMOUNT));
        LocalDate paidOn = OpenCaseExecutionListener.day(task.getVariable(PAID_ON));
        if (receipt == null || receipt.length() > 64) {
            throw refusals.refuse(task, actor, "RECEIPT_NO_REQUIRED", "请填写银行出具的缴款凭证号（不超过64个字符）");
        }
        if (amount == null || amount == 0) {
            throw refusals.refuse(task, actor, "AMOUNT_INVALID", "缴款金额须为大于零的金额（元，最多两位小数）");
        }
        if (paidOn == null || paidOn.isAfter(EngineClock.today()) || paidOn.isBefore(state.servedOn())) {
            throw refusals.refuse(task, actor, "PAID_ON_INVALID", "缴款日期须在当事人收到决定书之日（" + state.servedOn()
                    + "）至今天之间");
        }
        if (execution.receiptRecorded(caseId, receipt)) {
            throw refusals.refuse(task, actor, "RECEIPT_ALREADY_RECORDED", "缴款凭证" + receipt + "已经登记过");
        }
        ExecutionState onThatDay = execution.state(caseId, paidOn).orElseThrow();
        if (amount > onThatDay.outstandingFen()) {
            throw refusals.refuse(task, actor, "PAYMENT_EXCEEDS_OUTSTANDING", "缴款金额" + Money.yuan(amount)
                    + "超过" + paidOn + "尚欠的" + Money.yuan(onThatDay.outstandingFen()));
        }
        ExecutionState after = execution.recordPayment(caseId, new Payment(receipt, amount, paidOn, actor));
        caseRecord.append(caseId, actor, "PAYMENT_RECORDED", "登记缴款" + Money.yuan(amount) + "（凭证" + receipt + "，"
                + paidOn + "）：" + after.summary(), Map.of("receiptNo", receipt, "amountFen", amount,
                        "paidOn", paidOn.toString(), "outstandingFen", after.outstandingFen()));
        task.setVariable(EXECUTION_STATUS, after.status());
        task.setVariable(EXECUTION_TEXT, after.summary());
        if (ExecutionState.CARRIED_OUT.equals(after.status())) {
            task.setVariable(CLOSING_REASON, "行政处罚决定已履行完毕");
            task.setVariable(CLOSING_TRIGGERED_AT, paidOn.toString());
        } else if (after.nextDueOn() != null) {
            task.setVariable(PAYMENT_DUE_AT, Date.from(WorkingDayCalendar.endOfDay(after.nextDueOn())));
        }
    }

    private void deferral(DelegateTask task, String actor, ExecutionState state) {
        if (text(task.getVariable(DEFERRAL_REASON)) == null) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写当事人书面申请的理由（确有经济困难的情况）");
        }
        long principalLeft = state.fineFen() + state.confiscationFen() - state.paidFen();
        List<Instalment> schedule = schedule(task, actor, text(task.getVariable(DEFERRAL_SCHEDULE)));
        long total = schedule.stream().mapToLong(Instalment::amountFen).sum();
        if (total != principalLeft) {
            throw refusals.refuse(task, actor, "SCHEDULE_TOTAL_MISMATCH", "暂缓、分期缴纳的金额合计" + Money.yuan(total)
                    + "，应等于尚未缴纳的罚没款" + Money.yuan(principalLeft));
        }
        task.setVariable(PROPOSED_SCHEDULE, format(schedule));
        task.setVariable(PROPOSED_SCHEDULE_TEXT, describe(schedule));
        task.setVariable(DEFERRAL_REQUESTED_BY, actor);
    }

    private List<Instalment> schedule(DelegateTask task, String actor, String text) {
        List<Instalment> schedule = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                LocalDate day = parts.length == 2 ? OpenCaseExecutionListener.day(parts[0]) : null;
                Long amount = parts.length == 2 ? Money.parseYuan(parts[1]) : null;
                if (day == null || amount == null || amount == 0) {
                    throw refusals.refuse(task, actor, "SCHEDULE_INVALID",
                            "每行写一期：缴纳期限（如2026-11-30）和金额（元），以空格分开；无法识别：" + line.trim());
                }
                if (!day.isAfter(EngineClock.today())
                        || (!schedule.isEmpty() && !day.isAfter(schedule.get(schedule.size() - 1).dueOn()))) {
                    throw refusals.refuse(task, actor, "SCHEDULE_INVALID", "各期缴纳期限须晚于今天，并按先后顺序排列：" + line.trim());
                }
                schedule.add(new Instalment(day, amount));
            }
        }
        if (schedule.isEmpty() || schedule.size() > 24) {
            throw refusals.refuse(task, actor, "SCHEDULE_INVALID", "请填写暂缓缴纳的期限，或分期缴纳的各期期限和金额（至多24期）");
        }
        return schedule;
    }

    static String format(List<Instalment> schedule) {
        return String.join(";", schedule.stream().map(i -> i.dueOn() + "=" + i.amountFen()).toList());
    }

    static List<Instalment> parse(String text) {
        return java.util.Arrays.stream(text.split(";")).map(part -> part.split("="))
                .map(part -> new Instalment(LocalDate.parse(part[0]), Long.parseLong(part[1]))).toList();
    }

    static String describe(List<Instalment> schedule) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            lines.add((schedule.size() == 1 ? "暂缓至" : "第" + (i + 1) + "期：") + schedule.get(i).dueOn() + "，"
                    + Money.yuan(schedule.get(i).amountFen()));
        }
        return String.join("\n", lines);
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}

package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The fine's way to the treasury: paid at the bank (the date and the bank's voucher, or not paid within the period,
 * which hands the case to execution), or the cash collected on the spot handed in to the agency (第七十一条, the hand-in
 * starts the deposit's period) and paid into the bank (the bank's voucher). A step done after its due date is
 * recorded as late; the law's remedy for that is the officer's liability, not a refusal.
 */
@Component("recordFinePaymentTaskListener")
class RecordFinePaymentTaskListener implements TaskListener {

    private final CaseRecord caseRecord;
    private final OnTheSpotRefusals refusals;

    RecordFinePaymentTaskListener(CaseRecord caseRecord, OnTheSpotRefusals refusals) {
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        long caseId = TaskActors.caseIdOf(task);
        Date now = Date.from(EngineClock.now());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("late", task.getDueDate() != null && now.after(task.getDueDate()));
        data.put("dueAt", task.getDueDate());
        switch (task.getTaskDefinitionKey()) {
            case "Task_RecordBankPayment" -> bank(task, actor, caseId, data);
            case "Task_HandInCollectedFine" -> {
                task.setVariable(FINE_HANDED_IN_AT, now);
                data.put("note", OnTheSpotForm.text(task, HAND_IN_NOTE));
                caseRecord.append(caseId, actor, "FINE_HANDED_IN", "当场收缴的罚款" + task.getVariable(FINE_TEXT)
                        + "已交至本机关" + late(data), data);
            }
            case "Task_DepositCollectedFine" -> {
                String voucher = OnTheSpotForm.text(task, DEPOSIT_VOUCHER);
                if (voucher == null) {
                    throw refusals.refuse(task, actor, HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED",
                            "请填写银行出具的缴款凭证号码");
                }
                data.put("depositVoucher", voucher);
                task.setVariable(PAYMENT_OUTCOME, "PAID");
                caseRecord.append(caseId, actor, "FINE_DEPOSITED", "当场收缴的罚款已缴付指定银行，凭证" + voucher
                        + late(data), data);
            }
            default -> throw new IllegalStateException("no payment step " + task.getTaskDefinitionKey());
        }
    }

    private void bank(DelegateTask task, String actor, long caseId, Map<String, Object> data) {
        String paid = OnTheSpotForm.text(task, PAID);
        if ("NOT_PAID".equals(paid)) {
            if (!Boolean.TRUE.equals(data.get("late"))) {
                throw refusals.refuse(task, actor, HttpStatus.CONFLICT, "PAYMENT_PERIOD_RUNNING",
                        "缴纳罚款的期限尚未届满，不能登记为逾期未缴纳");
            }
            task.setVariable(PAYMENT_OUTCOME, "NOT_PAID");
            caseRecord.append(caseId, actor, "FINE_NOT_PAID", "当事人逾期未缴纳罚款" + task.getVariable(FINE_TEXT)
                    + "，转入执行（行政处罚法第七十二条）", data);
            return;
        }
        LocalDate paidOn = OnTheSpotForm.date(task, PAID_ON);
        String voucher = OnTheSpotForm.text(task, PAYMENT_VOUCHER);
        if (!"PAID".equals(paid) || paidOn == null || voucher == null) {
            throw refusals.refuse(task, actor, HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED",
                    "请选择缴纳情况，已缴纳的填写缴款日期和银行缴款凭证号码");
        }
        LocalDate received = ZonedDateTime.ofInstant(((Date) task.getVariable(DECISION_RECEIVED_AT)).toInstant(),
                EngineClock.ZONE).toLocalDate();
        if (paidOn.isBefore(received) || paidOn.isAfter(EngineClock.today())) {
            throw refusals.refuse(task, actor, HttpStatus.UNPROCESSABLE_ENTITY, "PAID_ON_INVALID",
                    "缴款日期须在收到决定书之日（" + received + "）与今天之间");
        }
        data.put("paidOn", paidOn.toString());
        data.put("paymentVoucher", voucher);
        task.setVariable(PAYMENT_OUTCOME, "PAID");
        caseRecord.append(caseId, actor, "FINE_PAID", "当事人于" + paidOn + "缴纳罚款" + task.getVariable(FINE_TEXT)
                + "，凭证" + voucher, data);
    }

    private static String late(Map<String, Object> data) {
        return Boolean.TRUE.equals(data.get("late")) ? "（逾期）" : "";
    }
}

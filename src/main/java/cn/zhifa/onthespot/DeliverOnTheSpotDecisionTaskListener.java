package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The decision handed over on the spot is served that moment (第五十二条, 第六十一条): signed by the party, or his
 * refusal noted on it. For a fine the officer says how it is paid: at the bank within the PAYMENT period, or collected
 * on the spot, which 第六十八条 allows for a fine of up to 100 yuan (the table's entry) or when it would be hard to
 * collect later, against a receipt of the provincial finance department's numbered forms (第七十条), whose number is
 * recorded.
 */
@Component("deliverOnTheSpotDecisionTaskListener")
class DeliverOnTheSpotDecisionTaskListener implements TaskListener {

    private final CaseRegister cases;
    private final CaseRecord caseRecord;
    private final OnTheSpotRefusals refusals;

    DeliverOnTheSpotDecisionTaskListener(CaseRegister cases, CaseRecord caseRecord, OnTheSpotRefusals refusals) {
        this.cases = cases;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String officer = TaskActors.actorOf(task);
        String receipt = OnTheSpotForm.text(task, RECEIPT);
        if (!"SIGNED".equals(receipt) && !"REFUSED".equals(receipt)) {
            throw refuse(task, officer, "FIELD_REQUIRED", "请选择当事人签收或者拒绝签收");
        }
        String refusalNote = OnTheSpotForm.text(task, REFUSAL_NOTE);
        if ("REFUSED".equals(receipt) && refusalNote == null) {
            throw refuse(task, officer, "REFUSAL_NOTE_REQUIRED", "当事人拒绝签收的，应当在行政处罚决定书上注明（行政处罚法第五十二条）："
                    + "请填写注明的情况");
        }
        boolean fine = "FINE".equals(task.getVariable(PENALTY_KIND));
        String method = OnTheSpotForm.text(task, PAYMENT_METHOD);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receipt", receipt);
        data.put("decisionDocumentId", task.getVariable(DECISION_DOCUMENT_ID));
        String payment = "NONE";
        if (fine) {
            if (!"BANK".equals(method) && !"ON_THE_SPOT".equals(method)) {
                throw refuse(task, officer, "FIELD_REQUIRED", "请选择罚款的缴纳方式");
            }
            payment = "BANK".equals(method) ? "BANK" : "CASH";
            if ("CASH".equals(payment)) {
                Map<?, ?> eligibility = (Map<?, ?>) task.getVariable(ELIGIBILITY);
                boolean small = Boolean.TRUE.equals(eligibility.get("smallFineCollectable"));
                String ground = OnTheSpotForm.text(task, COLLECTION_GROUND);
                if (!small && !"HARD_TO_EXECUTE".equals(ground)) {
                    throw refuse(task, officer, "ON_THE_SPOT_COLLECTION_NOT_ALLOWED", "罚款" + task.getVariable(FINE_TEXT)
                            + "超过一百元，只有不当场收缴事后难以执行的，才可以当场收缴（行政处罚法第六十八条）；否则当事人应当到指定的银行"
                            + "或者通过电子支付系统缴纳");
                }
                String receiptNo = OnTheSpotForm.text(task, RECEIPT_NO);
                if (receiptNo == null) {
                    throw refuse(task, officer, "RECEIPT_NUMBER_REQUIRED", "当场收缴罚款，必须出具财政部门统一制发的专用票据"
                            + "（行政处罚法第七十条）：请填写票据号码");
                }
                data.put("receiptNo", receiptNo);
                data.put("collectionGround", small ? "SMALL_FINE" : ground);
                task.setVariable(FINE_COLLECTED_AT, Date.from(EngineClock.now()));
            }
        } else if (method != null) {
            throw refuse(task, officer, "NO_FINE_TO_PAY", "警告无须缴纳罚款");
        }
        Date now = Date.from(EngineClock.now());
        task.setVariable(DECISION_RECEIVED_AT, now);
        task.setVariable(PAYMENT, payment);
        task.setVariable(PAYMENT_OUTCOME, fine ? "OPEN" : "NONE");
        long caseId = TaskActors.caseIdOf(task);
        cases.moveTo(caseId, fine ? CaseStage.EXECUTION : CaseStage.SERVICE, officer);
        if (refusalNote != null) {
            data.put("refusalNote", refusalNote);
        }
        caseRecord.append(caseId, officer, "ON_THE_SPOT_SERVED", "当场交付《当场行政处罚决定书》，"
                + ("SIGNED".equals(receipt) ? "当事人签收" : "当事人拒绝签收，已在决定书上注明"), data);
        if ("CASH".equals(payment)) {
            caseRecord.append(caseId, officer, "FINE_COLLECTED", "当场收缴罚款" + task.getVariable(FINE_TEXT)
                    + "，出具专用票据" + data.get("receiptNo"), data);
        }
    }

    private OnTheSpotRefusedException refuse(DelegateTask task, String officer, String code, String message) {
        return refusals.refuse(task, officer, HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}

package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.Proceedings;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.Party;
import cn.zhifa.identity.EnforcementCertificate;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.penalty.rules.PenaltyKind;
import cn.zhifa.penalty.rules.Yuan;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The officer starts the on-the-spot procedure for a case he registered (CaseRegister, stage 线索) and is on: he holds
 * a valid enforcement certificate today and has shown it (第五十二条; its number is recorded), has stated the facts
 * and the basis, has told the party of the right to state and defend (第四十四条), and has recorded what the party said
 * or that the party waived it; the case runs no other proceeding (a case handed over to the general procedure is
 * decided there). The proposed penalty is a kind of 第九条 with its amount; whether it is within the limits the
 * decision table says next. Otherwise nothing starts.
 */
@Component("openSimplePenaltyExecutionListener")
class OpenSimplePenaltyExecutionListener implements ExecutionListener {

    static final String STEP = "当场处罚";

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final OnTheSpotRefusals refusals;
    private final Proceedings proceedings;

    OpenSimplePenaltyExecutionListener(CaseRegister cases, StaffDirectory staff, CaseRecord caseRecord,
            OnTheSpotRefusals refusals, Proceedings proceedings) {
        this.cases = cases;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
        this.proceedings = proceedings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(execution)).orElseThrow();
        String officer = (String) execution.getVariable(EngineVariables.STARTED_BY);
        if (officer == null || !cases.isOfficerOnCase(detail.id(), officer)) {
            throw refuse(detail, execution, officer, HttpStatus.FORBIDDEN, "NOT_OFFICER_ON_CASE",
                    "当场处罚须由本案的办案人员作出，" + (officer == null ? "启动人" : staff.displayName(officer))
                            + "不是本案的办案人员");
        }
        Optional<EnforcementCertificate> certificate = staff.validCertificate(officer, EngineClock.today());
        if (certificate.isEmpty()) {
            throw refuse(detail, execution, officer, HttpStatus.FORBIDDEN, "CERTIFICATE_INVALID",
                    staff.displayName(officer) + "没有有效的行政执法证件，不能当场作出行政处罚决定（行政处罚法第四十二条、第五十二条）");
        }
        if (detail.kind() != CaseKind.PENALTY || detail.stage() != CaseStage.CLUE) {
            throw refuse(detail, execution, officer, HttpStatus.CONFLICT, "CASE_NOT_FOR_SIMPLE_PROCEDURE",
                    "当场处罚须针对尚未立案的行政处罚案件登记；本案为" + detail.kind().chineseName() + "，处于"
                            + detail.stage().chineseName() + "阶段");
        }
        if (proceedings.runningOf(detail.id()).stream().anyMatch(i -> !i.equals(execution.getProcessInstanceId()))) {
            throw refuse(detail, execution, officer, HttpStatus.CONFLICT, "CASE_NOT_FOR_SIMPLE_PROCEDURE",
                    "本案已有正在进行的其他程序（例如已转一般程序办理），不能再当场处罚");
        }
        if (detail.parties().size() != 1) {
            throw refuse(detail, execution, officer, HttpStatus.UNPROCESSABLE_ENTITY, "ONE_PARTY_REQUIRED",
                    "当场处罚的案件登记须有且只有一名当事人");
        }
        if (!OnTheSpotForm.checked(execution, CERTIFICATE_SHOWN)) {
            throw refuse(detail, execution, officer, HttpStatus.UNPROCESSABLE_ENTITY, "CERTIFICATE_NOT_SHOWN",
                    "执法人员当场作出行政处罚决定，应当向当事人出示执法证件（行政处罚法第五十二条）");
        }
        if (!OnTheSpotForm.checked(execution, RIGHTS_TOLD)) {
            throw refuse(detail, execution, officer, HttpStatus.UNPROCESSABLE_ENTITY, "RIGHTS_NOT_TOLD",
                    "作出行政处罚决定之前，应当告知当事人拟作出的处罚内容及事实、理由、依据和陈述、申辩的权利"
                            + "（行政处罚法第四十四条）");
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> field : Map.of(FACTS, "违法事实", LEGAL_BASIS, "处罚依据", PLACE, "处罚地点")
                .entrySet()) {
            if (OnTheSpotForm.text(execution, field.getKey()) == null) {
                missing.add(field.getValue());
            }
        }
        String mode = OnTheSpotForm.text(execution, STATEMENT_MODE);
        if (!"STATED".equals(mode) && !"WAIVED".equals(mode)) {
            missing.add("当事人是否陈述、申辩");
        } else if ("STATED".equals(mode) && OnTheSpotForm.text(execution, PARTY_STATEMENT) == null) {
            missing.add("当事人陈述、申辩的内容");
        }
        PenaltyKind kind = kindOf(OnTheSpotForm.text(execution, PENALTY_KIND));
        if (kind == null) {
            missing.add("处罚种类");
        }
        if (!missing.isEmpty()) {
            throw refuse(detail, execution, officer, HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED",
                    "请填写：" + String.join("、", missing));
        }
        long fen = OnTheSpotForm.fen(execution, FINE_AMOUNT);
        if (fen < 0 || kind == PenaltyKind.FINE && fen == 0 || kind != PenaltyKind.FINE && fen != 0) {
            throw refuse(detail, execution, officer, HttpStatus.UNPROCESSABLE_ENTITY, "FINE_AMOUNT_INVALID",
                    kind == PenaltyKind.FINE ? "罚款数额须为大于零的金额（元，最多两位小数）" : "只有罚款才填写罚款数额");
        }
        Party party = detail.parties().get(0);
        // the table reads yuan; the amount is checked to the fen above, so the double is exact enough
        execution.setVariable(FINE_AMOUNT, fen / 100.0);
        execution.setVariable(FINE_TEXT, kind == PenaltyKind.FINE ? Yuan.format(fen) : "无");
        execution.setVariable(PARTY_KIND, party.kind().name());
        execution.setVariable(PARTY_NAME, party.name());
        execution.setVariable(OFFICER_NAME, staff.displayName(officer));
        execution.setVariable(CERTIFICATE_NO, certificate.get().certificateNo());
        execution.setVariable(CASE_NO, "（尚未编号）");
        Map<String, Object> data = new LinkedHashMap<>(recorded(execution));
        data.put("certificateNo", certificate.get().certificateNo());
        data.put("processInstanceId", execution.getProcessInstanceId());
        caseRecord.append(detail.id(), officer, "ON_THE_SPOT_STARTED", "当场处罚：出示执法证件" + certificate.get()
                .certificateNo() + "，告知陈述、申辩权，" + ("WAIVED".equals(mode) ? "当事人放弃陈述、申辩" : "记录当事人陈述、申辩"),
                data);
    }

    /** What the officer recorded, kept with a refusal too, for the general procedure. */
    static Map<String, Object> recorded(DelegateExecution execution) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String name : List.of(FACTS, LEGAL_BASIS, PLACE, STATEMENT_MODE, PARTY_STATEMENT, PENALTY_KIND,
                FINE_AMOUNT)) {
            Object value = execution.getVariable(name);
            if (value != null) {
                data.put(name, value.toString());
            }
        }
        return data;
    }

    private static PenaltyKind kindOf(String name) {
        for (PenaltyKind kind : PenaltyKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private OnTheSpotRefusedException refuse(CaseDetail detail, DelegateExecution execution, String officer,
            HttpStatus status, String code, String message) {
        return refusals.refuse(detail.id(), officer, STEP, status, code, message, recorded(execution));
    }
}

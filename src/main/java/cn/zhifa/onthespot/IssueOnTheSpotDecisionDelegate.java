package cn.zhifa.onthespot;

import static cn.zhifa.onthespot.SimplePenaltyVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 当场行政处罚决定书 with every content of 行政处罚法 第五十二条第二款: the party's act, the kind and basis of the
 * penalty, the fine, time and place, the remedies with their periods, the agency, and the officers with their
 * certificate numbers (who sign it on paper). Rendered in a job of its own, retried when it fails.
 */
@Component("issueOnTheSpotDecisionDelegate")
class IssueOnTheSpotDecisionDelegate implements JavaDelegate {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final DocumentService documents;
    private final CaseRegister cases;
    private final StaffDirectory staff;

    IssueOnTheSpotDecisionDelegate(DocumentService documents, CaseRegister cases, StaffDirectory staff) {
        this.documents = documents;
        this.cases = cases;
        this.staff = staff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        CaseDetail detail = cases.find(caseId).orElseThrow();
        String officer = (String) execution.getVariable(EngineVariables.STARTED_BY);
        boolean fine = "FINE".equals(execution.getVariable(PENALTY_KIND));
        LocalDate today = EngineClock.today();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("facts", execution.getVariable(FACTS));
        data.put("partyStatement", "WAIVED".equals(execution.getVariable(STATEMENT_MODE)) ? "当事人放弃陈述、申辩"
                : execution.getVariable(PARTY_STATEMENT));
        data.put("penaltyType", fine ? "罚款" : "警告");
        data.put("legalBasis", execution.getVariable(LEGAL_BASIS));
        data.put("fineAmount", execution.getVariable(FINE_TEXT));
        data.put("decisionTime", TIME.format(ZonedDateTime.ofInstant(((Date) execution.getVariable(DECIDED_AT))
                .toInstant(), EngineClock.ZONE)));
        data.put("decisionPlace", execution.getVariable(PLACE));
        data.put("performanceMethod", fine
                ? "自收到本决定书之日起十五日内到指定的银行或者通过电子支付系统缴纳罚款；依法当场收缴的，执法人员出具"
                        + "财政部门统一制发的专用票据。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款"
                : "警告，当场执行");
        // the agency's own reconsideration organ and court are not in the register yet; the wording names them
        data.put("reconsiderationOrgan", detail.agencyName() + "的本级人民政府");
        data.put("court", "有管辖权的人民法院");
        data.put("officerSignature", detail.officers().stream()
                .map(o -> o.name() + staff.validCertificate(o.userId(), today)
                        .map(c -> "（执法证号" + c.certificateNo() + "）").orElse(""))
                .collect(Collectors.joining("、")));
        StoredDocument decision = documents.generate(caseId, DocumentType.ON_THE_SPOT_DECISION, data, officer);
        execution.setVariable(DECISION_DOCUMENT_ID, decision.id());
    }
}

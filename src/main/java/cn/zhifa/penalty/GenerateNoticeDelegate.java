package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 行政处罚事先告知书 (行政处罚法 第四十四条): facts, evidence, basis, the proposed penalty and the party's rights,
 * made in the name of the officer who reported. What it notifies is kept: the decision may not be heavier
 * (第四十五条). A new notice (new facts, a heavier proposal) starts a new statement period on its own service.
 */
@Component("generateNoticeDelegate")
class GenerateNoticeDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final DocumentService documents;
    private final DeadlineService deadlines;
    private final CaseSteps steps;

    GenerateNoticeDelegate(CaseRegister cases, DocumentService documents, DeadlineService deadlines, CaseSteps steps) {
        this.cases = cases;
        this.documents = documents;
        this.deadlines = deadlines;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = TaskActors.caseIdOf(execution);
        String officer = (String) execution.getVariable(REPORTED_BY);
        cases.moveTo(caseId, CaseStage.NOTIFICATION, officer);
        DeadlineEntry period = deadlines.catalogue().entry(STATEMENT_PERIOD);
        boolean hearing = FormValues.isTrue(execution, HEARING_RIGHT);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("facts", execution.getVariable(FACTS));
        data.put("evidence", execution.getVariable(EVIDENCE));
        data.put("legalBasis", execution.getVariable(LEGAL_BASIS));
        data.put("proposedPenalty", execution.getVariable(PENALTY_DESCRIPTION) + "（裁量理由："
                + execution.getVariable(DISCRETION_REASON) + "）");
        data.put("statementPeriod", "自本告知书送达之日起" + period.amount() + "个工作日内，你（单位）有权进行陈述、申辩"
                + (hearing ? "，并有权要求举行听证" : "") + "；逾期未提出的，视为放弃上述权利");
        long documentId = documents.generate(caseId, DocumentType.PENALTY_NOTICE, data, officer).id();
        int round = execution.getVariable(NOTICE_ROUND) instanceof Number n ? n.intValue() + 1 : 1;
        execution.setVariable(NOTICE_ROUND, round);
        execution.setVariable(NOTICE_DOCUMENT_ID, documentId);
        execution.setVariable(NOTIFIED_PENALTY_KIND, execution.getVariable(PENALTY_KIND));
        execution.setVariable(NOTIFIED_FINE_AMOUNT, FormValues.amount(execution, FINE_AMOUNT));
        execution.setVariable(NOTIFIED_CONFISCATION_AMOUNT, FormValues.amount(execution, CONFISCATION_AMOUNT));
        execution.setVariable(NOTIFIED_PENALTY_TEXT, execution.getVariable(PENALTY_DESCRIPTION));
        execution.setVariable(STATEMENT_WAIVED, false);
        steps.record(execution, officer, "NOTICE_MADE", (round > 1 ? "重新" : "") + "制作行政处罚事先告知书，拟作出的行政处罚："
                + execution.getVariable(PENALTY_DESCRIPTION), Map.of("documentId", documentId, "round", round));
    }
}

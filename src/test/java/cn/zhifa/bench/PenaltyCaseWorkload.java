package cn.zhifa.bench;

import static cn.zhifa.penalty.PenaltyCaseDriver.vars;
import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.penalty.PenaltyCaseDriver;
import cn.zhifa.service.ServiceVariables;
import cn.zhifa.system.EngineClock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;

/**
 * 行政处罚一般程序 from clue to archive, the path most cases take: 张伟 registers the clue (the start opens the case),
 * proposes filing and 陈刚 approves it (the job numbers the case and makes the 立案审批表); both officers declare no
 * ground for recusal; 张伟 concludes the investigation (an evidence attachment uploaded) and reports a fine of 3,000
 * yuan (the job makes the 告知书); the notice is served directly through the called document-service (method chosen,
 * the job makes the 送达回证, the signed receipt registered); the party waives his statement and defence in writing
 * (the signed waiver uploaded); 陈刚 decides the fine, 张伟 drafts the decision (job), it is served directly through
 * document-service as the notice; in the called case-execution 张伟 registers the payment in full, 陈刚 approves
 * closing (the job makes the 结案审批表) and 张伟 archives the case (job). No legal review, collective discussion or
 * hearing on this path (a fine of 3,000 yuan to an individual needs none).
 *
 * <p>Why the waiver: STATEMENT_PERIOD_RUNNING refuses the decision until the party's statement period (five working
 * days after service) has run, unless he waived it in writing. A benchmark in real time cannot wait days, must not
 * move the engine clock (the job executor and other cases share it) and must not write the engine-owned period
 * variables from the client; the written waiver is what a real case does when it needs no waiting. Every date the
 * forms ask for (clue discovered, receipt signed, fine paid) is today, in the engine's zone.
 *
 * <p>Set-up, not timed: the four attachments (evidence, the notice's and the decision's signed receipts, the waiver)
 * are uploaded through CaseAttachments right after the start, in a phase of their own; the bare side gets dummy ids.
 * Per case: one start, 16 task completions (4 of them in the two document-service instances, 3 in case-execution),
 * 12 claims (the two recusal declarations and the two 直接送达 are assigned) and seven jobs.
 */
final class PenaltyCaseWorkload implements CaseWorkload {

    static final String OFFICER = PenaltyCaseDriver.OFFICER;
    static final String CO_OFFICER = PenaltyCaseDriver.CO_OFFICER;
    static final String HEAD = PenaltyCaseDriver.HEAD;
    static final long FINE = 3000;

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public String processResource() {
        return "processes/penalty-case.bpmn";
    }

    @Override
    public List<String> processResources() {
        return List.of(processResource(), "processes/document-service.bpmn", "processes/case-execution.bpmn");
    }

    @Override
    public List<String> users() {
        return List.of(OFFICER, CO_OFFICER, HEAD);
    }

    @Override
    public String description() {
        return "clue, filing, recusal, investigation, report with a fine, notice served, written waiver, decision,"
                + " decision served, payment, closing, archive; the job executor numbers the case and renders the"
                + " filing form, notice, two service receipts, decision and closing form, and archives the case."
                + " The four attachments are uploaded untimed after the start.";
    }

    /** The case does not exist yet: registering the clue opens it (opensCase); its id is known after the start. */
    @Override
    public CaseState prepare(Side side) {
        return new CaseState(0);
    }

    @Override
    public List<Phase> phases() {
        return List.of(
                (state, clicks) -> {
                    Map<String, Object> clue = PenaltyCaseDriver.clue(today(), EngineClock.today().minusMonths(3)
                            .toString());
                    if (clicks.bare()) {
                        clue.putAll(bareStartVariables());
                    }
                    state.processInstanceId = clicks.start(OFFICER, PROCESS_KEY, clue);
                },
                Phase.setUp((state, clicks) -> {
                    state.caseId = clicks.caseOf(state.processInstanceId);
                    for (String what : List.of("evidence", "noticeReceipt", "waiver", "decisionReceipt")) {
                        state.ids.put(what, clicks.attach(state.caseId, what));
                    }
                }),
                (state, clicks) -> {
                    clicks.work(OFFICER, state.processInstanceId, "Task_ProposeFiling", vars(FILING_PROPOSAL, "FILE",
                            CASE_SUMMARY, "当事人销售不合格电线。", FILING_BASIS, "《中华人民共和国产品质量法》第四十九条"), Map.of());
                    clicks.work(HEAD, state.processInstanceId, "Task_DecideFiling", vars(FILING_DECISION, "FILE"),
                            Map.of());
                },
                (state, clicks) -> {
                    for (String officer : List.of(OFFICER, CO_OFFICER)) {
                        clicks.work(officer, state.processInstanceId, "Task_DeclareRecusal",
                                vars(RECUSAL_DECLARATION, "NONE"), Map.of());
                    }
                    clicks.work(OFFICER, state.processInstanceId, "Task_Investigate",
                            vars(INVESTIGATION_ACTION, "CONCLUDE"), Map.of());
                    clicks.work(OFFICER, state.processInstanceId, "Task_ReportInvestigation",
                            PenaltyCaseDriver.report(FINE), Map.of());
                },
                (state, clicks) -> chooseDirectService(state, clicks),
                (state, clicks) -> {
                    serveDirectly(state, clicks, "noticeReceipt");
                    clicks.work(OFFICER, state.processInstanceId, "Task_HearParty", vars(PARTY_RESPONSE, "WAIVER",
                            WAIVER_ATTACHMENT_ID, state.ids.get("waiver")), Map.of());
                    clicks.work(HEAD, state.processInstanceId, "Task_DecideCase", vars(CASE_DECISION, "PENALTY",
                            PENALTY_KIND, "FINE", PENALTY_DESCRIPTION, "罚款" + FINE + "元", FINE_AMOUNT, FINE,
                            DECISION_REASON, "违法事实清楚，证据确凿。"), Map.of());
                    clicks.work(OFFICER, state.processInstanceId, "Task_DraftDecision", vars(PERFORMANCE_METHOD,
                            "到指定银行或者通过电子支付系统缴纳罚款", PERFORMANCE_DEADLINE, "自收到本决定书之日起十五日内",
                            RECONSIDERATION_ORGAN, "可以在法定期限内向某县人民政府申请行政复议",
                            COURT, "可以在法定期限内向某县人民法院提起行政诉讼"),
                            // the decision's service runs the agency's service period (the notice's does not)
                            Map.of(ServiceVariables.AGENCY_PERIOD_APPLIES, true));
                },
                (state, clicks) -> chooseDirectService(state, clicks),
                (state, clicks) -> {
                    serveDirectly(state, clicks, "decisionReceipt");
                    clicks.work(OFFICER, state.processInstanceId, "Task_RecordPayment", vars("paymentAction", "PAYMENT",
                            "receiptNo", "NS" + state.caseId + "0001", "paidAmount", FINE + ".00", "paidOn", today()),
                            Map.of(EXECUTION_STATUS, "CARRIED_OUT"));
                    clicks.work(HEAD, state.processInstanceId, "Task_ApproveCaseClosing", vars("closingOpinion", "同意结案"),
                            Map.of());
                },
                (state, clicks) -> clicks.work(OFFICER, state.processInstanceId, "Task_ArchiveCase",
                        vars("archiveConfirmed", true), Map.of()));
    }

    /** 选择送达方式 in the document-service the case called: direct service at the party's address. */
    private static void chooseDirectService(CaseState state, Clicks clicks) {
        clicks.work(OFFICER, state.processInstanceId, "Task_ChooseServiceMethod", vars("serviceMethodChoice", "DIRECT",
                "serviceAddress", "某县某路1号"), Map.of(ServiceVariables.METHOD_CHOSEN_BY, OFFICER));
    }

    /** 直接送达: the party signed the receipt today (the signed receipt is the attachment {@code receipt}). */
    private static void serveDirectly(CaseState state, Clicks clicks, String receipt) {
        clicks.work(OFFICER, state.processInstanceId, "Task_ServeDirectly", vars("directOutcome", "SIGNED",
                "signatoryRole", "RECIPIENT", "signatoryName", "张三", "signedOn", today(),
                "signedReceiptAttachmentId", state.ids.get(receipt)), Map.of(ServiceVariables.ATTEMPT_OUTCOME, "SERVED"));
    }

    private static String today() {
        return EngineClock.today().toString();
    }

    /**
     * What our listeners and rule tasks set on this path: the units, the investigators (a JSON list, as the filing
     * delegate keeps it), the rules' answers (no hearing right, no legal review, no collective discussion), the
     * service and execution facts; the bare call activities pass them on to document-service and case-execution.
     */
    @Override
    public Map<String, Object> bareStartVariables() {
        long week = 7L * 24 * 3600 * 1000;
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.HANDLING_UNIT, "unit-squad-1");
        variables.put(EngineVariables.LEGAL_UNIT, "unit-legal");
        variables.put(EngineVariables.LEADERSHIP_UNIT, "unit-leadership");
        variables.put(BenchVariables.DUE_AT, new Date(System.currentTimeMillis() + week));
        variables.put(BenchVariables.REMIND_AT, new Date(System.currentTimeMillis() + week / 2));
        variables.put(INVESTIGATORS, Variables.objectValue(new java.util.ArrayList<>(List.of(OFFICER, CO_OFFICER)))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        variables.put(HEARING_RIGHT, false);
        variables.put(LEGAL_REVIEW_REQUIRED, false);
        variables.put("collectiveDiscussionRequired", false);
        variables.put(ServiceVariables.AGENCY_PERIOD_APPLIES, false);
        variables.put(EXECUTION_STATUS, "OPEN");
        variables.put("ownEnforcementPower", false);
        return variables;
    }
}

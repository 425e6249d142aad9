package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.Party;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Every user task of the general procedure: who may claim and complete it (the case's officers with valid
 * certificates who are not recused, the heads of the case's agency, or the officer a declaration belongs to), the
 * form's checks mirrored on the server, and the rules of the law each step must keep. A refused completion leaves the
 * task as it was and is recorded on the case; an accepted one records what was decided.
 */
@Component("penaltyCaseTaskListener")
class PenaltyCaseTaskListener implements TaskListener {

    private enum Actor { OFFICER, HEAD, DECLARANT }

    private static final Map<String, Actor> ACTORS = Map.ofEntries(
            Map.entry("Task_ProposeFiling", Actor.OFFICER),
            Map.entry("Task_ApproveFilingExtension", Actor.HEAD),
            Map.entry("Task_DecideFiling", Actor.HEAD),
            Map.entry("Task_DeclareRecusal", Actor.DECLARANT),
            Map.entry("Task_DecideRecusal", Actor.HEAD),
            Map.entry("Task_Investigate", Actor.OFFICER),
            Map.entry("Task_ApprovePreservation", Actor.HEAD),
            Map.entry("Task_DecidePreservedEvidence", Actor.OFFICER),
            Map.entry("Task_ApproveSeizure", Actor.HEAD),
            Map.entry("Task_DecideSeizedProperty", Actor.OFFICER),
            Map.entry("Task_ApproveSeizureExtension", Actor.HEAD),
            Map.entry("Task_RecordTestingResult", Actor.OFFICER),
            Map.entry("Task_ApproveDecisionExtension", Actor.HEAD),
            Map.entry("Task_ReportInvestigation", Actor.OFFICER),
            Map.entry("Task_HearParty", Actor.OFFICER),
            Map.entry("Task_DecideCase", Actor.HEAD),
            Map.entry("Task_DraftDecision", Actor.OFFICER));

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final DeadlineService deadlines;
    private final DecisionClock decisionClock;
    private final CaseAttachments attachments;
    private final CaseRecord caseRecord;
    private final PenaltyRefusals refusals;
    private final DecisionRules decisionRules;

    PenaltyCaseTaskListener(CaseRegister cases, StaffDirectory staff, DeadlineService deadlines,
            DecisionClock decisionClock, CaseAttachments attachments, CaseRecord caseRecord, PenaltyRefusals refusals,
            DecisionRules decisionRules) {
        this.cases = cases;
        this.staff = staff;
        this.deadlines = deadlines;
        this.decisionClock = decisionClock;
        this.attachments = attachments;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
        this.decisionRules = decisionRules;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            label(task);
            return;
        }
        String actor = TaskActors.actorOf(task);
        if (actor == null) {
            if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
                return;
            }
            throw refusals.refuse(task, null, HttpStatus.CONFLICT, "TASK_NOT_CLAIMED", "无法确认办理人，请先认领任务");
        }
        checkActor(task, actor);
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, actor);
        }
    }

    /**
     * The name says which case and which party (Tasklist lists names; the description, what the law asks and by when,
     * is the boundary's TaskContextListener). Every task of this process is created either before filing and completed
     * before it (the registration number) or after it (the case number), so a name never goes stale.
     */
    private void label(DelegateTask task) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(task)).orElseThrow();
        String parties = String.join("、", detail.parties().stream().map(Party::name).toList());
        task.setName(task.getName() + "（" + detail.reference() + (parties.isEmpty() ? "" : "，" + parties) + "）");
    }

    private void checkActor(DelegateTask task, String actor) {
        String agency = TaskActors.agencyOf(task);
        long caseId = TaskActors.caseIdOf(task);
        switch (ACTORS.get(task.getTaskDefinitionKey())) {
            case HEAD -> {
                if (!staff.isHeadOf(agency, actor)) {
                    throw refusals.refuse(task, actor, HttpStatus.FORBIDDEN, "NOT_AGENCY_HEAD", "「" + task.getName()
                            + "」须由本案所属行政执法机关的负责人办理，" + staff.displayName(actor) + "不是该机关负责人");
                }
            }
            case DECLARANT -> {
                if (!actor.equals(task.getVariable(INVESTIGATOR))) {
                    throw refusals.refuse(task, actor, HttpStatus.FORBIDDEN, "DECLARATION_NOT_OWN",
                            "回避声明只能由办案人员本人作出");
                }
            }
            case OFFICER -> {
                if (!cases.isOfficerOnCase(caseId, actor)) {
                    throw refusals.refuse(task, actor, HttpStatus.FORBIDDEN, "NOT_OFFICER_ON_CASE",
                            "「" + task.getName() + "」须由本案的办案人员办理，" + staff.displayName(actor) + "不是本案办案人员");
                }
                if (staff.validCertificate(actor, EngineClock.today()).isEmpty()) {
                    throw refusals.refuse(task, actor, HttpStatus.FORBIDDEN, "CERTIFICATE_INVALID",
                            staff.displayName(actor) + "没有有效的行政执法证件，不能办理（《行政处罚法》第四十二条）");
                }
                if (recused(task).contains(actor)) {
                    throw refusals.refuse(task, actor, HttpStatus.FORBIDDEN, "OFFICER_RECUSED",
                            staff.displayName(actor) + "已决定回避，不能再办理本案（《行政处罚法》第四十三条）");
                }
            }
        }
    }

    private void complete(DelegateTask task, String actor) {
        switch (task.getTaskDefinitionKey()) {
            case "Task_ProposeFiling" -> proposeFiling(task, actor);
            case "Task_ApproveFilingExtension", "Task_ApproveDecisionExtension" -> decideExtension(task, actor);
            case "Task_DecideFiling" -> decideFiling(task, actor);
            case "Task_DeclareRecusal" -> declareRecusal(task, actor);
            case "Task_DecideRecusal" -> decideRecusal(task, actor);
            case "Task_Investigate" -> investigate(task, actor);
            case "Task_ApprovePreservation" -> approvePreservation(task, actor);
            case "Task_DecidePreservedEvidence" -> decidePreservedEvidence(task, actor);
            case "Task_ApproveSeizure" -> approveSeizure(task, actor);
            case "Task_DecideSeizedProperty" -> decideSeizedProperty(task, actor);
            case "Task_ApproveSeizureExtension" -> approveSeizureExtension(task, actor);
            case "Task_RecordTestingResult" -> recordTestingResult(task, actor);
            case "Task_ReportInvestigation" -> report(task, actor);
            case "Task_HearParty" -> hearParty(task, actor);
            case "Task_DecideCase" -> decideCase(task, actor);
            case "Task_DraftDecision" -> draftDecision(task, actor);
            default -> throw new IllegalStateException("no rules for " + task.getTaskDefinitionKey());
        }
    }

    // ------------------------------------------------------------------------------------------- filing

    private void proposeFiling(DelegateTask task, String actor) {
        String proposal = choice(task, actor, FILING_PROPOSAL, "核查意见", Set.of("FILE", "NOT_FILE", "REQUEST_EXTENSION"));
        switch (proposal) {
            case "FILE" -> {
                required(task, actor, CASE_SUMMARY, "简要案情");
                required(task, actor, FILING_BASIS, "立案依据");
            }
            case "NOT_FILE" -> required(task, actor, NOT_FILING_REASON, "不予立案的理由");
            default -> requestExtension(task, actor, FILING_PERIOD);
        }
        task.setVariable(FILING_PROPOSED_BY, actor);
        record(task, actor, "FILING_PROPOSED", "提出" + switch (proposal) {
            case "FILE" -> "立案意见";
            case "NOT_FILE" -> "不予立案意见";
            default -> "延长立案期限的申请";
        }, Map.of("proposal", proposal));
    }

    private void decideFiling(DelegateTask task, String actor) {
        String decision = choice(task, actor, FILING_DECISION, "审批意见", Set.of("FILE", "NOT_FILE"));
        if ("FILE".equals(decision) && !FormValues.isTrue(task, WITHIN_LIMITATION)) {
            throw refusals.refuse(task, actor, "FILING_PAST_LIMITATION",
                    "已超过追责期限，不能立案：" + task.getVariable(LIMITATION_TEXT));
        }
        if ("FILE".equals(decision) && !"FILE".equals(task.getVariable(FILING_PROPOSAL))) {
            throw refusals.refuse(task, actor, "FILING_NOT_PROPOSED", "办案人员提出不予立案意见的，须退回核查后再提出立案意见");
        }
        if ("NOT_FILE".equals(decision)) {
            required(task, actor, FILING_DECISION_REASON, "不予立案的理由");
        }
        task.setVariable(FILING_DECIDED_BY, actor);
        task.setVariable(FILING_DECIDED_AT, Date.from(EngineClock.now()));
        record(task, actor, "FILING_DECIDED", "FILE".equals(decision) ? "批准立案" : "决定不予立案",
                Map.of("decision", decision));
    }

    /**
     * The catalogue's extension goes to a head; once it is used, the decision period may be extended further only by
     * the heads' collective discussion (SAMR 第六十四条), so the request goes to a head who puts it to the discussion.
     */
    private void requestExtension(DelegateTask task, String actor, String entry) {
        required(task, actor, EXTENSION_REASON, "申请延期的理由");
        String route = "APPROVAL";
        try {
            deadlines.checkExtensionRequest(task.getProcessInstanceId(), entry, EngineClock.now());
        } catch (ZhifaException refused) {
            if (!DECISION_PERIOD.equals(entry) || !"DEADLINE_EXTENSION_EXHAUSTED".equals(refused.code())) {
                throw refusals.refuse(task, actor, refused.code(), refused.getMessage());
            }
            try {
                deadlines.checkFurtherExtensionRequest(task.getProcessInstanceId(), entry, EngineClock.now());
            } catch (ZhifaException further) {
                throw refusals.refuse(task, actor, further.code(), further.getMessage());
            }
            route = "DISCUSSION";
        }
        task.setVariable(EXTENSION_ROUTE, route);
        task.setVariable(EXTENSION_REQUESTED_BY, actor);
        task.setVariable(EXTENSION_REQUESTED_AT, Date.from(EngineClock.now()));
        task.setVariable(EXTENSION_ENTRY, entry);
    }

    private void decideExtension(DelegateTask task, String actor) {
        String decision = choice(task, actor, EXTENSION_DECISION, "审批意见", Set.of("APPROVE", "REFUSE", "DISCUSS"));
        boolean further = "DISCUSSION".equals(task.getVariable(EXTENSION_ROUTE));
        if (further && "APPROVE".equals(decision)) {
            throw refusals.refuse(task, actor, "DEADLINE_EXTENSION_EXHAUSTED", entryName(task)
                    + "已经负责人批准延长过，不能再由负责人批准；继续延长须提请负责人集体讨论决定（《市场监督管理行政处罚程序规定》第六十四条）");
        }
        if (!further && "DISCUSS".equals(decision)) {
            throw refusals.refuse(task, actor, "DEADLINE_EXTENSION_AVAILABLE",
                    entryName(task) + "尚未延长过，由负责人审批即可，无需提请集体讨论");
        }
        if ("REFUSE".equals(decision)) {
            required(task, actor, EXTENSION_DECISION_NOTE, "不同意的理由");
        }
        if ("DISCUSS".equals(decision)) {
            Object days = task.getVariable(PROPOSED_EXTENSION_DAYS);
            if (days == null || days.toString().isBlank()) {
                throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写拟继续延长的天数");
            }
            if (!days.toString().strip().matches("[1-9]\\d{0,2}")) {
                throw refusals.refuse(task, actor, "FIELD_INVALID", "拟继续延长的天数须为1至999的整数");
            }
            // the matter the called discussion decides (the penalty discussion later sets its own)
            task.setVariable(MATTER, "DECISION_EXTENSION");
            record(task, actor, "EXTENSION_REFERRED", "提请负责人集体讨论是否继续延长" + entryName(task) + "（拟继续延长"
                    + days.toString().strip() + "日）", Map.of("proposedDays", days.toString().strip()));
        }
        task.setVariable(EXTENSION_DECIDED_BY, actor);
        task.setVariable(EXTENSION_APPROVED_AT, Date.from(EngineClock.now()));
        if ("REFUSE".equals(decision)) {
            record(task, actor, "EXTENSION_REFUSED", "不同意延长" + entryName(task), Map.of());
        }
    }

    // ------------------------------------------------------------------------------------------- investigation

    private void declareRecusal(DelegateTask task, String actor) {
        String declaration = choice(task, actor, RECUSAL_DECLARATION, "回避声明", Set.of("NONE", "GROUND", "PARTY_REQUEST"));
        if (!"NONE".equals(declaration)) {
            required(task, actor, RECUSAL_GROUND, "回避的情形或者当事人申请的理由");
        }
        record(task, actor, "RECUSAL_DECLARED", switch (declaration) {
            case "NONE" -> staff.displayName(actor) + "声明与本案没有应当回避的情形";
            case "GROUND" -> staff.displayName(actor) + "声明存在可能影响公正执法的情形，报请负责人决定";
            default -> "当事人申请" + staff.displayName(actor) + "回避，报请负责人决定";
        }, Map.of("officer", actor, "declaration", declaration));
    }

    private void decideRecusal(DelegateTask task, String actor) {
        String decision = choice(task, actor, RECUSAL_DECISION, "回避决定", Set.of("RECUSE", "NOT_RECUSE"));
        required(task, actor, RECUSAL_DECISION_REASON, "决定理由");
        String officer = (String) task.getVariable(INVESTIGATOR);
        long caseId = TaskActors.caseIdOf(task);
        if ("RECUSE".equals(decision)) {
            String replacement = required(task, actor, REPLACEMENT_OFFICER, "替换的办案人员");
            CaseDetail detail = cases.find(caseId).orElseThrow();
            if (replacement.equals(officer) || cases.isOfficerOnCase(caseId, replacement)
                    || !staff.isMember(replacement, Roles.OFFICER)
                    || !staff.isMember(replacement, detail.handlingUnitId())
                    || staff.validCertificate(replacement, EngineClock.today()).isEmpty()) {
                throw refusals.refuse(task, actor, "REPLACEMENT_NOT_QUALIFIED", "替换的办案人员须为"
                        + detail.handlingUnitName() + "持有效执法证、尚未参与本案的执法人员");
            }
            cases.addOfficer(caseId, replacement, OfficerRole.INVESTIGATOR);
            List<String> recused = new ArrayList<>(recused(task));
            recused.add(officer);
            task.getExecution().getProcessInstance().setVariable(RECUSED_OFFICERS, String.join(",", recused));
        }
        task.setVariable(RECUSAL_DECIDED_BY, actor);
        record(task, actor, "RECUSAL_DECIDED", "RECUSE".equals(decision)
                ? "决定" + staff.displayName(officer) + "回避，由" + staff.displayName((String) task.getVariable(REPLACEMENT_OFFICER)) + "接替"
                : "决定" + staff.displayName(officer) + "不回避", Map.of("officer", officer, "decision", decision));
    }

    private void investigate(DelegateTask task, String actor) {
        String action = choice(task, actor, INVESTIGATION_ACTION, "下一步",
                Set.of("PRESERVE_EVIDENCE", "SEIZE_PROPERTY", "START_TESTING", "REQUEST_EXTENSION", "CONCLUDE"));
        long caseId = TaskActors.caseIdOf(task);
        switch (action) {
            case "PRESERVE_EVIDENCE" -> {
                required(task, actor, PRESERVATION_ITEMS, "先行登记保存的证据及理由");
                task.setVariable(PRESERVATION_REQUESTED_BY, actor);
            }
            case "SEIZE_PROPERTY" -> {
                required(task, actor, SEIZURE_ITEMS, "查封、扣押的场所、设施或者财物及理由");
                required(task, actor, SEIZURE_BASIS, "查封、扣押的依据");
                task.setVariable(SEIZURE_REQUESTED_BY, actor);
            }
            case "START_TESTING" -> {
                String items = required(task, actor, TESTING_ITEMS, "检测、检验、检疫、鉴定的事项和机构");
                decisionClock.pause(task.getProcessInstanceId(), "检测、检验、检疫、鉴定：" + items);
                task.setVariable(TESTING_STARTED_AT, Date.from(EngineClock.now()));
                record(task, actor, "DECISION_CLOCK_PAUSED", "送检测、检验、检疫、鉴定，办案期限中止计算：" + items,
                        Map.of());
            }
            case "REQUEST_EXTENSION" -> requestExtension(task, actor, DECISION_PERIOD);
            default -> {
                if (attachments.attachments(caseId).isEmpty()) {
                    throw refusals.refuse(task, actor, "NO_EVIDENCE_REGISTERED",
                            "本案还没有登记任何证据，请先将证据上传到本案附件，再结束调查");
                }
                if (isPaused(task)) {
                    throw refusals.refuse(task, actor, "TESTING_NOT_FINISHED", "检测、检验、检疫、鉴定尚未登记结果，不能结束调查");
                }
            }
        }
    }

    private void approvePreservation(DelegateTask task, String actor) {
        String decision = choice(task, actor, PRESERVATION_DECISION, "审批意见", Set.of("APPROVE", "REFUSE"));
        task.setVariable(PRESERVATION_APPROVED_BY, actor);
        if ("APPROVE".equals(decision)) {
            task.setVariable(EVIDENCE_PRESERVED_AT, Date.from(EngineClock.now()));
        }
        record(task, actor, "APPROVE".equals(decision) ? "EVIDENCE_PRESERVED" : "PRESERVATION_REFUSED",
                ("APPROVE".equals(decision) ? "批准先行登记保存证据：" : "不同意先行登记保存：")
                        + task.getVariable(PRESERVATION_ITEMS), Map.of());
    }

    private void decidePreservedEvidence(DelegateTask task, String actor) {
        String outcome = choice(task, actor, PRESERVATION_OUTCOME, "处理决定",
                Set.of("RETURN", "TESTING", "SEIZURE", "TRANSFER", "CONFISCATION_PROPOSED"));
        required(task, actor, PRESERVATION_OUTCOME_NOTE, "处理情况");
        record(task, actor, "PRESERVATION_DECIDED", "对先行登记保存的证据作出处理决定：" + task.getVariable(PRESERVATION_OUTCOME_NOTE),
                Map.of("outcome", outcome));
    }

    /** 行政强制法 第十八条: a head approves before the measure; the period starts with the decision (第二十五条). */
    private void approveSeizure(DelegateTask task, String actor) {
        String decision = choice(task, actor, SEIZURE_DECISION, "审批意见", Set.of("APPROVE", "REFUSE"));
        if ("REFUSE".equals(decision)) {
            required(task, actor, SEIZURE_DECISION_NOTE, "不同意的理由");
        }
        task.setVariable(SEIZURE_APPROVED_BY, actor);
        if ("APPROVE".equals(decision)) {
            task.setVariable(SEIZED_AT, Date.from(EngineClock.now()));
        }
        record(task, actor, "APPROVE".equals(decision) ? "SEIZURE_APPROVED" : "SEIZURE_REFUSED",
                ("APPROVE".equals(decision) ? "批准查封、扣押：" : "不同意查封、扣押：") + task.getVariable(SEIZURE_ITEMS),
                Map.of());
    }

    private void decideSeizedProperty(DelegateTask task, String actor) {
        String outcome = choice(task, actor, SEIZURE_OUTCOME, "处理决定",
                Set.of("CONFISCATE", "DESTROY", "RELEASE", "REQUEST_EXTENSION"));
        if ("REQUEST_EXTENSION".equals(outcome)) {
            required(task, actor, SEIZURE_EXTENSION_REASON, "申请延长查封、扣押期限的理由");
            try {
                deadlines.checkExtensionRequest(task.getProcessInstanceId(), SEIZURE_PERIOD, EngineClock.now());
            } catch (ZhifaException refused) {
                throw refusals.refuse(task, actor, refused.code(), refused.getMessage() + "（《行政强制法》第二十五条）");
            }
            task.setVariable(SEIZURE_EXTENSION_REQUESTED_AT, Date.from(EngineClock.now()));
            return;
        }
        String note = required(task, actor, SEIZURE_OUTCOME_NOTE, "处理情况");
        record(task, actor, "SEIZURE_DECIDED", switch (outcome) {
            case "CONFISCATE" -> "查封、扣押的财物依法没收：";
            case "DESTROY" -> "查封、扣押的财物依法销毁：";
            default -> "解除查封、扣押：";
        } + note, Map.of("outcome", outcome));
    }

    private void approveSeizureExtension(DelegateTask task, String actor) {
        String decision = choice(task, actor, SEIZURE_EXTENSION_DECISION, "审批意见", Set.of("APPROVE", "REFUSE"));
        if ("REFUSE".equals(decision)) {
            required(task, actor, SEIZURE_EXTENSION_NOTE, "不同意的理由");
            record(task, actor, "EXTENSION_REFUSED", "不同意延长查封、扣押期限", Map.of("entry", SEIZURE_PERIOD));
        }
        task.setVariable(SEIZURE_EXTENSION_DECIDED_BY, actor);
        task.setVariable(SEIZURE_EXTENSION_APPROVED_AT, Date.from(EngineClock.now()));
    }

    private void recordTestingResult(DelegateTask task, String actor) {
        required(task, actor, TESTING_RESULT, "检测、检验、检疫、鉴定结果");
        long caseId = TaskActors.caseIdOf(task);
        record(task, actor, "TESTING_RESULT", "登记检测、检验、检疫、鉴定结果，办案期限恢复计算", Map.of());
        decisionClock.resumeAfterCommit(caseId, task.getProcessInstanceId());
    }

    // ------------------------------------------------------------------------------------------- report, notice

    private void report(DelegateTask task, String actor) {
        String proposal = choice(task, actor, PROPOSAL, "处理意见",
                Set.of("PENALTY", "NO_PENALTY", "TRANSFER_JUDICIAL", "TRANSFER_AGENCY", "CLOSE_CASE"));
        required(task, actor, FACTS, "违法事实");
        required(task, actor, EVIDENCE, "证据");
        switch (proposal) {
            case "PENALTY" -> {
                required(task, actor, LEGAL_BASIS, "处罚依据");
                choice(task, actor, PENALTY_KIND, "最重的处罚种类", Penalties.KINDS);
                required(task, actor, PENALTY_DESCRIPTION, "拟作出的行政处罚（种类、数额）");
                choice(task, actor, DISCRETION_BAND, "适用的裁量档次", Penalties.BANDS);
                required(task, actor, DISCRETION_REASON, "裁量理由");
                amount(task, actor, FINE_AMOUNT, "罚款金额");
                amount(task, actor, CONFISCATION_AMOUNT, "没收违法所得、非法财物金额");
                if ("NO_PENALTY".equals(task.getVariable(DISCRETION_BAND))) {
                    throw refusals.refuse(task, actor, "FIELD_INVALID", "适用“不予处罚”档次的，处理意见应为不予行政处罚");
                }
            }
            case "NO_PENALTY" -> required(task, actor, NO_PENALTY_REASON, "不予行政处罚的理由");
            case "TRANSFER_JUDICIAL", "TRANSFER_AGENCY" -> required(task, actor, TRANSFER_AUTHORITY, "移送的机关及事由");
            default -> required(task, actor, CLOSING_REASON, "撤销案件的理由");
        }
        if (isPaused(task)) {
            throw refusals.refuse(task, actor, "TESTING_NOT_FINISHED", "检测、检验、检疫、鉴定尚未登记结果，不能提出调查终结报告");
        }
        task.setVariable(REPORTED_BY, actor);
        record(task, actor, "INVESTIGATION_REPORTED", "提出调查终结报告，处理意见：" + proposalName(proposal)
                + ("PENALTY".equals(proposal) ? "（" + task.getVariable(PENALTY_DESCRIPTION) + "）" : ""),
                Map.of("proposal", proposal));
    }

    private void hearParty(DelegateTask task, String actor) {
        String response = choice(task, actor, PARTY_RESPONSE, "当事人的意见",
                Set.of("STATEMENT", "WAIVER", "NONE", "HEARING_REQUEST", "NEW_NOTICE"));
        long caseId = TaskActors.caseIdOf(task);
        Instant now = EngineClock.now();
        switch (response) {
            case "STATEMENT" -> {
                required(task, actor, STATEMENT_TEXT, "当事人陈述、申辩的事实、理由和证据");
                required(task, actor, STATEMENT_REVIEW, "复核意见");
            }
            case "WAIVER" -> {
                String attachment = required(task, actor, WAIVER_ATTACHMENT_ID, "书面放弃陈述申辩的附件编号");
                boolean ofCase = attachment.matches("\\d{1,18}") && attachments.find(Long.parseLong(attachment))
                        .filter(a -> a.caseId() == caseId).isPresent();
                if (!ofCase) {
                    throw refusals.refuse(task, actor, "WAIVER_NOT_RECORDED",
                            "当事人书面放弃陈述、申辩的，须将其签字的书面材料上传为本案附件，并填写附件编号");
                }
                task.setVariable(STATEMENT_WAIVED, true);
            }
            case "NONE" -> {
                if (!statementPeriodOver(task, now)) {
                    throw refusals.refuse(task, actor, "STATEMENT_PERIOD_RUNNING",
                            "陈述、申辩期限尚未届满（至 " + statementDue(task) + "），当事人仍可以提出意见");
                }
            }
            case "HEARING_REQUEST" -> {
                if (!FormValues.isTrue(task, HEARING_RIGHT)) {
                    throw refusals.refuse(task, actor, "HEARING_NOT_GRANTED",
                            "拟作出的行政处罚不属于当事人有权要求听证的范围：" + task.getVariable(HEARING_RIGHT_REASON));
                }
                if (statementPeriodOver(task, now)) {
                    throw refusals.refuse(task, actor, "HEARING_REQUEST_LATE",
                            "当事人应当在告知后五日内提出听证要求，期限已于 " + statementDue(task) + " 届满（《行政处罚法》第六十四条）");
                }
            }
            default -> required(task, actor, NEW_NOTICE_REASON, "重新告知的理由（新的事实、理由、证据或者拟加重处罚）");
        }
        task.setVariable(HEARD_BY, actor);
        task.setVariable(HEARING_HELD, false);
        record(task, actor, "PARTY_HEARD", switch (response) {
            case "STATEMENT" -> "登记当事人的陈述、申辩并复核：" + task.getVariable(STATEMENT_REVIEW);
            case "WAIVER" -> "当事人书面放弃陈述、申辩（附件 " + task.getVariable(WAIVER_ATTACHMENT_ID) + "）";
            case "NONE" -> "当事人在期限内未提出陈述、申辩";
            case "HEARING_REQUEST" -> "当事人要求听证";
            default -> "决定重新告知：" + task.getVariable(NEW_NOTICE_REASON);
        }, Map.of("response", response));
    }

    // ------------------------------------------------------------------------------------------- decision

    private void decideCase(DelegateTask task, String actor) {
        String decision = choice(task, actor, CASE_DECISION, "处理决定",
                Set.of("PENALTY", "NO_PENALTY", "TRANSFER_JUDICIAL", "TRANSFER_AGENCY", "CLOSE_CASE"));
        required(task, actor, DECISION_REASON, "决定理由");
        DecisionRules.Refusal refusal = decisionRules.check(task, decision, EngineClock.now());
        if (refusal != null) {
            throw refusals.refuse(task, actor, refusal.code(), refusal.message());
        }
        if ("PENALTY".equals(decision)) {
            required(task, actor, PENALTY_DESCRIPTION, "决定的行政处罚（种类、数额）");
            task.setVariable(DECIDED_PENALTY_TEXT, task.getVariable(PENALTY_DESCRIPTION));
        }
        task.setVariable(DECIDED_BY, actor);
        task.setVariable(DECIDED_AT, Date.from(EngineClock.now()));
        long caseId = TaskActors.caseIdOf(task);
        cases.moveTo(caseId, CaseStage.DECISION, actor);
        record(task, actor, "CASE_DECIDED", "机关负责人决定：" + proposalName(decision)
                + ("PENALTY".equals(decision) ? "（" + task.getVariable(PENALTY_DESCRIPTION) + "）" : "")
                + "。理由：" + task.getVariable(DECISION_REASON), Map.of("decision", decision));
    }

    private void draftDecision(DelegateTask task, String actor) {
        if ("PENALTY".equals(task.getVariable(CASE_DECISION))) {
            required(task, actor, PERFORMANCE_METHOD, "履行方式");
            required(task, actor, PERFORMANCE_DEADLINE, "履行期限");
        }
        required(task, actor, RECONSIDERATION_ORGAN, "申请行政复议的机关（途径和期限）");
        required(task, actor, COURT, "提起行政诉讼的法院（途径和期限）");
        task.setVariable(DECISION_DRAFTED_BY, actor);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private boolean statementPeriodOver(DelegateTask task, Instant now) {
        return deadlines.find(task.getProcessInstanceId(), STATEMENT_PERIOD)
                .map(d -> now.isAfter(d.dueAt())).orElse(false);
    }

    private String statementDue(DelegateTask task) {
        return deadlines.find(task.getProcessInstanceId(), STATEMENT_PERIOD)
                .map(d -> d.dueAt().atZone(EngineClock.ZONE).toLocalDate().toString()).orElse("？");
    }

    private boolean isPaused(DelegateTask task) {
        return deadlines.find(task.getProcessInstanceId(), DECISION_PERIOD)
                .map(d -> d.status() == RunningDeadline.Status.PAUSED).orElse(false);
    }

    private String entryName(DelegateTask task) {
        Object entry = task.getVariable(EXTENSION_ENTRY);
        return entry == null ? "期限" : deadlines.catalogue().entry(entry.toString()).name();
    }

    static List<String> recused(DelegateTask task) {
        Object value = task.getVariable(RECUSED_OFFICERS);
        return value == null || value.toString().isBlank() ? List.of() : List.of(value.toString().split(","));
    }

    static String proposalName(String proposal) {
        return switch (proposal) {
            case "PENALTY" -> "给予行政处罚";
            case "NO_PENALTY" -> "不予行政处罚";
            case "TRANSFER_JUDICIAL" -> "涉嫌犯罪，移送司法机关";
            case "TRANSFER_AGENCY" -> "移送有权机关";
            default -> "撤销案件";
        };
    }

    private String required(DelegateTask task, String actor, String field, String label) {
        String value = FormValues.text(task, field);
        if (value == null) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请填写" + label);
        }
        return value;
    }

    private String choice(DelegateTask task, String actor, String field, String label, Set<String> allowed) {
        String value = FormValues.text(task, field);
        if (value == null) {
            throw refusals.refuse(task, actor, "FIELD_REQUIRED", "请选择" + label);
        }
        if (!allowed.contains(value)) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "的选项不正确");
        }
        return value;
    }

    private void amount(DelegateTask task, String actor, String field, String label) {
        try {
            Double value = FormValues.amount(task, field);
            if (value != null && value < 0) {
                throw new IllegalArgumentException(field);
            }
        } catch (IllegalArgumentException e) {
            throw refusals.refuse(task, actor, "FIELD_INVALID", label + "须为不小于零的数额（元）");
        }
    }

    private void record(DelegateTask task, String actor, String action, String summary, Map<String, Object> data) {
        Map<String, Object> recorded = new LinkedHashMap<>(data);
        recorded.put("processInstanceId", task.getProcessInstanceId());
        recorded.put("task", task.getTaskDefinitionKey());
        caseRecord.append(TaskActors.caseIdOf(task), actor, action, summary, recorded);
    }
}

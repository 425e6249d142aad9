package cn.zhifa.documents;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The enforcement documents the system generates, with the fields each must contain. The 行政处罚决定书 carries every
 * item of 行政处罚法 第五十九条; the notices carry the rights of 第四十四条; the 催告书 the items of 行政强制法 第三十五条; the 强制执行申请书 those of 第五十五条.
 * Fields filled from the case (caseNo, caseTitle, partyName, partyAddress, agencyName, officerNames, documentDate …)
 * count as present when the case has them. A type that does not require the case number (立案审批表, 法制审核意见书 and
 * 集体讨论记录 of a decision outside a filed case) prints （尚未编号） until the case has one.
 */
public enum DocumentType {

    CASE_FILING_APPROVAL("立案审批表", "case-filing-approval.docx", fields(
            "caseTitle", "案由", "partyName", "当事人", "caseSource", "案件来源", "caseSummary", "简要案情",
            "filingBasis", "立案依据", "officerNames", "办案人员")),
    /** 《市场监督管理行政处罚程序规定》第二十条: 决定不予立案的，应当填写不予立案审批表. */
    CASE_NOT_FILED_APPROVAL("不予立案审批表", "case-not-filed-approval.docx", fields(
            "caseTitle", "案由", "partyName", "当事人", "caseSource", "案件来源", "clueFacts", "线索内容",
            "notFilingReason", "不予立案的理由", "officerNames", "办案人员")),
    /** 行政强制法 第二十四条: 当事人、理由、依据、场所设施财物、期限、救济途径、机关名称印章日期. */
    SEIZURE_DECISION("查封、扣押决定书", "seizure-decision.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人", "partyAddress", "当事人地址",
            "seizureItems", "查封、扣押的场所、设施或者财物及理由", "seizureBasis", "查封、扣押的依据",
            "seizurePeriod", "查封、扣押的期限", "agencyName", "行政机关名称", "documentDate", "日期")),
    /** 行政强制法 第二十五条第二款: 延长查封、扣押的决定应当及时书面告知当事人，并说明理由. */
    SEIZURE_EXTENSION_NOTICE("延长查封、扣押期限通知书", "seizure-extension-notice.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人", "seizureItems", "查封、扣押的场所、设施或者财物",
            "extensionReason", "延长的理由", "seizurePeriod", "延长后的期限", "agencyName", "行政机关名称",
            "documentDate", "日期")),
    /** 行政强制法 第二十八条: 解除查封、扣押（含期限届满未作出处理决定的）. */
    SEIZURE_RELEASE("解除查封、扣押决定书", "seizure-release.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人", "seizureItems", "查封、扣押的场所、设施或者财物",
            "releaseReason", "解除的理由", "agencyName", "行政机关名称", "documentDate", "日期")),
    PENALTY_NOTICE("行政处罚事先告知书", "penalty-notice.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人", "facts", "违法事实", "evidence", "证据",
            "legalBasis", "处罚依据", "proposedPenalty", "拟作出的行政处罚", "statementPeriod", "陈述申辩期限",
            "agencyName", "行政机关名称", "documentDate", "日期")),
    HEARING_NOTICE("听证通知书", "hearing-notice.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人", "hearingTime", "听证时间", "hearingPlace", "听证地点",
            "hearingHost", "听证主持人", "hearingClerk", "记录员", "hearingPublicity", "是否公开举行",
            "agencyName", "行政机关名称", "documentDate", "日期")),
    HEARING_REFUSAL_NOTICE("不予听证通知书", "hearing-refusal-notice.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人", "requestedOn", "提出听证要求的日期",
            "refusalReason", "不予听证的理由", "agencyName", "行政机关名称", "documentDate", "日期")),
    HEARING_TRANSCRIPT("听证笔录", "hearing-transcript.docx", fields(
            "caseNo", "案件编号", "caseTitle", "案由", "partyName", "当事人", "hearingTime", "听证时间",
            "hearingPlace", "听证地点", "hearingHost", "听证主持人", "hearingClerk", "记录员",
            "hearingPublicity", "是否公开举行", "attendance", "出席人员", "investigatorStatement", "调查人员提出的事实、证据和处罚建议",
            "partyStatement", "当事人的陈述、申辩和质证", "transcript", "笔录", "signature", "当事人核对签字")),
    HEARING_REPORT("听证报告", "hearing-report.docx", fields(
            "caseNo", "案件编号", "caseTitle", "案由", "partyName", "当事人", "hearingTime", "听证时间",
            "hearingPlace", "听证地点", "hearingHost", "听证主持人", "investigatorStatement", "调查人员意见",
            "partyStatement", "当事人陈述申辩", "factsFound", "听证认定的事实", "evidenceFindings", "证据认定",
            "hostOpinion", "主持人意见")),
    LEGAL_REVIEW_OPINION("法制审核意见书", "legal-review-opinion.docx", fields(
            "caseTitle", "案由", "partyName", "当事人", "decisionTitle", "拟作出的执法决定", "submittedDate", "送审日期",
            "reviewer", "审核人员", "reviewOpinion", "审核意见", "reviewConclusion", "审核结论", "documentDate", "日期")),
    COLLECTIVE_DISCUSSION("集体讨论记录", "collective-discussion.docx", fields(
            "caseTitle", "案由", "discussionTime", "讨论时间", "discussionPlace", "讨论地点",
            "chair", "主持人", "attendees", "出席人员", "absentees", "缺席人员", "observers", "列席人员",
            "recorder", "记录人", "discussion", "讨论内容", "conclusion", "讨论决定")),
    PENALTY_DECISION("行政处罚决定书", "penalty-decision.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人姓名或者名称", "partyAddress", "当事人地址",
            "facts", "违法事实", "evidence", "证据", "penaltyType", "行政处罚的种类", "legalBasis", "行政处罚的依据",
            "performanceMethod", "履行方式", "performanceDeadline", "履行期限",
            "reconsiderationOrgan", "行政复议机关", "court", "行政诉讼管辖法院",
            "agencyName", "作出决定的行政机关名称", "documentDate", "作出决定的日期")),
    /** 行政处罚法 第五十二条: the numbered form filled on the spot and handed over, signed by the officers. */
    ON_THE_SPOT_DECISION("当场行政处罚决定书", "on-the-spot-decision.docx", fields(
            "caseNo", "决定书编号", "partyName", "当事人", "facts", "违法行为", "penaltyType", "行政处罚的种类",
            "legalBasis", "行政处罚的依据", "fineAmount", "罚款数额", "decisionTime", "时间", "decisionPlace", "地点",
            "performanceMethod", "履行方式和期限", "reconsiderationOrgan", "行政复议机关", "court", "行政诉讼管辖法院",
            "agencyName", "行政机关名称", "officerSignature", "执法人员签名或者盖章")),
    NO_PENALTY_DECISION("不予行政处罚决定书", "no-penalty-decision.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人姓名或者名称", "partyAddress", "当事人地址",
            "facts", "案件事实", "noPenaltyReason", "不予行政处罚的理由", "legalBasis", "依据",
            "reconsiderationOrgan", "行政复议机关", "court", "行政诉讼管辖法院",
            "agencyName", "行政机关名称", "documentDate", "日期")),
    SERVICE_RECEIPT("送达回证", "service-receipt.docx", fields(
            "caseNo", "案件编号", "servedDocument", "送达文书名称及文号", "recipient", "受送达人",
            "serviceAddress", "送达地点", "serviceMethod", "送达方式", "server", "送达人", "serviceTime", "送达时间")),
    DEMAND_NOTICE("催告书", "demand-notice.docx", fields(
            "caseNo", "案件编号", "partyName", "当事人", "decisionNo", "行政决定文号", "obligation", "应当履行的义务",
            "performanceDeadline", "履行期限", "performanceMethod", "履行方式", "agencyName", "行政机关名称",
            "documentDate", "日期")),
    /**
     * 行政强制法 第五十五条: the application to the people's court, with the decision, the party's position and the
     * 催告 that went before it.
     */
    COURT_ENFORCEMENT_APPLICATION("强制执行申请书", "court-enforcement-application.docx", fields(
            "caseNo", "案件编号", "partyName", "被申请人", "partyAddress", "被申请人地址", "decisionNo", "行政决定文号",
            "obligation", "申请执行的内容", "dunningRecord", "催告情况", "court", "受理申请的人民法院",
            "agencyName", "申请人", "documentDate", "日期")),
    CASE_CLOSING_APPROVAL("结案审批表", "case-closing-approval.docx", fields(
            "caseNo", "案件编号", "caseTitle", "案由", "partyName", "当事人", "decisionSummary", "处理决定",
            "executionStatus", "执行情况", "closingReason", "结案理由", "officerNames", "办案人员"));

    private final String chineseName;
    private final String templateFile;
    private final Map<String, String> requiredFields;

    DocumentType(String chineseName, String templateFile, Map<String, String> requiredFields) {
        this.chineseName = chineseName;
        this.templateFile = templateFile;
        this.requiredFields = requiredFields;
    }

    public String chineseName() {
        return chineseName;
    }

    /** File name of the template, in the bundled templates and in the administrator's template directory. */
    public String templateFile() {
        return templateFile;
    }

    /** Field key → Chinese label, in the order a person reads them. */
    public Map<String, String> requiredFields() {
        return requiredFields;
    }

    /**
     * The required fields a process supplies (the element template "生成文书" asks for them): all but those the case
     * register fills and the author's own name.
     */
    public Map<String, String> fieldsFromProcess() {
        Map<String, String> fields = new LinkedHashMap<>(requiredFields);
        fields.keySet().removeAll(DocumentModel.REGISTER_OWNED.keySet());
        fields.remove(DocumentAuthoring.RULES.get(this).authorNameField());
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static Map<String, String> fields(String... keysAndLabels) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            fields.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(fields);
    }
}

package cn.zhifa.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Writes the bundled .docx templates (poi-tl {{tag}} syntax) to src/main/resources/documents/templates. Run once
 * after changing a layout; the output is committed. Each tag sits in one run so that poi-tl finds it.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) cn.zhifa.documents.TemplateGenerator DIR</pre>
 */
public final class TemplateGenerator {

    private static final String FONT = "宋体";

    /** A line of a letter-style document, or a row of a form-style document. */
    private record Line(String text, ParagraphAlignment align, boolean bold) {
    }

    private TemplateGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/documents/templates");
        Files.createDirectories(dir);
        form(dir, DocumentType.CASE_FILING_APPROVAL, List.of(
                "案件编号", "{{caseNo}}", "案由", "{{caseTitle}}", "案件来源", "{{caseSource}}",
                "当事人", "{{partyName}}", "证件号码", "{{partyIdNumber}}", "地址（住所）", "{{partyAddress}}",
                "简要案情", "{{caseSummary}}", "立案依据", "{{filingBasis}}", "承办机构", "{{handlingUnitName}}",
                "办案人员", "{{officerNames}}", "承办机构意见", "{{unitOpinion}}", "负责人审批意见", "{{approverOpinion}}",
                "填表日期", "{{documentDate}}"));
        form(dir, DocumentType.CASE_NOT_FILED_APPROVAL, List.of(
                "登记号", "{{caseId}}", "案由", "{{caseTitle}}", "案件来源", "{{caseSource}}",
                "当事人", "{{partyName}}", "证件号码", "{{partyIdNumber}}", "地址（住所）", "{{partyAddress}}",
                "线索内容", "{{clueFacts}}", "承办机构意见", "{{unitOpinion}}", "不予立案的理由", "{{notFilingReason}}",
                "承办机构", "{{handlingUnitName}}", "办案人员", "{{officerNames}}", "负责人审批意见", "{{approverOpinion}}",
                "填表日期", "{{documentDate}}"));
        letter(dir, DocumentType.SEIZURE_DECISION, List.of(
                "{{partyName}}：",
                "地址（住所）：{{partyAddress}}",
                "本机关在调查{{caseTitle}}一案中，决定对下列场所、设施或者财物实施查封、扣押：{{seizureItems}}",
                "依据：{{seizureBasis}}。查封、扣押的期限：{{seizurePeriod}}（《中华人民共和国行政强制法》第二十五条）。",
                "查封、扣押的场所、设施或者财物清单附后，由当事人和执法人员签名或者盖章。对物品需要进行检测、检验、检疫或者技术鉴定的，查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间。",
                "你（单位）如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法提起行政诉讼。"));
        letter(dir, DocumentType.SEIZURE_EXTENSION_NOTICE, List.of(
                "{{partyName}}：",
                "本机关对你（单位）的下列场所、设施或者财物实施的查封、扣押：{{seizureItems}}",
                "因{{extensionReason}}，经本机关负责人批准，根据《中华人民共和国行政强制法》第二十五条的规定，决定延长查封、扣押期限至{{seizurePeriod}}。"));
        letter(dir, DocumentType.SEIZURE_RELEASE, List.of(
                "{{partyName}}：",
                "本机关对你（单位）的下列场所、设施或者财物实施的查封、扣押：{{seizureItems}}",
                "{{releaseReason}}根据《中华人民共和国行政强制法》第二十八条的规定，本机关决定解除上述查封、扣押，请你（单位）于收到本决定书后及时办理财物退还手续。"));
        letter(dir, DocumentType.PENALTY_NOTICE, List.of(
                "{{partyName}}：",
                "经调查，你（单位）存在以下违法事实：{{facts}}",
                "以上事实有下列证据证明：{{evidence}}",
                "你（单位）的上述行为违反了{{legalBasis}}的规定。依据上述规定，本机关拟对你（单位）作出如下行政处罚：{{proposedPenalty}}。",
                "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。请于{{statementPeriod}}向本机关提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。",
                "{{hearingRight}}",
                "联系人：{{contactPerson}}　联系电话：{{contactPhone}}"));
        letter(dir, DocumentType.HEARING_NOTICE, List.of(
                "{{partyName}}：",
                "根据你（单位）的要求，本机关决定于{{hearingTime}}在{{hearingPlace}}就{{caseTitle}}一案举行听证。本次听证{{hearingPublicity}}。",
                "听证主持人：{{hearingHost}}　记录员：{{hearingClerk}}",
                "请你（单位）准时出席，并携带有关证据材料。你（单位）可以亲自参加听证，也可以委托一至二人代理；委托代理人参加听证的，应当提交授权委托书。你（单位）认为听证主持人、记录员与本案有直接利害关系的，有权申请回避。你（单位）有正当理由要求延期举行听证的，应当在听证前提出。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。",
                "联系人：{{contactPerson}}　联系电话：{{contactPhone}}"));
        letter(dir, DocumentType.HEARING_REFUSAL_NOTICE, List.of(
                "{{partyName}}：",
                "你（单位）于{{requestedOn}}就{{caseTitle}}一案提出的听证要求，经本机关审查，{{refusalReason}}。",
                "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，本机关决定不予听证。",
                "联系人：{{contactPerson}}　联系电话：{{contactPhone}}"));
        form(dir, DocumentType.HEARING_TRANSCRIPT, List.of(
                "案件编号", "{{caseNo}}", "案由", "{{caseTitle}}", "当事人", "{{partyName}}",
                "听证时间", "{{hearingTime}}", "听证地点", "{{hearingPlace}}", "是否公开举行", "{{hearingPublicity}}",
                "听证主持人", "{{hearingHost}}", "记录员", "{{hearingClerk}}", "出席人员", "{{attendance}}",
                "调查人员提出的事实、证据和处罚建议", "{{investigatorStatement}}",
                "当事人的陈述、申辩和质证", "{{partyStatement}}", "笔录", "{{transcript}}",
                "当事人核对签字", "{{signature}}", "听证主持人签名", "", "记录员签名", ""));
        form(dir, DocumentType.HEARING_REPORT, List.of(
                "案件编号", "{{caseNo}}", "案由", "{{caseTitle}}", "当事人", "{{partyName}}",
                "听证时间", "{{hearingTime}}", "听证地点", "{{hearingPlace}}", "听证主持人", "{{hearingHost}}",
                "记录员", "{{hearingClerk}}", "调查人员意见", "{{investigatorStatement}}",
                "当事人陈述申辩", "{{partyStatement}}", "听证认定的事实", "{{factsFound}}", "证据认定", "{{evidenceFindings}}",
                "笔录签字情况", "{{signature}}", "主持人意见", "{{hostOpinion}}", "报告日期", "{{documentDate}}"));
        form(dir, DocumentType.LEGAL_REVIEW_OPINION, List.of(
                "案件编号", "{{caseNo}}", "案由", "{{caseTitle}}", "当事人", "{{partyName}}",
                "承办机构", "{{handlingUnitName}}", "拟作出的执法决定", "{{decisionTitle}}",
                "送审日期", "{{submittedDate}}", "审核人员", "{{reviewer}}",
                "审核意见", "{{reviewOpinion}}", "审核结论", "{{reviewConclusion}}", "审核日期", "{{documentDate}}"));
        form(dir, DocumentType.COLLECTIVE_DISCUSSION, List.of(
                "案件编号", "{{caseNo}}", "案由", "{{caseTitle}}", "讨论时间", "{{discussionTime}}",
                "讨论地点", "{{discussionPlace}}", "主持人", "{{chair}}", "出席人员", "{{attendees}}",
                "缺席人员", "{{absentees}}", "列席人员", "{{observers}}", "记录人", "{{recorder}}",
                "讨论内容", "{{discussion}}", "讨论决定", "{{conclusion}}", "出席人员签名", "{{signatures}}"));
        letter(dir, DocumentType.PENALTY_DECISION, List.of(
                "当事人：{{partyName}}",
                "统一社会信用代码（公民身份号码）：{{partyIdNumber}}",
                "地址（住所）：{{partyAddress}}",
                "法定代表人（负责人）：{{legalRepresentative}}",
                "经查，当事人存在以下违法事实：{{facts}}",
                "以上事实有下列证据证明：{{evidence}}",
                "{{statementHandling}}",
                "当事人的上述行为违反了{{legalBasis}}的规定。依据上述规定，本机关决定对当事人作出如下行政处罚：{{penaltyType}}。",
                "履行方式和期限：{{performanceMethod}}；{{performanceDeadline}}。到期不缴纳罚款的，本机关可以依照《中华人民共和国行政处罚法》第七十二条的规定，每日按罚款数额的百分之三加处罚款。",
                "当事人如不服本处罚决定，可以自收到本决定书之日起六十日内向{{reconsiderationOrgan}}申请行政复议，也可以自收到本决定书之日起六个月内依法向{{court}}提起行政诉讼。行政复议或者行政诉讼期间，本处罚决定不停止执行，法律另有规定的除外。"));
        letter(dir, DocumentType.ON_THE_SPOT_DECISION, List.of(
                "当事人：{{partyName}}",
                "统一社会信用代码（公民身份号码）：{{partyIdNumber}}",
                "地址（住所）：{{partyAddress}}",
                "违法行为：{{facts}}",
                "当事人陈述、申辩：{{partyStatement}}",
                "当事人的上述行为违反了{{legalBasis}}的规定。依据上述规定，当场作出如下行政处罚：{{penaltyType}}；罚款数额：{{fineAmount}}。",
                "履行方式和期限：{{performanceMethod}}",
                "当事人如不服本处罚决定，可以自收到本决定书之日起六十日内向{{reconsiderationOrgan}}申请行政复议，也可以自收到本决定书之日起六个月内依法向{{court}}提起行政诉讼。行政复议或者行政诉讼期间，本处罚决定不停止执行，法律另有规定的除外。",
                "处罚时间：{{decisionTime}}　处罚地点：{{decisionPlace}}",
                "执法人员（签名或者盖章）：{{officerSignature}}",
                "当事人签收：＿＿＿＿（当事人拒绝签收的，由执法人员在此注明）"));
        letter(dir, DocumentType.NO_PENALTY_DECISION, List.of(
                "当事人：{{partyName}}",
                "统一社会信用代码（公民身份号码）：{{partyIdNumber}}",
                "地址（住所）：{{partyAddress}}",
                "经查：{{facts}}",
                "{{evidence}}",
                "依据{{legalBasis}}的规定，本机关决定对当事人不予行政处罚。理由如下：{{noPenaltyReason}}",
                "当事人如不服本决定，可以自收到本决定书之日起六十日内向{{reconsiderationOrgan}}申请行政复议，也可以自收到本决定书之日起六个月内依法向{{court}}提起行政诉讼。"));
        form(dir, DocumentType.SERVICE_RECEIPT, List.of(
                "案件编号", "{{caseNo}}", "送达文书名称及文号", "{{servedDocument}}", "受送达人", "{{recipient}}",
                "送达地点", "{{serviceAddress}}", "送达方式", "{{serviceMethod}}", "送达人", "{{server}}",
                "送达时间", "{{serviceTime}}", "受送达人签名或盖章", "{{recipientSignature}}",
                "代收人及代收理由", "{{proxyRecipient}}", "见证人", "{{witness}}", "备注", "{{remarks}}"));
        letter(dir, DocumentType.DEMAND_NOTICE, List.of(
                "{{partyName}}：",
                "本机关于{{decisionDate}}作出{{decisionNo}}，你（单位）至今未履行该决定确定的义务。",
                "根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你（单位）于{{performanceDeadline}}前履行下列义务：{{obligation}}。",
                "金额：{{amount}}　履行方式：{{performanceMethod}}",
                "你（单位）依法享有陈述权和申辩权，可以在收到本催告书之日起三日内向本机关提出。逾期仍不履行的，本机关将依法申请人民法院强制执行。",
                "联系人：{{contactPerson}}　联系电话：{{contactPhone}}"));
        letter(dir, DocumentType.COURT_ENFORCEMENT_APPLICATION, List.of(
                "申请人：{{agencyName}}",
                "被申请人：{{partyName}}　地址：{{partyAddress}}",
                "{{court}}：",
                "申请人作出的{{decisionNo}}已经送达被申请人。被申请人在法定期限内未申请行政复议，也未提起行政诉讼，又不履行该决定。",
                "催告情况：{{dunningRecord}}",
                "根据《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条的规定，申请人民法院强制执行：{{obligation}}。",
                "附：行政处罚决定书及作出决定的事实、理由和依据；当事人的意见及催告情况；申请强制执行标的情况。"));
        form(dir, DocumentType.CASE_CLOSING_APPROVAL, List.of(
                "案件编号", "{{caseNo}}", "案由", "{{caseTitle}}", "当事人", "{{partyName}}",
                "立案日期", "{{filedDate}}", "处理决定", "{{decisionSummary}}", "执行情况", "{{executionStatus}}",
                "结案理由", "{{closingReason}}", "办案人员", "{{officerNames}}", "承办机构意见", "{{unitOpinion}}",
                "负责人审批意见", "{{approverOpinion}}", "填表日期", "{{documentDate}}"));
    }

    /** A letter: agency, document name, number, body paragraphs, then agency with seal and date at the right. */
    private static void letter(Path dir, DocumentType type, List<String> body) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            heading(doc, type, true);
            for (String text : body) {
                paragraph(doc, new Line(text, ParagraphAlignment.BOTH, false), 24).setIndentationFirstLine(480);
            }
            paragraph(doc, new Line("", ParagraphAlignment.RIGHT, false), 24);
            paragraph(doc, new Line("{{agencyName}}（印章）", ParagraphAlignment.RIGHT, false), 24);
            paragraph(doc, new Line("{{documentDate}}", ParagraphAlignment.RIGHT, false), 24);
            write(doc, dir.resolve(type.templateFile()));
        }
    }

    /** A form: agency, document name, then a two-column table of label and value. */
    private static void form(Path dir, DocumentType type, List<String> labelsAndValues) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            heading(doc, type, false);
            XWPFTable table = doc.createTable(labelsAndValues.size() / 2, 2);
            table.setWidth("100%");
            table.setWidthType(TableWidthType.PCT);
            for (int i = 0; i < labelsAndValues.size(); i += 2) {
                XWPFTableRow row = table.getRow(i / 2);
                cell(row, 0, labelsAndValues.get(i), true);
                cell(row, 1, labelsAndValues.get(i + 1), false);
            }
            write(doc, dir.resolve(type.templateFile()));
        }
    }

    private static void heading(XWPFDocument doc, DocumentType type, boolean withNumber) {
        paragraph(doc, new Line("{{agencyName}}", ParagraphAlignment.CENTER, true), 32);
        paragraph(doc, new Line(type.chineseName(), ParagraphAlignment.CENTER, true), 36);
        if (withNumber) {
            paragraph(doc, new Line("{{caseNo}}", ParagraphAlignment.RIGHT, false), 24);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, Line line, int halfPoints) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(line.align());
        paragraph.setSpacingAfter(120);
        run(paragraph, line.text(), line.bold(), halfPoints);
        return paragraph;
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        var cell = row.getCell(column);
        cell.setWidth(column == 0 ? "25%" : "75%");
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        run(paragraph, text, bold, 24);
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, int halfPoints) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(halfPoints / 2.0);
    }

    private static void write(XWPFDocument doc, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
        }
    }
}

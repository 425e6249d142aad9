package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureActorTaskListener.*;
import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.record.CaseRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What each disclosure task's form decides, on completion, checked on the server: the prepared text (redacted again
 * after the preparer's edits) and the exemption with its reason and basis; the head's decision on withholding; the
 * review (a rejection needs reasons and goes back to the preparer); the withdrawal with its public notice (required
 * for a penalty: 行政处罚法 第四十八条第二款 公开说明理由); a correction request's result, and its review. The gateways
 * read the engine-owned routes set here, never a form value.
 */
@Component("disclosureStepsTaskListener")
class DisclosureStepsTaskListener implements TaskListener {

    private static final List<String> EXEMPTIONS = Stream.of(Exemption.values()).map(Enum::name).toList();
    private static final List<String> HANDLINGS = Stream.of(Exemption.Handling.values()).map(Enum::name).toList();

    private final CaseRegister cases;
    private final DisclosureStore store;
    private final DisclosureDrafts drafts;
    private final CaseRecord caseRecord;
    private final DisclosureRefusals refusals;
    private final PublicationTerms terms;

    DisclosureStepsTaskListener(CaseRegister cases, DisclosureStore store, DisclosureDrafts drafts,
            CaseRecord caseRecord, DisclosureRefusals refusals, PublicationTerms terms) {
        this.terms = terms;
        this.cases = cases;
        this.store = store;
        this.drafts = drafts;
        this.caseRecord = caseRecord;
        this.refusals = refusals;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActors.actorOf(task);
        DisclosureForm form = new DisclosureForm(task, actor, refusals);
        switch (task.getTaskDefinitionKey()) {
            case PREPARE -> prepare(task, actor, form);
            case APPROVE_WITHHOLDING -> approveWithholding(task, actor, form);
            case REVIEW -> review(task, actor, form);
            case WITHDRAW -> withdraw(task, actor, form);
            case HANDLE_CORRECTION -> handleCorrection(task, actor, form);
            case REVIEW_CORRECTION -> reviewCorrection(task, actor, form);
            default -> caseRecord.append(TaskActors.caseIdOf(task), actor, "DISCLOSURE_OVERDUE_SUPERVISED",
                    task.getName() + "：" + textOr(form.optionalText(SUPERVISION_NOTE, "督办意见"), "已督办"), Map.of());
        }
    }

    private void prepare(DelegateTask task, String actor, DisclosureForm form) {
        DisclosureStore.Row row = row(task);
        Exemption exemption = Exemption.valueOf(form.choice(EXEMPTION, "是否涉及不予公开的情形", EXEMPTIONS));
        Exemption.Handling handling = null;
        String reason = null;
        String basis = null;
        List<String> exempt = List.of();
        if (exemption != Exemption.NONE) {
            handling = Exemption.Handling.valueOf(form.choice(EXEMPTION_HANDLING, "处理方式（不予公开或适当处理后公开）",
                    HANDLINGS));
            reason = form.text(EXEMPTION_REASON, "不予公开或适当处理的理由");
            basis = form.text(EXEMPTION_BASIS, "法律依据");
            if (handling == Exemption.Handling.REDACT) {
                exempt = form.lines(ADDITIONAL_REDACTIONS, "需隐去的内容");
                if (exempt.isEmpty()) {
                    throw form.refuse("FIELD_REQUIRED", "适当处理后公开的，请逐行填写需隐去的内容");
                }
            }
        }
        PublicRecord edited = edited(row.text(), form.text(PUBLIC_CONCLUSION, "执法结论"),
                form.text(PUBLIC_FACTS, "主要案由（违法事实）"), form.optionalText(PUBLIC_BASIS, "依据"),
                form.optionalText(PUBLIC_PENALTY, "处罚内容"));
        CaseDetail detail = cases.find(row.caseId()).orElseThrow();
        DisclosureDrafts.Draft draft = drafts.redact(edited, detail.parties(), exempt);
        store.prepare(row.id(), draft.text(), exemption.name(), handling == null ? null : handling.name(), reason,
                basis, actor);
        PublicRecord text = draft.text();
        task.setVariable(DRAFT_TEXT, text.asText());
        // what the automatic redaction of the first draft removed stays listed, with what this round removed
        task.setVariable(REDACTION_TEXT, merged((String) task.getVariable(REDACTION_TEXT), draft));
        task.setVariable(PUBLIC_CONCLUSION, text.conclusion());
        task.setVariable(PUBLIC_FACTS, text.facts());
        task.setVariable(PUBLIC_BASIS, text.basis());
        task.setVariable(PUBLIC_PENALTY, text.penalty());
        task.setVariable(FULL_TEXT_PREVIEW, text.fullText());
        // the term follows the 处罚内容 as prepared: the reviewer sees which applies before anything is published
        task.setVariable(PUBLICATION_TERM_TEXT, terms.describe(row.agencyId(), row.kind(), text.penalty()));
        String exemptionText = exemption == Exemption.NONE ? "不涉及不予公开的情形"
                : exemption.chineseName() + "，" + handling.chineseName() + "。理由：" + reason + "。依据：" + basis;
        task.setVariable(EXEMPTION_TEXT, exemptionText);
        task.setVariable(PREPARED_BY, actor);
        // the next review and approval decide afresh: last round's answers must not count for them
        for (String answer : List.of(REVIEW_OUTCOME, REVIEW_REASONS, WITHHOLDING_DECISION, WITHHOLDING_REASONS)) {
            task.setVariable(answer, null);
        }
        String route = handling == Exemption.Handling.WITHHOLD ? "WITHHOLD" : "REVIEW";
        task.setVariable(PREPARATION_ROUTE, route);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disclosureId", row.id());
        data.put("exemption", exemption.name());
        data.put("handling", handling == null ? null : handling.name());
        data.put("reason", reason);
        data.put("basis", basis);
        caseRecord.append(row.caseId(), actor, "DISCLOSURE_PREPARED", "拟定公示信息：" + exemptionText
                + ("WITHHOLD".equals(route) ? "，报负责人审批" : "，提交审查"), data);
    }

    private void approveWithholding(DelegateTask task, String actor, DisclosureForm form) {
        DisclosureStore.Row row = row(task);
        boolean approved = "APPROVE".equals(form.choice(WITHHOLDING_DECISION, "审批意见", List.of("APPROVE", "REFUSE")));
        String reasons = approved ? form.optionalText(WITHHOLDING_REASONS, "理由")
                : form.text(WITHHOLDING_REASONS, "不同意不予公开的理由");
        task.setVariable(WITHHOLDING_APPROVED, approved);
        if (approved) {
            store.withhold(row.id(), actor);
            task.setVariable(DISCLOSURE_STATUS, "WITHHELD");
            caseRecord.append(row.caseId(), actor, "DISCLOSURE_WITHHELD", "负责人批准不予公开：" + row.exemptionReason()
                    + "（依据：" + row.exemptionBasis() + "）" + (reasons == null ? "" : "。" + reasons),
                    Map.of("disclosureId", row.id(), "exemption", String.valueOf(row.exemption())));
        } else {
            task.setVariable(REJECTION_REASONS, "负责人不同意不予公开：" + reasons);
            caseRecord.append(row.caseId(), actor, "DISCLOSURE_WITHHOLDING_REFUSED", "负责人不同意不予公开：" + reasons,
                    Map.of("disclosureId", row.id()));
        }
    }

    private void review(DelegateTask task, String actor, DisclosureForm form) {
        DisclosureStore.Row row = row(task);
        boolean passed = "APPROVE".equals(form.choice(REVIEW_OUTCOME, "审查结论", List.of("APPROVE", "REJECT")));
        String reasons = passed ? form.optionalText(REVIEW_REASONS, "审查意见")
                : form.text(REVIEW_REASONS, "审查未通过的理由");
        task.setVariable(REVIEW_PASSED, passed);
        if (passed) {
            task.setVariable(REVIEWED_BY, actor);
            caseRecord.append(row.caseId(), actor, "DISCLOSURE_REVIEWED", "公示信息审查通过" + (reasons == null ? ""
                    : "：" + reasons), Map.of("disclosureId", row.id(), "text", row.text().asText()));
        } else {
            task.setVariable(REJECTION_REASONS, "审查未通过：" + reasons);
            caseRecord.append(row.caseId(), actor, "DISCLOSURE_REVIEW_REJECTED", "公示信息审查未通过，退回修改：" + reasons,
                    Map.of("disclosureId", row.id()));
        }
    }

    private void withdraw(DelegateTask task, String actor, DisclosureForm form) {
        DisclosureStore.Row row = row(task);
        String notice = row.kind() == DecisionKind.PENALTY ? form.text(WITHDRAWAL_NOTICE, "撤回说明（向社会公开说明理由）")
                : form.optionalText(WITHDRAWAL_NOTICE, "撤回说明");
        store.withdraw(row.id(), actor, Dates.now(), notice);
        caseRecord.append(row.caseId(), actor, "DISCLOSURE_WITHDRAWN", "撤回公示信息" + (notice == null ? ""
                : "，公开说明理由：" + notice), Map.of("disclosureId", row.id(),
                        "remedy", String.valueOf(task.getVariable(REMEDY_KIND))));
    }

    private void handleCorrection(DelegateTask task, String actor, DisclosureForm form) {
        DisclosureStore.Correction request = correction(task);
        boolean correct = "CORRECT".equals(form.choice(CORRECTION_OUTCOME, "处理结果", List.of("CORRECT", "REJECT")));
        String reply = form.text(CORRECTION_REPLY, "处理结果说明");
        if (!correct) {
            store.finishCorrection(request.id(), "REJECTED", reply, actor, Dates.now());
            task.getExecution().setVariableLocal(CORRECTION_ROUTE, "REJECTED");
            caseRecord.append(request.caseId(), actor, "CORRECTION_REJECTED", "更正申请不予更正：" + reply,
                    Map.of("correctionId", request.id(), "disclosureId", request.recordId()));
            return;
        }
        DisclosureStore.Row row = store.find(request.recordId()).orElseThrow();
        DisclosureDrafts.Draft draft = corrected(task, form, row);
        task.getExecution().setVariableLocal(CORRECTED_PREVIEW, draft.text().asText() + "\n\n自动隐去：\n"
                + draft.changesText());
        task.getExecution().setVariableLocal(CORRECTION_HANDLED_BY, actor);
        task.getExecution().setVariableLocal(CORRECTION_ROUTE, "REVIEW");
        caseRecord.append(request.caseId(), actor, "CORRECTION_PROPOSED", "拟予更正，提交审查：" + reply,
                Map.of("correctionId", request.id(), "disclosureId", request.recordId()));
    }

    private void reviewCorrection(DelegateTask task, String actor, DisclosureForm form) {
        DisclosureStore.Correction request = correction(task);
        boolean approved = "APPROVE".equals(form.choice(CORRECTION_REVIEW_OUTCOME, "审查结论",
                List.of("APPROVE", "REJECT")));
        String reasons = approved ? form.optionalText(CORRECTION_REVIEW_REASONS, "审查意见")
                : form.text(CORRECTION_REVIEW_REASONS, "审查未通过的理由");
        task.getExecution().setVariableLocal(CORRECTION_APPROVED, approved);
        if (!approved) {
            task.getExecution().setVariableLocal(CORRECTION_TEXT, task.getVariable(CORRECTION_TEXT)
                    + "\n\n更正审查未通过：" + reasons);
            caseRecord.append(request.caseId(), actor, "CORRECTION_REVIEW_REJECTED", "更正信息审查未通过：" + reasons,
                    Map.of("correctionId", request.id()));
            return;
        }
        DisclosureStore.Row row = store.find(request.recordId()).orElseThrow();
        if (!"PUBLISHED".equals(row.status())) {
            throw form.refuse("DISCLOSURE_NOT_PUBLISHED", "该公示信息已不在公示中（" + row.status() + "），不能更正");
        }
        DisclosureDrafts.Draft draft = corrected(task, form, row);
        store.correct(row.id(), draft.text(), Dates.now());
        String reply = (String) task.getVariable(CORRECTION_REPLY);
        store.finishCorrection(request.id(), "CORRECTED", reply, actor, Dates.now());
        task.setVariable(DRAFT_TEXT, draft.text().asText());
        caseRecord.append(request.caseId(), actor, "CORRECTION_PUBLISHED", "更正后的公示信息审查通过并发布：" + reply,
                Map.of("correctionId", request.id(), "disclosureId", row.id(), "text", draft.text().asText()));
    }

    private DisclosureDrafts.Draft corrected(DelegateTask task, DisclosureForm form, DisclosureStore.Row row) {
        PublicRecord edited = edited(row.text(), form.text(CORRECTED_CONCLUSION, "更正后的执法结论"),
                form.text(CORRECTED_FACTS, "更正后的主要案由（违法事实）"), form.optionalText(CORRECTED_BASIS, "更正后的依据"),
                form.optionalText(CORRECTED_PENALTY, "更正后的处罚内容"));
        return drafts.redact(edited, cases.find(row.caseId()).orElseThrow().parties(), List.of());
    }

    private static PublicRecord edited(PublicRecord text, String conclusion, String facts, String basis,
            String penalty) {
        return new PublicRecord(text.id(), text.agencyName(), text.target(), text.category(), conclusion,
                text.decisionNo(), text.filedOn(), facts, basis == null ? "" : basis, penalty, text.decidedOn(),
                text.publishedAt(), text.correctedAt(), text.supersedes(), text.fullText(), text.publicUntil());
    }

    private static String merged(String earlier, DisclosureDrafts.Draft draft) {
        List<String> lines = new ArrayList<>();
        if (earlier != null && !earlier.startsWith("（")) {
            lines.addAll(List.of(earlier.split("\n")));
        }
        draft.changes().stream().map(Redaction.Change::describe).filter(line -> !lines.contains(line))
                .forEach(lines::add);
        return lines.isEmpty() ? draft.changesText() : String.join("\n", lines);
    }

    private DisclosureStore.Row row(DelegateTask task) {
        return store.find(((Number) task.getVariable(DISCLOSURE_ID)).longValue()).orElseThrow();
    }

    private DisclosureStore.Correction correction(DelegateTask task) {
        return store.correction(((Number) task.getVariable(CORRECTION_ID)).longValue()).orElseThrow();
    }

    private static String textOr(String text, String fallback) {
        return text == null ? fallback : text;
    }
}

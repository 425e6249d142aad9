package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.Deadlines;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.EngineClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Makes the draft from the case register and the decision document, with the personal data of individuals redacted
 * (the list of what was removed goes to the preparer and the reviewer), and starts the publication period of the
 * catalogue (the agency's own length where it set one). Where the agency's rules publish decisions in full, the
 * document's full text is drafted too, redacted the same way. A changed decision's draft supersedes the withdrawn
 * record.
 */
@Component("draftDisclosureDelegate")
class DraftDisclosureDelegate implements JavaDelegate {

    private final CaseRegister cases;
    private final DecisionDocuments documents;
    private final DisclosureDrafts drafts;
    private final DisclosureStore store;
    private final DeadlineService deadlines;
    private final CaseRecord caseRecord;
    private final DisclosureRuleSets ruleSets;
    private final DecisionFullText fullTexts;
    private final PublicationTerms terms;

    DraftDisclosureDelegate(CaseRegister cases, DecisionDocuments documents, DisclosureDrafts drafts,
            DisclosureStore store, DeadlineService deadlines, CaseRecord caseRecord, DisclosureRuleSets ruleSets,
            DecisionFullText fullTexts, PublicationTerms terms) {
        this.ruleSets = ruleSets;
        this.fullTexts = fullTexts;
        this.terms = terms;
        this.cases = cases;
        this.documents = documents;
        this.drafts = drafts;
        this.store = store;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseDetail detail = cases.find(TaskActors.caseIdOf(execution)).orElseThrow();
        DecisionKind kind = DecisionKind.parse(execution.getVariable(DECISION_KIND));
        long documentId = ((Number) execution.getVariable(DECISION_DOCUMENT_ID)).longValue();
        DecisionDocuments.Decision decision = documents.of(detail.id(), documentId).orElseThrow();
        LocalDate decidedOn = LocalDate.parse((String) execution.getVariable(DECIDED_AT));
        DisclosureRuleSet rules = ruleSets.of(detail.agencyId());
        DisclosureDrafts.Draft draft = drafts.draft(detail, kind, decision, decidedOn,
                rules.fullText() ? fullTexts.of(detail.id(), documentId) : null);
        RunningDeadline period = deadlines.track(execution.getProcessInstanceId(), Deadlines.caseKeyOf(execution),
                kind.deadlineEntry(), decidedOn.atStartOfDay(EngineClock.ZONE).toInstant(), detail.agencyId());
        Object previous = execution.getVariable(DISCLOSURE_ID);
        Long supersedes = previous instanceof Number id && store.isWithdrawn(id.longValue()) ? id.longValue() : null;
        long id = store.insertDraft(detail.id(), detail.agencyId(), execution.getProcessInstanceId(), supersedes, kind,
                documentId, draft.text(), OffsetDateTime.ofInstant(period.dueAt(), EngineClock.ZONE));
        PublicRecord text = draft.text();
        execution.setVariable(DISCLOSURE_ID, id);
        execution.setVariable(DRAFT_TEXT, text.asText());
        execution.setVariable(REDACTION_TEXT, draft.changesText());
        execution.setVariable(PUBLIC_CONCLUSION, text.conclusion());
        execution.setVariable(PUBLIC_FACTS, text.facts());
        execution.setVariable(PUBLIC_BASIS, text.basis());
        execution.setVariable(PUBLIC_PENALTY, text.penalty());
        execution.setVariable(FULL_TEXT_PREVIEW, text.fullText());
        execution.setVariable(PUBLICATION_TERM_TEXT, terms.describe(detail.agencyId(), kind, text.penalty()));
        execution.setVariable(REJECTION_REASONS, null);
        String due = Dates.chinese(period.dueAt());
        execution.setVariable(PUBLICATION_DUE_TEXT, "应于" + due + "前公示（" + deadlines.entryFor(detail.agencyId(),
                kind.deadlineEntry()).name() + "，自作出决定之日起算）");
        caseRecord.append(detail.id(), "system", "DISCLOSURE_DRAFTED",
                "拟制公示信息（" + kind.chineseName() + "），应于" + due + "前公示" + (supersedes == null ? ""
                        : "；为变更后的决定更正第" + supersedes + "号公示信息"),
                Map.of("disclosureId", id, "redactions", draft.changes().size(), "dueAt", period.dueAt().toString()));
    }
}

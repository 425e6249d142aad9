package cn.zhifa.disclosure;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.Party;
import cn.zhifa.casefile.PartyKind;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Makes the draft of a record from the case register (agency, parties, filing date) and the decision document
 * (number, facts, basis, penalty), redacted: the fields 执法机关、执法对象、执法类别、执法结论、决定文书号、立案时间、
 * 主要案由/违法事实、依据、处罚内容、作出决定日期.
 */
@Component
class DisclosureDrafts {

    /** The draft and what its redaction removed. */
    record Draft(PublicRecord text, List<Redaction.Change> changes) {

        String changesText() {
            return changes.isEmpty() ? "（未发现需隐去的个人信息）"
                    : changes.stream().map(Redaction.Change::describe).collect(Collectors.joining("\n"));
        }
    }

    private final DecisionDocuments documents;

    DisclosureDrafts(DecisionDocuments documents) {
        this.documents = documents;
    }

    /** {@code fullText}: the decision document's text where the agency publishes it in full, else null. */
    Draft draft(CaseDetail detail, DecisionKind kind, DecisionDocuments.Decision decision, LocalDate decidedOn,
            String fullText) {
        String type = decision.type();
        String conclusion;
        String penalty = null;
        if ("PENALTY_DECISION".equals(type)) {
            conclusion = "给予行政处罚";
            penalty = decision.field("penaltyType");
        } else if ("NO_PENALTY_DECISION".equals(type)) {
            conclusion = "不予行政处罚" + (decision.field("noPenaltyReason") == null ? ""
                    : "。理由：" + decision.field("noPenaltyReason"));
        } else {
            conclusion = firstOf(decision.field("decisionSummary"), decision.field("conclusion"), kind.chineseName());
        }
        String facts = firstOf(decision.field("facts"), detail.title());
        String basis = firstOf(decision.field("legalBasis"), "");
        String number = firstOf(decision.field("caseNo"), detail.caseNo(), "（尚未编号）");
        PublicRecord raw = new PublicRecord(0, detail.agencyName(), target(detail.parties()), kind.chineseName(),
                conclusion, number, documents.filedOn(detail.id()).orElse(null), facts, basis, penalty, decidedOn,
                null, null, null, fullText, null);
        return redact(raw, detail.parties(), List.of());
    }

    /** The text (and the full text) again after the preparer's edits and exempt terms, redacted in the same way. */
    Draft redact(PublicRecord text, List<Party> parties, List<String> exemptTerms) {
        Redaction redaction = new Redaction(parties, exemptTerms);
        PublicRecord redacted = new PublicRecord(text.id(), text.agencyName(), redaction.apply(text.target()),
                text.category(), redaction.apply(text.conclusion()), redaction.apply(text.decisionNo()),
                text.filedOn(), redaction.apply(text.facts()), redaction.apply(text.basis()),
                redaction.apply(text.penalty()), text.decidedOn(), text.publishedAt(), text.correctedAt(),
                text.supersedes(), redaction.apply(text.fullText()), text.publicUntil());
        return new Draft(redacted, redaction.changes());
    }

    /** 执法对象: each party by name; an organisation with its 统一社会信用代码. */
    private static String target(List<Party> parties) {
        return parties.stream().map(party -> party.kind() == PartyKind.ORGANISATION && party.idNumber() != null
                ? party.name() + "（统一社会信用代码：" + party.idNumber() + "）" : party.name())
                .collect(Collectors.joining("、"));
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}

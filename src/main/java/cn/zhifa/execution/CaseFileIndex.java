package cn.zhifa.execution;

import cn.zhifa.boundary.Proceedings;
import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.documents.Attachment;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.service.ServedDocument;
import cn.zhifa.service.ServedDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The case file (案卷) of a closed case as SAMR 第七十八条 orders it: the 正卷 (立案审批表; 行政处罚决定书及送达回证;
 * other documents issued to the party and their receipts; evidence; 听证笔录; 财物处理单据; other material) and the 副卷
 * (审核意见, 集体讨论记录, 听证报告, 结案审批表, other material), with the checklist of what the outcome requires: a
 * required item that is not in the system is named as missing and blocks the archiving. A document counts in its
 * latest version; every 送达回证 is one of its own (each is a version of SERVICE_RECEIPT).
 */
@Component
class CaseFileIndex {

    static final String MAIN = "正卷";
    static final String SUB = "副卷";
    private static final String DISCUSSION_PROCESS = "collective-discussion";

    /** One piece of the file: a document version, an attachment or a bank receipt (recorded, no file of its own). */
    record Item(int seq, String volume, String section, String name, String kind, Long id, String fileName,
            String sha256, Long size) {
    }

    record CaseFile(List<Item> items, List<String> missing) {

        String text() {
            StringBuilder text = new StringBuilder();
            String volume = null;
            for (Item item : items) {
                if (!item.volume().equals(volume)) {
                    volume = item.volume();
                    text.append(volume).append('\n');
                }
                text.append(item.seq()).append(". ").append(item.name());
                if (item.fileName() != null) {
                    text.append("（").append(item.fileName()).append("）");
                }
                text.append('\n');
            }
            if (!missing.isEmpty()) {
                text.append("缺少：").append(String.join("、", missing)).append('\n');
            }
            return text.toString().strip();
        }
    }

    private final CaseRegister cases;
    private final DocumentService documents;
    private final CaseAttachments attachments;
    private final ServedDocuments served;
    private final Proceedings proceedings;
    private final ExecutionStore store;

    CaseFileIndex(CaseRegister cases, DocumentService documents, CaseAttachments attachments, ServedDocuments served,
            Proceedings proceedings, ExecutionStore store) {
        this.cases = cases;
        this.documents = documents;
        this.attachments = attachments;
        this.served = served;
        this.proceedings = proceedings;
        this.store = store;
    }

    CaseFile assemble(long caseId, String outcome) {
        CaseDetail detail = cases.find(caseId).orElseThrow();
        Map<DocumentType, StoredDocument> latest = new LinkedHashMap<>();
        List<StoredDocument> receipts = new ArrayList<>();
        List<StoredDocument> all = documents.documents(caseId);
        Map<Long, DocumentType> typeOf = all.stream().collect(Collectors.toMap(StoredDocument::id, StoredDocument::type));
        all.stream().sorted(Comparator.comparingLong(StoredDocument::id)).forEach(d -> {
            if (d.type() == DocumentType.SERVICE_RECEIPT) {
                receipts.add(d);
            } else {
                latest.merge(d.type(), d, (a, b) -> b.version() > a.version() ? b : a);
            }
        });
        Map<Long, DocumentType> servedTypeOfReceipt = served.ofCase(caseId).stream()
                .filter(s -> s.receiptDocumentId() != null)
                .collect(Collectors.toMap(ServedDocument::receiptDocumentId,
                        s -> typeOf.getOrDefault(s.documentId(), DocumentType.SERVICE_RECEIPT),
                        (a, b) -> a));
        // the case's own decision counts whatever outcome the process was started with: a client starting
        // case-execution over /engine-rest with another outcome must not make the checklist ask for less
        boolean penalty = "PENALTY".equals(outcome) || latest.containsKey(DocumentType.PENALTY_DECISION);
        boolean noPenalty = !penalty
                && ("NO_PENALTY".equals(outcome) || latest.containsKey(DocumentType.NO_PENALTY_DECISION));
        DocumentType decision = penalty ? DocumentType.PENALTY_DECISION : noPenalty ? DocumentType.NO_PENALTY_DECISION
                : null;
        boolean hearingHeld = latest.containsKey(DocumentType.HEARING_NOTICE);
        Builder file = new Builder();

        file.document(MAIN, "（一）立案审批表", DocumentType.CASE_FILING_APPROVAL, latest, true);
        if (decision != null) {
            file.document(MAIN, "（二）行政处罚决定书及送达回证", decision, latest, true);
        }
        List<StoredDocument> decisionReceipts = receipts.stream()
                .filter(r -> decision != null && servedTypeOfReceipt.getOrDefault(r.id(), decision) == decision)
                .toList();
        decisionReceipts.forEach(r -> file.document(MAIN, "（二）行政处罚决定书及送达回证", r));
        if (decision != null && decisionReceipts.isEmpty()) {
            file.missing("《" + decision.chineseName() + "》的" + DocumentType.SERVICE_RECEIPT.chineseName());
        }
        String issued = "（三）对当事人制发的其他法律文书及送达回证";
        file.document(MAIN, issued, DocumentType.PENALTY_NOTICE, latest, penalty);
        file.document(MAIN, issued, DocumentType.HEARING_NOTICE, latest, false);
        file.document(MAIN, issued, DocumentType.HEARING_REFUSAL_NOTICE, latest, false);
        file.document(MAIN, issued, DocumentType.DEMAND_NOTICE, latest, false);
        receipts.stream().filter(r -> !decisionReceipts.contains(r)).forEach(r -> file.document(MAIN, issued, r));
        List<Attachment> attached = attachments.attachments(caseId);
        List<Attachment> evidence = attached.stream().filter(a -> a.kind() == AttachmentKind.EVIDENCE).toList();
        evidence.forEach(a -> file.attachment(MAIN, "（四）证据材料", a));
        if (decision != null && evidence.isEmpty()) {
            file.missing("调查取得的" + AttachmentKind.EVIDENCE.chineseName());
        }
        attached.stream().filter(a -> a.kind() == AttachmentKind.AUDIO_VIDEO).forEach(a -> file.attachment(MAIN,
                "（四）证据材料", a));
        file.document(MAIN, "（五）听证笔录", DocumentType.HEARING_TRANSCRIPT, latest, hearingHeld);
        store.payments(caseId).forEach(p -> file.receipt("（六）财物处理单据", "银行缴款凭证" + p.receiptNo() + "（" + Money.yuan(p.amountFen())
                + "元，" + p.paidOn() + "缴纳）"));
        Set<DocumentType> placed = EnumSet.of(DocumentType.LEGAL_REVIEW_OPINION, DocumentType.COLLECTIVE_DISCUSSION,
                DocumentType.HEARING_REPORT, DocumentType.CASE_CLOSING_APPROVAL);
        placed.addAll(file.placedTypes);
        latest.values().stream().filter(d -> !placed.contains(d.type()))
                .forEach(d -> file.document(MAIN, "（七）其他有关材料", d));

        file.document(SUB, "（三）审核意见", DocumentType.LEGAL_REVIEW_OPINION, latest, detail.submittedForReview());
        file.document(SUB, "（三）审核意见", DocumentType.COLLECTIVE_DISCUSSION, latest,
                proceedings.ran(caseId, DISCUSSION_PROCESS));
        file.document(SUB, "（四）听证报告", DocumentType.HEARING_REPORT, latest, hearingHeld);
        file.document(SUB, "（五）结案审批表", DocumentType.CASE_CLOSING_APPROVAL, latest, true);
        return new CaseFile(List.copyOf(file.items), List.copyOf(file.missing));
    }

    private static final class Builder {

        final List<Item> items = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        final Set<DocumentType> placedTypes = EnumSet.noneOf(DocumentType.class);

        void document(String volume, String section, DocumentType type, Map<DocumentType, StoredDocument> latest,
                boolean required) {
            placedTypes.add(type);
            Optional<StoredDocument> document = Optional.ofNullable(latest.get(type));
            if (document.isPresent()) {
                document(volume, section, document.get());
            } else if (required) {
                missing("《" + type.chineseName() + "》");
            }
        }

        void document(String volume, String section, StoredDocument d) {
            items.add(new Item(items.size() + 1, volume, section, d.typeName(), "DOCUMENT", d.id(), d.fileName(),
                    d.sha256(), d.size()));
        }

        void attachment(String volume, String section, Attachment a) {
            items.add(new Item(items.size() + 1, volume, section, a.kind().chineseName()
                    + (a.description() == null ? "" : "：" + a.description()), "ATTACHMENT", a.id(), a.fileName(),
                    a.sha256(), a.size()));
        }

        void receipt(String section, String name) {
            items.add(new Item(items.size() + 1, MAIN, section, name, "RECEIPT", null, null, null, null));
        }

        void missing(String name) {
            missing.add(name);
        }
    }
}

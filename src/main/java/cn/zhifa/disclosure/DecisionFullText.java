package cn.zhifa.disclosure;

import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.StoredDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

/**
 * The full text of the decision document as it was served: the stored .docx of cn.zhifa.documents (checked against its
 * registered SHA-256 there), as plain text, unredacted: the caller redacts it before anyone sees it.
 */
@Component
class DecisionFullText {

    private final DocumentService documents;

    DecisionFullText(DocumentService documents) {
        this.documents = documents;
    }

    /** The document's text; an unknown document (or one of another case) is an error of the caller, not of a person. */
    String of(long caseId, long documentId) {
        StoredDocument document = documents.find(documentId).filter(found -> found.caseId() == caseId)
                .orElseThrow(() -> new IllegalStateException("The decision document " + documentId + " of case "
                        + caseId + " is not stored: its full text cannot be published"));
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(documents.content(document)));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            return extractor.getText().strip().replaceAll("\n{3,}", "\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException("The decision document " + documentId + " is no readable .docx", e);
        }
    }
}

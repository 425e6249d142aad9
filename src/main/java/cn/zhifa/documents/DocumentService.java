package cn.zhifa.documents;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.system.ZhifaException;
import com.deepoove.poi.XWPFTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates enforcement documents (执法文书) from templates and keeps every version with its SHA-256
 * (seeds-catalogue §5.2, §7.4). Only the author the rule of the document type names, at the stages it lists, may
 * generate it ({@link DocumentAuthoring}); what the case register owns (number, 案由, party, agency, officers, date)
 * and the author's own name are filled here and refused from the caller (422); a document whose required contents
 * are missing is refused (422) with the Chinese list of what is missing. Each generated version is appended to the
 * case record as DOCUMENT_GENERATED.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    static final String NOT_YET_NUMBERED = "（尚未编号）";

    private final CaseRegister cases;
    private final DocumentAuthoring authoring;
    private final StaffDirectory staff;
    private final CaseRecord record;
    private final DocumentTemplates templates;
    private final DocumentStore store;
    private final ContentStore contents;
    private final Clock clock;

    DocumentService(CaseRegister cases, DocumentAuthoring authoring, StaffDirectory staff, CaseRecord record,
            DocumentTemplates templates, DocumentStore store, ContentStore contents, Clock clock) {
        this.cases = cases;
        this.authoring = authoring;
        this.staff = staff;
        this.record = record;
        this.templates = templates;
        this.store = store;
        this.contents = contents;
        this.clock = clock;
    }

    /** Renders the next version of the document; older versions stay as they are. */
    @Transactional
    public StoredDocument generate(long caseId, DocumentType type, Map<String, Object> data, String actor) {
        CaseDetail detail = cases.find(caseId).orElseThrow(() -> notFound(caseId));
        cases.refuseIfArchived(caseId, actor, "生成《" + (type == null ? "文书" : type.chineseName()) + "》");
        DocumentAuthoring.Rule rule = authoring.check(detail, type, actor);
        refuseOwnedFields(type, data, rule);
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(DocumentModel.ZONE).toOffsetDateTime();
        Map<String, String> model = DocumentModel.of(detail, data, now.toLocalDate());
        if (rule.authorNameField() != null) {
            model.put(rule.authorNameField(), staff.displayName(actor));
        }
        if (!model.containsKey("caseNo") && !type.requiredFields().containsKey("caseNo")) {
            model.put("caseNo", NOT_YET_NUMBERED); // a document that may precede the filing says so
        }
        List<String> missing = type.requiredFields().entrySet().stream()
                .filter(field -> !model.containsKey(field.getKey())).map(Map.Entry::getValue).toList();
        if (!missing.isEmpty()) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "DOCUMENT_FIELDS_MISSING",
                    "生成《" + type.chineseName() + "》缺少以下内容：" + String.join("、", missing));
        }
        byte[] docx = render(type, model);
        ContentStore.Stored stored = contents.store(docx);
        int version = store.nextVersion(caseId, type);
        String fileName = type.chineseName() + "-" + (detail.caseNo() != null ? detail.caseNo() : "案件" + caseId)
                + "-第" + version + "版.docx";
        long id = store.insert(caseId, type, version, fileName, stored.sha256(), stored.size(), now, actor);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("documentId", id);
        entry.put("type", type.name());
        entry.put("version", version);
        entry.put("fileName", fileName);
        entry.put("sha256", stored.sha256());
        entry.put("size", stored.size());
        entry.put("fields", new TreeMap<>(model));
        record.append(caseId, actor, "DOCUMENT_GENERATED", "生成《" + type.chineseName() + "》第" + version + "版", entry);
        log.info("Case {}: generated {} version {} ({})", caseId, type, version, stored.sha256());
        return store.find(id).orElseThrow();
    }

    /** A value for a field the register or the author fills is a forgery attempt, not a correction: refused whole. */
    private static void refuseOwnedFields(DocumentType type, Map<String, Object> data, DocumentAuthoring.Rule rule) {
        if (data == null) {
            return;
        }
        List<String> owned = data.keySet().stream().filter(Objects::nonNull)
                .filter(key -> DocumentModel.REGISTER_OWNED.containsKey(key) || key.equals(rule.authorNameField()))
                .map(key -> DocumentModel.REGISTER_OWNED.getOrDefault(key, type.requiredFields().get(key)))
                .sorted().toList();
        if (!owned.isEmpty()) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "DOCUMENT_FIELDS_REGISTER_OWNED",
                    "《" + type.chineseName() + "》的以下内容以案件登记和制作人为准，不能由提交的数据填写：" + String.join("、", owned));
        }
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> latest(long caseId, DocumentType type) {
        return store.latest(caseId, type);
    }

    /** Every stored version of every document of the case. */
    @Transactional(readOnly = true)
    public List<StoredDocument> documents(long caseId) {
        return store.ofCase(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<StoredDocument> find(long documentId) {
        return store.find(documentId);
    }

    /** The .docx bytes of a stored version, checked against its registered SHA-256. */
    public byte[] content(StoredDocument document) {
        try (InputStream in = contents.open(document.sha256())) {
            byte[] bytes = in.readAllBytes();
            if (!sha256(bytes).equals(document.sha256())) {
                throw new ZhifaException(HttpStatus.INTERNAL_SERVER_ERROR, "CONTENT_ALTERED",
                        "文书内容与登记的摘要不一致，可能已被篡改，请联系管理员");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] render(DocumentType type, Map<String, String> model) {
        try (InputStream template = templates.open(type);
                XWPFTemplate rendered = XWPFTemplate.compile(template).render(model);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rendered.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + type + " failed", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ZhifaException notFound(long caseId) {
        return new ZhifaException(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId);
    }
}

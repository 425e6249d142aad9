package cn.zhifa.execution;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.documents.Attachment;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The archived case file as one ZIP: the files in the order of the index recorded at archiving (正卷, then 副卷), and
 * 目录.txt listing each with its SHA-256. Every file's bytes are checked against the hash the record holds, so an
 * export never carries a file that differs from what was archived. Only people of the case's agency may export; the
 * export is recorded with the ZIP's own hash.
 */
@Component
class CaseFileExport {

    static final String INDEX_FILE = "目录.txt";

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final DocumentService documents;
    private final CaseAttachments attachments;
    private final ExecutionRefusals refusals;
    private final ObjectMapper json;

    CaseFileExport(CaseRegister cases, StaffDirectory staff, CaseRecord caseRecord, DocumentService documents,
            CaseAttachments attachments, ExecutionRefusals refusals, ObjectMapper json) {
        this.cases = cases;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.documents = documents;
        this.attachments = attachments;
        this.refusals = refusals;
        this.json = json;
    }

    record Exported(String fileName, byte[] zip) {
    }

    Exported export(long caseId, String user) {
        CaseDetail detail = cases.find(caseId).orElseThrow(() -> ExecutionController.caseNotFound(caseId));
        if (!staff.agencyOf(user).map(detail.agencyId()::equals).orElse(false)) {
            throw refusals.refuse(caseId, user, "导出案卷", HttpStatus.FORBIDDEN, "CASE_FILE_EXPORT_NOT_ALLOWED",
                    "只有" + detail.agencyName() + "的人员可以导出本案案卷", Map.of());
        }
        RecordEntry archived = archivedEntry(caseId, user, "导出案卷", "本案尚未归档，归档后才能导出案卷");
        String heading = "案卷目录\n案件编号：" + detail.reference() + "\n案由：" + detail.title() + "\n依据：执法全过程记录第"
                + archived.seq() + "条（立卷归档，" + archived.recordedAt().toLocalDate() + "）\n";
        Zipped zipped = zip(caseId, user, "导出案卷", archived, item -> true, heading, "");
        byte[] bytes = zipped.zip();
        String fileName = "案卷-" + detail.reference() + ".zip";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fileName", fileName);
        data.put("sha256", sha256(bytes));
        data.put("size", bytes.length);
        data.put("archivedEntrySeq", archived.seq());
        caseRecord.append(caseId, user, "CASE_FILE_EXPORTED", "导出案卷：" + fileName, data);
        return new Exported(fileName, bytes);
    }

    /** A ZIP and, for each file in it, its name and SHA-256 (as checked against the record). */
    record Zipped(byte[] zip, Map<String, String> sha256ByEntry) {
    }

    /** The entry that archived the case (its data is the index); refused with 409 if the case is not archived. */
    RecordEntry archivedEntry(long caseId, String user, String step, String refusal) {
        RecordEntry archived = caseRecord.entries(caseId).stream()
                .filter(e -> ArchiveCaseDelegate.ARCHIVED_ACTION.equals(e.action())).reduce((a, b) -> b)
                .orElse(null);
        if (archived == null || !cases.isArchived(caseId)) {
            throw refusals.refuse(caseId, user, step, HttpStatus.CONFLICT, "CASE_NOT_ARCHIVED", refusal, Map.of());
        }
        return archived;
    }

    /** The items of the index recorded at archiving. */
    JsonNode items(RecordEntry archived) {
        return read(archived).path("items");
    }

    /**
     * The index's items that {@code included} admits as files in the index's order, each checked against its
     * recorded hash, and 目录.txt: {@code heading}, the table of the items, {@code footer}.
     */
    Zipped zip(long caseId, String user, String step, RecordEntry archived, Predicate<JsonNode> included,
            String heading, String footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> hashes = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder(heading).append("\n序号\t卷别\t类目\t材料名称\t文件\tSHA-256\t字节数\n");
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (JsonNode item : items(archived)) {
                if (!included.test(item)) {
                    continue;
                }
                String entryName = null;
                if (item.hasNonNull("fileName")) {
                    entryName = String.format("%s/%02d-%s", item.path("volume").asText(), item.path("seq").asInt(),
                            item.path("fileName").asText());
                    byte[] bytes = content(caseId, user, step, item);
                    zip.putNextEntry(new ZipEntry(entryName));
                    zip.write(bytes);
                    zip.closeEntry();
                    hashes.put(entryName, item.path("sha256").asText());
                }
                index.append(item.path("seq").asInt()).append('\t').append(item.path("volume").asText()).append('\t')
                        .append(item.path("section").asText()).append('\t').append(item.path("name").asText())
                        .append('\t').append(entryName == null ? "（无文件）" : entryName).append('\t')
                        .append(item.path("sha256").asText("-")).append('\t').append(item.path("size").asText("-"))
                        .append('\n');
            }
            index.append(footer);
            zip.putNextEntry(new ZipEntry(INDEX_FILE));
            zip.write(index.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Zipped(out.toByteArray(), hashes);
    }

    private JsonNode read(RecordEntry entry) {
        try {
            return json.readTree(entry.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] content(long caseId, String user, String step, JsonNode item) throws IOException {
        long id = item.path("id").asLong();
        byte[] bytes;
        if ("DOCUMENT".equals(item.path("kind").asText())) {
            StoredDocument document = documents.find(id).filter(d -> d.caseId() == caseId).orElseThrow();
            bytes = documents.content(document);
        } else {
            Attachment attachment = attachments.find(id).filter(a -> a.caseId() == caseId).orElseThrow();
            try (InputStream in = attachments.content(attachment)) {
                bytes = in.readAllBytes();
            }
        }
        if (!sha256(bytes).equals(item.path("sha256").asText())) {
            throw refusals.refuse(caseId, user, step, HttpStatus.CONFLICT, "CASE_FILE_ALTERED",
                    "《" + item.path("name").asText() + "》与归档时记录的SHA-256不一致，不能" + step + "，请报告系统管理员",
                    Map.of("item", item.path("seq").asInt()));
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

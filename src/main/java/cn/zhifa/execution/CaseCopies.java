package cn.zhifa.execution;

import cn.zhifa.casefile.CaseDetail;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.ResidentIdentityNumber;
import cn.zhifa.casefile.UnifiedSocialCreditCode;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.EngineClock;
import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certified copies of an archived case file for outsiders (复制、调阅, 执法全过程记录信息调阅制度): an officer of the
 * case's agency registers the request with the requester, the reason and the materials; a head of that agency
 * approves or refuses it with an opinion; once approved the copy is issued as a ZIP like the export, restricted to
 * the materials asked for, its 目录 ending with 「本复制件与原件核对无误」. Each step is appended to the case record;
 * each refusal too.
 */
@Service
class CaseCopies {

    static final String CERTIFICATION = "本复制件与原件核对无误";
    private static final String REQUEST_STEP = "登记复制申请";
    private static final String DECISION_STEP = "审批复制申请";
    private static final String ISSUE_STEP = "出具复制件";

    /** The materials asked for: the whole file, or documents and attachments of the archived index. */
    record Materials(boolean wholeFile, List<Long> documentIds, List<Long> attachmentIds) {
    }

    private final CaseRegister cases;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final CaseFileExport export;
    private final ExecutionRefusals refusals;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseCopies(CaseRegister cases, StaffDirectory staff, CaseRecord caseRecord, CaseFileExport export,
            ExecutionRefusals refusals, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.export = export;
        this.refusals = refusals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    CopyRequest request(long caseId, CopyRequesterKind kind, String name, String idNumber, String reason,
            Materials materials, String user) {
        CaseDetail detail = ofAgency(caseId, user, REQUEST_STEP);
        RecordEntry archived = export.archivedEntry(caseId, user, REQUEST_STEP, "本案尚未归档，归档后才能申请复制案卷");
        String number = idNumber == null || idNumber.isBlank() ? null : idNumber.strip().toUpperCase();
        checkRequester(kind, number);
        List<String> asked = asked(archived, materials);
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_copy_request (case_id, requester_kind, requester_name, requester_id_number, reason,
                    materials, status, requested_by, requested_at)
                VALUES (:caseId, :kind, :name, :number, :reason, :materials, 'REQUESTED', :by, :now)""")
                .param("caseId", caseId).param("kind", kind.name()).param("name", name.strip())
                .param("number", number).param("reason", reason.strip())
                .param("materials", asked.isEmpty() ? null : String.join(",", asked)).param("by", user)
                .param("now", now).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("copyRequestId", id);
        data.put("requesterKind", kind.name());
        data.put("requesterName", name.strip());
        data.put("reason", reason.strip());
        data.put("materials", asked.isEmpty() ? "WHOLE_FILE" : asked);
        caseRecord.append(caseId, user, "COPY_REQUESTED", kind.chineseName() + "“" + name.strip() + "”申请复制"
                + detail.reference() + "案卷" + (asked.isEmpty() ? "（全部）" : "（" + asked.size() + "件材料）")
                + "，理由：" + reason.strip(), data);
        return find(caseId, id);
    }

    @Transactional
    CopyRequest decide(long caseId, long requestId, boolean approved, String opinion, String user) {
        CaseDetail detail = ofAgency(caseId, user, DECISION_STEP);
        if (!staff.isHeadOf(detail.agencyId(), user)) {
            throw refusals.refuse(caseId, user, DECISION_STEP, HttpStatus.FORBIDDEN, "NOT_AGENCY_HEAD",
                    "复制申请由" + detail.agencyName() + "的负责人审批", Map.of("copyRequestId", requestId));
        }
        CopyRequest request = find(caseId, requestId);
        if (!"REQUESTED".equals(request.status())) {
            throw refusals.refuse(caseId, user, DECISION_STEP, HttpStatus.CONFLICT, "COPY_REQUEST_DECIDED",
                    "该复制申请已经审批，不能再次审批", Map.of("copyRequestId", requestId));
        }
        jdbc.sql("""
                UPDATE case_copy_request SET status = :status, decided_by = :by, decided_at = :now, opinion = :opinion
                WHERE id = :id""").param("status", approved ? "APPROVED" : "REFUSED").param("by", user)
                .param("now", OffsetDateTime.now(clock)).param("opinion", opinion.strip()).param("id", requestId)
                .update();
        caseRecord.append(caseId, user, approved ? "COPY_APPROVED" : "COPY_REFUSED", (approved ? "批准" : "不予批准")
                + request.requesterName() + "的复制申请，意见：" + opinion.strip(),
                Map.of("copyRequestId", requestId, "opinion", opinion.strip()));
        return find(caseId, requestId);
    }

    /** The certified copy of an approved request; each issue is recorded with the ZIP's hash and every file's. */
    @Transactional
    CaseFileExport.Exported issue(long caseId, long requestId, String user) {
        CaseDetail detail = ofAgency(caseId, user, ISSUE_STEP);
        CopyRequest request = find(caseId, requestId);
        if (!"APPROVED".equals(request.status()) && !"ISSUED".equals(request.status())) {
            throw refusals.refuse(caseId, user, ISSUE_STEP, HttpStatus.CONFLICT, "COPY_NOT_APPROVED",
                    "REFUSED".equals(request.status()) ? "该复制申请未获批准，不能出具复制件"
                            : "该复制申请尚未经负责人批准，不能出具复制件", Map.of("copyRequestId", requestId));
        }
        RecordEntry archived = export.archivedEntry(caseId, user, ISSUE_STEP, "本案尚未归档，不能出具复制件");
        Set<String> asked = new LinkedHashSet<>(request.materials());
        String heading = "复制件目录\n案件编号：" + detail.reference() + "\n案由：" + detail.title() + "\n申请人："
                + request.requesterKind().chineseName() + " " + request.requesterName()
                + (request.requesterIdNumber() == null ? "" : "（" + request.requesterIdNumber() + "）") + "\n复制理由："
                + request.reason() + "\n批准：" + staff.displayName(request.decidedBy()) + "，"
                + request.decidedAt().toLocalDate() + "，意见：" + request.opinion() + "\n依据：执法全过程记录第"
                + archived.seq() + "条（立卷归档，" + archived.recordedAt().toLocalDate() + "）\n";
        String footer = "\n" + CERTIFICATION + "\n出具机关：" + detail.agencyName() + "\n出具日期：" + EngineClock.today()
                + "\n";
        CaseFileExport.Zipped zipped = export.zip(caseId, user, ISSUE_STEP, archived,
                item -> request.wholeFile() || asked.contains(key(item)), heading, footer);
        String fileName = "复制件-" + detail.reference() + "-" + requestId + ".zip";
        jdbc.sql("UPDATE case_copy_request SET status = 'ISSUED', issued_at = COALESCE(issued_at, :now) WHERE id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", requestId).update();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("copyRequestId", requestId);
        data.put("fileName", fileName);
        data.put("sha256", CaseFileExport.sha256(zipped.zip()));
        data.put("size", zipped.zip().length);
        data.put("files", zipped.sha256ByEntry());
        data.put("archivedEntrySeq", archived.seq());
        caseRecord.append(caseId, user, "COPY_ISSUED", "向" + request.requesterName() + "出具复制件：" + fileName + "（"
                + zipped.sha256ByEntry().size() + "个文件）", data);
        return new CaseFileExport.Exported(fileName, zipped.zip());
    }

    List<CopyRequest> requests(long caseId, String user) {
        ofAgency(caseId, user, "查看复制申请");
        return jdbc.sql("SELECT * FROM case_copy_request WHERE case_id = :caseId ORDER BY id").param("caseId", caseId)
                .query(CaseCopies::mapped).list();
    }

    CopyRequest find(long caseId, long requestId) {
        return jdbc.sql("SELECT * FROM case_copy_request WHERE id = :id AND case_id = :caseId")
                .param("id", requestId).param("caseId", caseId).query(CaseCopies::mapped).optional()
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "COPY_REQUEST_NOT_FOUND",
                        "复制申请不存在：" + requestId));
    }

    private CaseDetail ofAgency(long caseId, String user, String step) {
        CaseDetail detail = cases.find(caseId).orElseThrow(() -> ExecutionController.caseNotFound(caseId));
        if (!staff.agencyOf(user).map(detail.agencyId()::equals).orElse(false)) {
            throw refusals.refuse(caseId, user, step, HttpStatus.FORBIDDEN, "CASE_COPY_NOT_ALLOWED",
                    "只有" + detail.agencyName() + "的人员可以办理本案案卷的复制", Map.of());
        }
        return detail;
    }

    private static void checkRequester(CopyRequesterKind kind, String number) {
        switch (kind) {
            case CITIZEN -> {
                if (number == null || !ResidentIdentityNumber.isValid(number)) {
                    throw invalid("COPY_REQUESTER_ID_NUMBER_INVALID", "申请人的公民身份号码不正确（应为18位，校验位须正确）");
                }
            }
            case ORGANISATION -> {
                if (number == null || !UnifiedSocialCreditCode.isValid(number)) {
                    throw invalid("COPY_REQUESTER_CREDIT_CODE_INVALID", "申请单位的统一社会信用代码不正确（应为18位，校验位须正确）");
                }
            }
            case COURT, AGENCY -> {
                if (number != null && !UnifiedSocialCreditCode.isValid(number)) {
                    throw invalid("COPY_REQUESTER_CREDIT_CODE_INVALID", "申请机关的统一社会信用代码不正确（应为18位，校验位须正确）");
                }
            }
        }
    }

    /** The keys of the materials asked for, each a file of the archived index; empty for the whole file. */
    private List<String> asked(RecordEntry archived, Materials materials) {
        List<Long> documents = materials.documentIds() == null ? List.of() : materials.documentIds();
        List<Long> attachments = materials.attachmentIds() == null ? List.of() : materials.attachmentIds();
        if (materials.wholeFile()) {
            if (!documents.isEmpty() || !attachments.isEmpty()) {
                throw invalid("COPY_MATERIALS_AMBIGUOUS", "申请复制全部案卷时不再列出具体材料");
            }
            return List.of();
        }
        Set<String> filed = new LinkedHashSet<>();
        for (JsonNode item : export.items(archived)) {
            if (item.hasNonNull("fileName")) {
                filed.add(key(item));
            }
        }
        List<String> asked = new ArrayList<>();
        documents.stream().distinct().forEach(id -> asked.add("DOCUMENT:" + id));
        attachments.stream().distinct().forEach(id -> asked.add("ATTACHMENT:" + id));
        if (asked.isEmpty()) {
            throw invalid("COPY_MATERIALS_REQUIRED", "请选择申请复制的材料，或申请复制全部案卷");
        }
        List<String> absent = asked.stream().filter(key -> !filed.contains(key)).toList();
        if (!absent.isEmpty()) {
            throw invalid("COPY_MATERIAL_NOT_IN_CASE_FILE", "以下材料不在本案归档案卷中：" + String.join("、", absent));
        }
        return asked;
    }

    private static String key(JsonNode item) {
        return item.path("kind").asText() + ":" + item.path("id").asLong();
    }

    private static ZhifaException invalid(String code, String message) {
        return new ZhifaException(HttpStatus.BAD_REQUEST, code, message);
    }

    private static CopyRequest mapped(ResultSet rs, int row) throws SQLException {
        String materials = rs.getString("materials");
        return new CopyRequest(rs.getLong("id"), rs.getLong("case_id"),
                CopyRequesterKind.valueOf(rs.getString("requester_kind")), rs.getString("requester_name"),
                rs.getString("requester_id_number"), rs.getString("reason"),
                materials == null ? List.of() : Arrays.asList(materials.split(",")), rs.getString("status"),
                rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("opinion"), rs.getObject("issued_at", OffsetDateTime.class));
    }
}

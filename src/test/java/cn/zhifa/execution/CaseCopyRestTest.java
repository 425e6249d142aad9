package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionDriver.HEAD;
import static cn.zhifa.execution.ExecutionDriver.OFFICER;
import static cn.zhifa.execution.ExecutionDriver.clockAt;
import static cn.zhifa.execution.ExecutionRestTest.PASSWORD;
import static cn.zhifa.execution.ExecutionRestTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Certified copies of an archived case file over HTTP: registered by an officer, decided by a head of the case's
 * agency, issued only once approved, restricted to the materials asked for, with hashes matching the record; each
 * step and each refusal recorded.
 */
@ApplicationTest
class CaseCopyRestTest {

    @Autowired TestRestTemplate rest;
    @Autowired ExecutionDriver driver;
    @Autowired CaseRecord caseRecord;

    long caseId;

    @BeforeEach
    void setUp() {
        clockAt("2026-09-01T10:00");
        caseId = driver.filedCase();
    }

    @AfterEach
    void tearDown() {
        driver.tearDown(caseId);
    }

    RecordEntry archived() {
        driver.archivedNoPenaltyCase(caseId);
        return entry("CASE_ARCHIVED");
    }

    RecordEntry entry(String action) {
        return caseRecord.entries(caseId).stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(action + " not recorded"));
    }

    static Map<String, Object> citizenRequest(Map<String, Object> materials) {
        Map<String, Object> body = new HashMap<>(materials);
        body.put("requester", Map.of("kind", "CITIZEN", "name", "李四", "idNumber", "11010519491231002X"));
        body.put("reason", "提起行政诉讼需要提交证据");
        return body;
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/cases/" + caseId + path, body, Map.class);
    }

    long requested(Map<String, Object> body) {
        ResponseEntity<Map> answer = post(OFFICER, "/copy-requests", body);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("status", "REQUESTED");
        return ((Number) answer.getBody().get("id")).longValue();
    }

    ResponseEntity<Map> decide(String user, long requestId, boolean approved) {
        return post(user, "/copy-requests/" + requestId + "/decision",
                Map.of("approved", approved, "opinion", approved ? "同意复制" : "理由不充分，不予复制"));
    }

    String copyPath(long requestId) {
        return "/api/cases/" + caseId + "/copy-requests/" + requestId + "/copy";
    }

    @Test
    void anApprovedCopyHoldsTheMaterialsAskedForWithTheirRecordedHashes() throws IOException {
        RecordEntry archivedEntry = archived();
        long closing = CaseFileRestTest.documentIdIn(archivedEntry, "结案审批表");
        long requestId = requested(citizenRequest(Map.of("documentIds", List.of(closing))));
        assertThat(entry("COPY_REQUESTED").summary()).contains("李四", "提起行政诉讼需要提交证据");

        assertRefused(rest.withBasicAuth(OFFICER, PASSWORD).getForEntity(copyPath(requestId), Map.class),
                HttpStatus.CONFLICT, "COPY_NOT_APPROVED");
        ResponseEntity<Map> approved = decide(HEAD, requestId, true);
        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody()).containsEntry("status", "APPROVED").containsEntry("decidedBy", HEAD);
        assertThat(entry("COPY_APPROVED").actor()).isEqualTo(HEAD);
        assertRefused(decide(HEAD, requestId, false), HttpStatus.CONFLICT, "COPY_REQUEST_DECIDED");

        ResponseEntity<byte[]> copy = rest.withBasicAuth(OFFICER, PASSWORD).getForEntity(copyPath(requestId),
                byte[].class);
        assertThat(copy.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(copy.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        Map<String, byte[]> entries = CaseFileRestTest.unzip(copy.getBody());
        String index = new String(entries.get(CaseFileExport.INDEX_FILE), StandardCharsets.UTF_8);
        assertThat(index).contains("复制件目录", "李四", "提起行政诉讼需要提交证据", "同意复制", CaseCopies.CERTIFICATION)
                .doesNotContain("立案审批表");
        List<String> files = entries.keySet().stream().filter(name -> !name.equals(CaseFileExport.INDEX_FILE)).toList();
        assertThat(files).singleElement().asString().startsWith("副卷/").contains("结案审批表");
        String sha256 = CaseFileExport.sha256(entries.get(files.get(0)));
        assertThat(index).contains(files.get(0) + "\t" + sha256);
        assertThat(archivedEntry.data()).contains(sha256);
        RecordEntry issued = entry("COPY_ISSUED");
        assertThat(issued.actor()).isEqualTo(OFFICER);
        assertThat(issued.data()).contains(CaseFileExport.sha256(copy.getBody()), sha256);
        assertThat(caseRecord.entries(caseId).stream().map(RecordEntry::action)).containsSubsequence("CASE_ARCHIVED",
                "COPY_REQUESTED", "COPY_APPROVED", "COPY_ISSUED");
    }

    @Test
    void aWholeFileCopyHoldsEveryArchivedFile() throws IOException {
        archived();
        long requestId = requested(Map.of("requester", Map.of("kind", "COURT", "name", "某市某区人民法院"),
                "reason", "审理行政诉讼案件调取案卷", "wholeFile", true));
        decide(HEAD, requestId, true);
        Map<String, byte[]> entries = CaseFileRestTest.unzip(rest.withBasicAuth(HEAD, PASSWORD)
                .getForEntity(copyPath(requestId), byte[].class).getBody());
        assertThat(entries).hasSize(6);
    }

    @Test
    void aRefusedRequestGivesNoCopyAndAnOfficerCannotDecide() {
        archived();
        long requestId = requested(citizenRequest(Map.of("wholeFile", true)));
        assertRefused(decide(OFFICER, requestId, true), HttpStatus.FORBIDDEN, "NOT_AGENCY_HEAD");
        assertThat(decide(HEAD, requestId, false).getBody()).containsEntry("status", "REFUSED");
        assertThat(entry("COPY_REFUSED").summary()).contains("理由不充分");
        assertRefused(rest.withBasicAuth(OFFICER, PASSWORD).getForEntity(copyPath(requestId), Map.class),
                HttpStatus.CONFLICT, "COPY_NOT_APPROVED");
        assertThat(caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL"))
                .map(RecordEntry::summary)).anyMatch(s -> s.contains("审批复制申请"))
                .anyMatch(s -> s.contains("出具复制件"));
        assertThat(caseRecord.entries(caseId).stream().map(RecordEntry::action)).doesNotContain("COPY_ISSUED");
    }

    @Test
    void anotherAgencyNeitherRequestsNorDecidesNorGetsTheCopy() {
        archived();
        long requestId = requested(citizenRequest(Map.of("wholeFile", true)));
        assertThat(post("wangqiang", "/copy-requests", citizenRequest(Map.of("wholeFile", true))).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(decide("wangqiang", requestId, true).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the platform administrator sees every case but belongs to no agency
        assertRefused(decide("admin", requestId, true), HttpStatus.FORBIDDEN, "CASE_COPY_NOT_ALLOWED");
        decide(HEAD, requestId, true);
        assertThat(rest.withBasicAuth("wangqiang", PASSWORD).getForEntity(copyPath(requestId), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertRefused(rest.withBasicAuth("admin", PASSWORD).getForEntity(copyPath(requestId), Map.class),
                HttpStatus.FORBIDDEN, "CASE_COPY_NOT_ALLOWED");
    }

    @Test
    void shouldRefuseInvalidInputWithItsCode() {
        archived();
        assertRefused(post(OFFICER, "/copy-requests", Map.of("requester", Map.of("kind", "CITIZEN", "name", "李四",
                "idNumber", "110105194912310021"), "reason", "诉讼", "wholeFile", true)), HttpStatus.BAD_REQUEST,
                "COPY_REQUESTER_ID_NUMBER_INVALID");
        assertRefused(post(OFFICER, "/copy-requests", Map.of("requester", Map.of("kind", "ORGANISATION", "name",
                "某公司"), "reason", "诉讼", "wholeFile", true)), HttpStatus.BAD_REQUEST,
                "COPY_REQUESTER_CREDIT_CODE_INVALID");
        Map<String, Object> tooLong = citizenRequest(Map.of("wholeFile", true));
        tooLong.put("reason", "理".repeat(1001));
        assertRefused(post(OFFICER, "/copy-requests", tooLong), HttpStatus.BAD_REQUEST, "TEXT_TOO_LONG");
        Map<String, Object> noReason = citizenRequest(Map.of("wholeFile", true));
        noReason.remove("reason");
        ResponseEntity<Map> missing = post(OFFICER, "/copy-requests", noReason);
        assertRefused(missing, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertThat(missing.getBody().toString()).contains("reason", "不能为空");
        assertRefused(post(OFFICER, "/copy-requests", citizenRequest(Map.of())), HttpStatus.BAD_REQUEST,
                "COPY_MATERIALS_REQUIRED");
        assertRefused(post(OFFICER, "/copy-requests", citizenRequest(Map.of("documentIds", List.of(-1)))),
                HttpStatus.BAD_REQUEST, "COPY_MATERIAL_NOT_IN_CASE_FILE");
        assertThat(caseRecord.entries(caseId).stream().map(RecordEntry::action)).doesNotContain("COPY_REQUESTED");
        long requestId = requested(citizenRequest(Map.of("wholeFile", true)));
        assertRefused(post(HEAD, "/copy-requests/" + requestId + "/decision", Map.of("approved", true, "opinion", " ")),
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertRefused(post(HEAD, "/copy-requests/" + (requestId + 1000) + "/decision", Map.of("approved", true,
                "opinion", "同意")), HttpStatus.NOT_FOUND, "COPY_REQUEST_NOT_FOUND");
    }

    @Test
    void shouldRefuseACopyRequestForACaseNotArchived() {
        assertRefused(post(OFFICER, "/copy-requests", citizenRequest(Map.of("wholeFile", true))), HttpStatus.CONFLICT,
                "CASE_NOT_ARCHIVED");
    }
}

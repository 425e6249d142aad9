package cn.zhifa.execution;

import static cn.zhifa.execution.ExecutionDriver.HEAD;
import static cn.zhifa.execution.ExecutionDriver.OFFICER;
import static cn.zhifa.execution.ExecutionDriver.clockAt;
import static cn.zhifa.execution.ExecutionDriver.decision;
import static cn.zhifa.execution.ExecutionRestTest.PASSWORD;
import static cn.zhifa.execution.ExecutionRestTest.START;
import static cn.zhifa.execution.ExecutionRestTest.assertRefused;
import static cn.zhifa.execution.ExecutionRestTest.typed;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An archived case over HTTP: the case file exported as one ZIP whose index and hashes match the record, only for
 * the case's own agency; and the attacks on the read-only case through /engine-rest and /api (a new process, a
 * document, an administrator's variable write).
 */
@ApplicationTest
class CaseFileRestTest {

    @Autowired TestRestTemplate rest;
    @Autowired ExecutionDriver driver;
    @Autowired CaseRegister cases;
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

    void archived() {
        driver.archivedNoPenaltyCase(caseId);
    }

    ResponseEntity<byte[]> export(String user) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + caseId + "/case-file/export", byte[].class);
    }

    ResponseEntity<Map> exportRefused(String user) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + caseId + "/case-file/export", Map.class);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void theExportedCaseFileMatchesTheRecordAndIsRecorded() throws IOException {
        archived();
        ResponseEntity<byte[]> answer = export(OFFICER);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        Map<String, byte[]> entries = unzip(answer.getBody());
        String index = new String(entries.get(CaseFileExport.INDEX_FILE), StandardCharsets.UTF_8);
        assertThat(index).contains("案卷目录", "正卷", "副卷", "立案审批表", "结案审批表", "证据材料");
        RecordEntry archivedEntry = caseRecord.entries(caseId).stream()
                .filter(e -> e.action().equals("CASE_ARCHIVED")).findFirst().orElseThrow();
        List<String> files = entries.keySet().stream().filter(name -> !name.equals(CaseFileExport.INDEX_FILE)).toList();
        assertThat(files).hasSize(5).first().asString().startsWith("正卷/01-立案审批表");
        assertThat(files).last().asString().startsWith("副卷/").contains("结案审批表");
        for (String file : files) {
            String sha256 = CaseFileExport.sha256(entries.get(file));
            assertThat(index).contains(file + "\t" + sha256);
            assertThat(archivedEntry.data()).contains(sha256);
        }
        RecordEntry exported = caseRecord.entries(caseId).stream()
                .filter(e -> e.action().equals("CASE_FILE_EXPORTED")).reduce((a, b) -> b).orElseThrow();
        assertThat(exported.actor()).isEqualTo(OFFICER);
        assertThat(exported.data()).contains(CaseFileExport.sha256(answer.getBody()));

        long closing = documentIdIn(archivedEntry, "结案审批表");
        assertThat(rest.withBasicAuth(OFFICER, PASSWORD).getForEntity("/api/cases/" + caseId + "/documents/" + closing
                + "/content", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        RecordEntry read = caseRecord.entries(caseId).stream()
                .filter(e -> e.action().equals("ARCHIVED_CASE_READ")).reduce((a, b) -> b).orElseThrow();
        assertThat(read.actor()).isEqualTo(OFFICER);
        assertThat(read.summary()).contains("结案审批表");
    }

    static long documentIdIn(RecordEntry archived, String name) throws IOException {
        for (var item : new com.fasterxml.jackson.databind.ObjectMapper().readTree(archived.data()).path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item.path("id").asLong();
            }
        }
        throw new AssertionError(name + " not in the index");
    }

    @Test
    void onlyTheCasesAgencyExportsAndOnlyAnArchivedCase() {
        assertRefused(exportRefused(OFFICER), HttpStatus.CONFLICT, "CASE_NOT_ARCHIVED");
        archived();
        // the platform administrator sees every case but belongs to no agency
        assertRefused(exportRefused("admin"), HttpStatus.FORBIDDEN, "CASE_FILE_EXPORT_NOT_ALLOWED");
        assertThat(exportRefused("wangqiang").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(export(HEAD).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL"))
                .map(RecordEntry::summary)).anyMatch(s -> s.contains("导出案卷"));
    }

    @Test
    void shouldRefuseANewProcessAndADocumentOnAnArchivedCase() {
        archived();
        assertRefused(rest.withBasicAuth(OFFICER, PASSWORD).postForEntity(START,
                typed(decision(caseId, "NO_PENALTY", "2026-08-31", null)), Map.class), HttpStatus.CONFLICT,
                "CASE_ARCHIVED");
        assertRefused(rest.withBasicAuth(OFFICER, PASSWORD).postForEntity("/api/cases/" + caseId + "/documents",
                Map.of("type", "CASE_CLOSING_APPROVAL", "data", Map.of("caseTitle", "某案")), Map.class),
                HttpStatus.CONFLICT, "CASE_ARCHIVED");
    }

    @Test
    void shouldRefuseEvenAnAdministratorsVariableWriteOnAnArchivedCasesProcess() {
        ProcessInstance instance = driver.start(decision(caseId, "PENALTY", "2026-08-31", "100.00"));
        cases.moveTo(caseId, CaseStage.ARCHIVED, HEAD);
        ResponseEntity<Map> written = rest.withBasicAuth("admin", PASSWORD).exchange(
                "/engine-rest/process-instance/" + instance.getId() + "/variables/paidAmount", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "100.00", "type", "String")), Map.class);
        assertRefused(written, HttpStatus.CONFLICT, "CASE_ARCHIVED");
        assertThat((String) written.getBody().get("message")).contains("案件已归档");
    }

    @Test
    void shouldRefuseArchivingAnIncompleteFileOrACraftedIndexOverTheEngineRest() {
        driver.noPenaltyCaseFile(caseId, false);
        ProcessInstance instance = driver.start(decision(caseId, "NO_PENALTY", "2026-08-31", null));
        driver.approveClosing(instance);
        String archive = driver.task(instance, "Task_ArchiveCase").getId();
        rest.withBasicAuth(OFFICER, PASSWORD).postForEntity("/engine-rest/task/" + archive + "/claim",
                Map.of("userId", OFFICER), Map.class);
        assertRefused(rest.withBasicAuth(OFFICER, PASSWORD).postForEntity("/engine-rest/task/" + archive + "/complete",
                typed(Map.of("archiveConfirmed", true, "archivedBy", OFFICER)), Map.class),
                HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
        ResponseEntity<Map> incomplete = rest.withBasicAuth(OFFICER, PASSWORD).postForEntity(
                "/engine-rest/task/" + archive + "/complete", typed(Map.of("archiveConfirmed", true)), Map.class);
        assertRefused(incomplete, HttpStatus.UNPROCESSABLE_ENTITY, "CASE_FILE_INCOMPLETE");
        assertThat(incomplete.getBody().toString()).contains("调查取得的证据材料");
        assertThat(driver.task(instance, "Task_ArchiveCase").getId()).isEqualTo(archive);
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLOSED);
    }
}

package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** 执法全过程记录: entries are chained by hash and the verifier names the first broken link (seeds-catalogue §5). */
@ApplicationTest
class CaseRecordTest {

    @Autowired CaseRecord record;
    @Autowired CaseRegister register;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired TransactionTemplate transaction;

    long caseId;

    @BeforeEach
    void caseWithFiveEntries() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "无照经营案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "王五", "440524188001010014", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        for (int i = 2; i <= 5; i++) {
            record.append(caseId, "zhangwei", "NOTE_ADDED", "第" + i + "条", Map.of("n", i, "text", "记录" + i));
        }
    }

    @Test
    void shouldChainEntriesWithGapFreeSequenceAndVerifyIntact() {
        List<RecordEntry> entries = record.entries(caseId);

        assertThat(entries).extracting(RecordEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.get(0).action()).isEqualTo("CASE_REGISTERED");
        assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).entryHash());
        }
        assertThat(entries.get(1).data()).isEqualTo("{\"n\":2,\"text\":\"记录2\"}");
        assertThat(entries.get(1).dataDigest()).isEqualTo(RecordHashing.sha256("{\"n\":2,\"text\":\"记录2\"}"));
        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(5);
    }

    @Test
    void shouldFindAnEditedEntry() {
        jdbc.sql("UPDATE case_record_entry SET summary = '被改过' WHERE case_id = ? AND seq = 3").param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3L);
        assertThat(result.problem()).isEqualTo("ENTRY_ALTERED");
        assertThat(result.message()).isEqualTo("第3条记录的内容已被改动");
    }

    @Test
    void shouldFindEditedData() {
        jdbc.sql("UPDATE case_record_entry SET data_json = '{\"n\":2,\"text\":\"改\"}' WHERE case_id = ? AND seq = 2")
                .param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.brokenAtSeq()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("DATA_ALTERED");
    }

    @Test
    void shouldFindADeletedEntry() {
        jdbc.sql("DELETE FROM case_record_entry WHERE case_id = ? AND seq = 4").param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(4L);
        assertThat(result.problem()).isEqualTo("ENTRY_MISSING");
        assertThat(result.entriesChecked()).isEqualTo(3);
    }

    @Test
    void shouldFindADeletedLastEntry() {
        jdbc.sql("DELETE FROM case_record_entry WHERE case_id = ? AND seq = 5").param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.brokenAtSeq()).isEqualTo(5L);
        assertThat(result.problem()).isEqualTo("ENTRY_MISSING");
    }

    @Test
    void shouldFindTwoSwappedEntries() {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE case_record_entry SET seq = -1 WHERE case_id = ? AND seq = 2").param(caseId).update();
            jdbc.sql("UPDATE case_record_entry SET seq = 2 WHERE case_id = ? AND seq = 3").param(caseId).update();
            jdbc.sql("UPDATE case_record_entry SET seq = 3 WHERE case_id = ? AND seq = -1").param(caseId).update();
        });

        VerificationResult result = record.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("LINK_BROKEN");
    }

    @Test
    void shouldKeepAnEntryAppendedInANewTransactionWhenTheCallerRollsBack() {
        transaction.executeWithoutResult(tx -> {
            record.append(caseId, "zhangwei", "WILL_ROLL_BACK", "回滚", null);
            tx.setRollbackOnly();
        });
        transaction.executeWithoutResult(tx -> {
            record.appendInNewTransaction(caseId, "zhangwei", "REFUSED", "拒绝：测试", Map.of("code", "X"));
            tx.setRollbackOnly();
        });

        List<RecordEntry> entries = record.entries(caseId);
        assertThat(entries).extracting(RecordEntry::action).doesNotContain("WILL_ROLL_BACK").contains("REFUSED");
        assertThat(entries.get(entries.size() - 1).seq()).isEqualTo(6L);
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldRefuseLowerCaseActionsAndUnknownCases() {
        assertThatThrownBy(() -> record.append(caseId, "zhangwei", "note", "x", null))
                .isInstanceOfSatisfying(ZhifaException.class, e -> assertThat(e.code()).isEqualTo("RECORD_ACTION_INVALID"));
        assertThatThrownBy(() -> record.append(987654321L, "zhangwei", "NOTE", "x", null))
                .isInstanceOfSatisfying(ZhifaException.class, e -> assertThat(e.code()).isEqualTo("CASE_NOT_FOUND"));
    }

    @Test
    void shouldRecordEveryTaskCompletionOfAProcessOfTheCase() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("deployment-probe", String.valueOf(caseId),
                Map.of("caseId", caseId));
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.setAssignee(task.getId(), "lina");

        taskService.complete(task.getId(), Map.of("checked", true, "note", "已检查"));

        RecordEntry last = record.entries(caseId).get(5);
        assertThat(last.action()).isEqualTo("TASK_COMPLETED");
        assertThat(last.actor()).isEqualTo("lina");
        assertThat(last.summary()).isEqualTo("完成任务：填写自检表（办理人：lina）");
        assertThat(last.data()).contains("\"taskDefinitionKey\":\"Task_Probe\"", "\"variablesDigest\":\"",
                "\"variableNames\":[", "\"checked\"", "\"note\"");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldServeTheRecordAndItsVerificationToThoseWhoSeeTheCase() throws Exception {
        ResponseEntity<String> entries = rest.withBasicAuth("lina", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record", String.class);
        assertThat(entries.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode list = json.readTree(entries.getBody());
        assertThat(list).hasSize(5);
        assertThat(list.get(1).get("data").get("text").asText()).isEqualTo("记录2");

        ResponseEntity<String> verify = rest.withBasicAuth("zhenghua", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record/verify", String.class);
        assertThat(json.readTree(verify.getBody()).get("intact").asBoolean()).isTrue();

        assertThat(rest.withBasicAuth("wangqiang", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}

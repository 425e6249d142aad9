package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.system.TextRules;
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

/**
 * Issue 8 §8: whatever text reaches the record (a process variable set through the Java API, a summary cut at 1000
 * characters), the record stays readable and intact: what is hashed is what is stored and served, with every lone
 * surrogate and control character replaced by U+FFFD.
 */
@ApplicationTest
class RecordTextTest {

    @Autowired CaseRecord record;
    @Autowired CaseRegister register;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    long caseId;

    @BeforeEach
    void newCase() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "无照经营案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "王五", "440524188001010014", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
    }

    JsonNode servedRecord() throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("zhangwei", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    @Test
    void shouldStoreTextThatNoEncoderCanWriteAsReplacementCharacters() throws Exception {
        record.append(caseId, "zhangwei", "NOTE_ADDED", "意见\ud800与\u0000附注",
                Map.of("text", "值\udc00", "control", "\u0007响铃"));

        JsonNode last = servedRecord().get(1);
        assertThat(last.get("summary").asText()).isEqualTo("意见\uFFFD与\uFFFD附注");
        assertThat(last.get("data").get("text").asText()).isEqualTo("值\uFFFD");
        assertThat(last.get("data").get("control").asText()).isEqualTo("\u0007响铃");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldKeepTheRecordReadableWhenATaskCompletesWithABadVariableName() throws Exception {
        ProcessInstance probe = runtimeService.startProcessInstanceByKey("deployment-probe", String.valueOf(caseId),
                Map.of("caseId", caseId));
        Task task = taskService.createTaskQuery().processInstanceId(probe.getId()).singleResult();

        taskService.complete(task.getId(), Map.of("\ud800bad", "值\u0000"));

        JsonNode entries = servedRecord();
        JsonNode completed = entries.get(entries.size() - 1);
        assertThat(completed.get("action").asText()).isEqualTo("TASK_COMPLETED");
        assertThat(completed.get("data").get("variableNames").toString()).contains("\uFFFDbad");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldNotCutASurrogatePairInHalfWhenShorteningASummary() throws Exception {
        String summary = "记".repeat(998) + "\ud842\udfb7" + "尾";

        RecordEntry entry = record.append(caseId, "zhangwei", "NOTE_ADDED", summary, null);

        assertThat(entry.summary()).hasSize(999).endsWith("记…");
        assertThat(TextRules.problemOf(entry.summary(), false)).isEmpty();
        assertThat(servedRecord().get(1).get("summary").asText()).isEqualTo(entry.summary());
    }
}

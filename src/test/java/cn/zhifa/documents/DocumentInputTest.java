package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8 §8: a document value that names a day that does not exist (2025-02-30), is too long or is not text answers
 * 400 with a stable code, is recorded as DOCUMENT_REFUSED, and stores no document.
 */
@ApplicationTest
class DocumentInputTest {

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister register;
    @Autowired CaseRecord record;
    @Autowired DocumentService documents;
    @Autowired ObjectMapper json;

    long caseId;

    @BeforeEach
    void numberedCase() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "无证经营案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        register.assignNumber(caseId);
    }

    ResponseEntity<String> generate(Map<String, Object> data) {
        Map<String, Object> values = new HashMap<>(DocumentServiceTest.dataFor(DocumentType.CASE_FILING_APPROVAL));
        values.putAll(data);
        return rest.withBasicAuth("zhangwei", "test-secret").postForEntity("/api/cases/" + caseId + "/documents",
                Map.of("type", "CASE_FILING_APPROVAL", "data", values), String.class);
    }

    JsonNode problem(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(documents.documents(caseId)).isEmpty();
        return json.readTree(response.getBody());
    }

    @Test
    void shouldRefuseADayThatDoesNotExist() throws Exception {
        JsonNode problem = problem(generate(Map.of("caseSource", "2025-02-30")));

        assertThat(problem.get("code").asText()).isEqualTo("DOCUMENT_DATE_INVALID");
        assertThat(problem.get("detail").asText()).isEqualTo("文书内容“caseSource”的日期或时间不存在：2025-02-30");
        RecordEntry last = record.entries(caseId).get(record.entries(caseId).size() - 1);
        assertThat(last.action()).isEqualTo("DOCUMENT_REFUSED");
        assertThat(last.data()).contains("DOCUMENT_DATE_INVALID");
    }

    @Test
    void shouldRefuseATimeThatDoesNotExist() throws Exception {
        assertThat(problem(generate(Map.of("caseSource", "2026-04-31T09:30"))).get("code").asText())
                .isEqualTo("DOCUMENT_DATE_INVALID");
    }

    @Test
    void shouldRefuseAValueOverTenThousandCharacters() throws Exception {
        JsonNode problem = problem(generate(Map.of("caseSummary", "案情".repeat(5001))));

        assertThat(problem.get("code").asText()).isEqualTo("TEXT_TOO_LONG");
        assertThat(problem.get("detail").asText()).contains("caseSummary");
    }

    @Test
    void shouldRefuseAFieldKeyLongerThanSixtyFourCharacters() throws Exception {
        JsonNode problem = problem(generate(Map.of("k".repeat(65), "值")));

        assertThat(problem.get("code").asText()).isEqualTo("TEXT_TOO_LONG");
    }

    @Test
    void shouldAcceptMultiLineFreeTextAndARealDate() {
        ResponseEntity<String> response = generate(Map.of("caseSummary", "第一段\n第二段", "caseSource", "2024-02-29"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }
}

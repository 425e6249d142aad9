package cn.zhifa.processes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delegates behind the element templates "生成文书" and "记录": a model generates a document of a given type
 * (in a retried job) and appends an entry to the case record, with the authoring rules every document has.
 */
@ApplicationTest
class BuildingBlocksTest {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired CaseRegister cases;
    @Autowired DocumentService documents;
    @Autowired CaseRecord record;

    @BeforeEach
    void deploy() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("building-blocks").count() == 0) {
            repositoryService.createDeployment().addClasspathResource("bpmn/building-blocks.bpmn").deploy();
        }
    }

    private long registerCase() {
        return cases.register(new NewCase(CaseKind.PENALTY, "某商店销售过期食品案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "李四", "11010519491231002X", "某县某路2号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
    }

    private ProcessInstance start(long caseId, String author) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        variables.put("author", author);
        variables.put("caseSource", "投诉举报");
        variables.put("caseSummary", "当事人销售超过保质期的食品。");
        variables.put("filingBasis", "《中华人民共和国食品安全法》第三十四条。");
        return runtimeService.startProcessInstanceByKey("building-blocks", variables);
    }

    private Job job(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    @Test
    void shouldGenerateTheDocumentOfTheTemplatesTypeAndRecordTheEntry() {
        long caseId = registerCase();
        ProcessInstance instance = start(caseId, "zhangwei");

        managementService.executeJob(job(instance).getId());

        StoredDocument document = documents.latest(caseId, DocumentType.CASE_FILING_APPROVAL).orElseThrow();
        assertThat(document.createdBy()).isEqualTo("zhangwei");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("filingApprovalDocumentId").singleResult().getValue()).isEqualTo(document.id());
        RecordEntry entry = record.entries(caseId).stream()
                .filter(e -> e.action().equals("FILING_APPROVAL_PREPARED")).findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo("zhangwei");
        assertThat(entry.summary()).isEqualTo("立案审批表已制作");
        assertThat(entry.data()).contains("Task_RecordFiling").contains(instance.getId());
    }

    @Test
    void shouldKeepTheAuthoringRulesSoThatAnAuthorOffTheCaseLeavesAnIncidentNotADocument() {
        long caseId = registerCase();
        ProcessInstance instance = start(caseId, "wangqiang");

        try {
            managementService.executeJob(job(instance).getId());
        } catch (RuntimeException refused) {
            // the job failed; its retries count down, then Cockpit shows an incident
        }

        assertThat(documents.latest(caseId, DocumentType.CASE_FILING_APPROVAL)).isEmpty();
        assertThat(job(instance).getRetries()).isEqualTo(2);
        assertThat(record.entries(caseId)).noneMatch(e -> e.action().equals("FILING_APPROVAL_PREPARED"));
        // the failing job would be due again in five minutes for whoever runs every due job (the benchmark's smoke run)
        runtimeService.deleteProcessInstance(instance.getId(), "test");
    }
}

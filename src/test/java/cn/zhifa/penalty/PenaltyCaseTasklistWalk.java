package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseDriver.*;
import static cn.zhifa.penalty.PenaltyCaseRestTest.assertRefused;
import static cn.zhifa.penalty.PenaltyCaseRestTest.typed;
import static cn.zhifa.penalty.PenaltyCaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A person in Tasklist: start with the start form, find the task, claim it, complete it with the form, as each
 * person who acts; shared by the H2 test ({@link PenaltyCaseRestTest}) and the PostgreSQL one
 * ({@code cn.zhifa.PostgresApplicationTest}).
 */
public class PenaltyCaseTasklistWalk {

    static final String PASSWORD = PenaltyCaseRestTest.PASSWORD;
    static final String START = PenaltyCaseRestTest.START;

    private final TestRestTemplate rest;
    private final ManagementService managementService;
    private final PenaltyCaseDriver driver;
    /** The process instance {@link #fromClueToServedDecision} carried. */
    private String instance;

    public PenaltyCaseTasklistWalk(TestRestTemplate rest, ManagementService managementService,
            PenaltyCaseDriver driver) {
        this.rest = rest;
        this.managementService = managementService;
        this.driver = driver;
    }

    /** The case from its clue to its served decision; returns the case's id. */
    public long fromClueToServedDecision() {
        clockAt("2026-03-02T09:00");
        String instance = start(clue("2026-02-27", "2025-12-01"));
        long caseId = ((Number) get("admin", "/engine-rest/process-instance/" + instance + "/variables/caseId")
                .getBody().get("value")).longValue();
        clockAt("2026-03-02T10:00");
        act(OFFICER, instance, "Task_ProposeFiling", Map.of(FILING_PROPOSAL, "FILE", CASE_SUMMARY,
                "当事人销售不合格电线。", FILING_BASIS, "《中华人民共和国产品质量法》第四十九条"));
        act(HEAD, instance, "Task_DecideFiling", Map.of(FILING_DECISION, "FILE"));
        runJobs();
        for (Map<String, Object> declaration : tasks(instance, "Task_DeclareRecusal")) {
            String officer = (String) declaration.get("assignee");
            complete(officer, (String) declaration.get("id"), Map.of(RECUSAL_DECLARATION, "NONE"));
        }
        clockAt("2026-03-10T10:00");
        driver.uploadEvidence(caseId, "现场检查笔录");
        act(PenaltyCaseDriver.CO_OFFICER, instance, "Task_Investigate", Map.of(INVESTIGATION_ACTION, "CONCLUDE"));
        act(OFFICER, instance, "Task_ReportInvestigation", PenaltyCaseDriver.report(3000));
        runJobs();
        clockAt("2026-03-11T10:00");
        serve(instance, caseId, "2026-03-11");
        clockAt("2026-03-12T10:00");
        act(OFFICER, instance, "Task_HearParty", Map.of(PARTY_RESPONSE, "STATEMENT", STATEMENT_TEXT, "已下架",
                STATEMENT_REVIEW, "不影响违法事实认定"));
        String decide = task(instance, "Task_DecideCase");
        claim(HEAD, decide);
        Map<String, Object> decision = Map.of(CASE_DECISION, "PENALTY", PENALTY_KIND, "FINE",
                PENALTY_DESCRIPTION, "罚款3000元", FINE_AMOUNT, 3000L, DECISION_REASON, "违法事实清楚");
        assertRefused(post(HEAD, "/engine-rest/task/" + decide + "/complete", typed(decision)),
                HttpStatus.UNPROCESSABLE_ENTITY, "STATEMENT_PERIOD_RUNNING");
        clockAt("2026-03-19T09:00");
        complete(HEAD, decide, decision);
        act(OFFICER, instance, "Task_DraftDecision", Map.of(PERFORMANCE_METHOD, "到指定银行缴纳罚款",
                PERFORMANCE_DEADLINE, "自收到本决定书之日起十五日内", RECONSIDERATION_ORGAN, "某县人民政府",
                COURT, "某县人民法院"));
        runJobs();
        clockAt("2026-03-20T10:00");
        serve(instance, caseId, "2026-03-20");
        // handed on: penalty-case waits in its call of case-execution (docs/execution.md)
        assertThat(get("admin", "/engine-rest/history/process-instance/" + instance).getBody())
                .containsEntry("state", "ACTIVE");
        assertThat(execution(instance)).isNotNull();
        this.instance = instance;
        return caseId;
    }

    /**
     * After {@link #fromClueToServedDecision}: 张伟 registers the payment, 陈刚 approves closing, 张伟 archives the case
     * file; the case ends archived.
     */
    void payCloseAndArchive() {
        clockAt("2026-03-25T10:00");
        String execution = execution(instance);
        act(OFFICER, execution, "Task_RecordPayment", Map.of("paymentAction", "PAYMENT", "receiptNo", "NS20260324001",
                "paidAmount", "3000.00", "paidOn", "2026-03-24"));
        act(HEAD, execution, "Task_ApproveCaseClosing", Map.of("closingOpinion", "同意结案"));
        runJobs();
        act(OFFICER, execution, "Task_ArchiveCase", Map.of("archiveConfirmed", true));
        runJobs();
        assertThat(get("admin", "/engine-rest/history/process-instance/" + instance).getBody())
                .containsEntry("state", "COMPLETED");
    }

    @SuppressWarnings("unchecked")
    String execution(String instance) {
        List<Map> called = rest.withBasicAuth("admin", PASSWORD).getForObject(
                "/engine-rest/process-instance?superProcessInstance=" + instance + "&processDefinitionKey=case-execution",
                List.class);
        assertThat(called).hasSize(1);
        return (String) called.get(0).get("id");
    }

    /** 送达 in Tasklist: the called document-service's tasks, as the officer who serves. */
    void serve(String instance, long caseId, String day) {
        List<Map> services = rest.withBasicAuth("admin", PASSWORD).getForObject(
                "/engine-rest/process-instance?superProcessInstance=" + instance, List.class);
        String service = (String) services.get(0).get("id");
        act(OFFICER, service, "Task_ChooseServiceMethod", Map.of("serviceMethodChoice", "DIRECT",
                "serviceAddress", "某县某路1号"));
        runJobs();
        act(OFFICER, service, "Task_ServeDirectly", Map.of("directOutcome", "SIGNED", "signatoryRole",
                "RECIPIENT", "signatoryName", "张三", "signedOn", day,
                "signedReceiptAttachmentId", driver.uploadEvidence(caseId, "签收的送达回证")));
        runJobs();
    }

    String start(Map<String, Object> variables) {
        ResponseEntity<Map> started = post(OFFICER, START, typed(variables));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    void act(String user, String instance, String taskKey, Map<String, Object> variables) {
        String task = task(instance, taskKey);
        claim(user, task);
        complete(user, task, variables);
    }

    void claim(String user, String task) {
        ResponseEntity<Map> claimed = post(user, "/engine-rest/task/" + task + "/claim", Map.of("userId", user));
        assertThat(claimed.getStatusCode()).as("%s", claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    void complete(String user, String task, Map<String, Object> variables) {
        ResponseEntity<Map> completed = post(user, "/engine-rest/task/" + task + "/complete", typed(variables));
        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    String task(String instance, String taskKey) {
        List<Map<String, Object>> tasks = tasks(instance, taskKey);
        assertThat(tasks).as(taskKey).hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasks(String instance, String taskKey) {
        // as the administrator, who sees every task: the candidate rights are what the attacks test
        return rest.withBasicAuth("admin", PASSWORD).getForObject("/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=" + taskKey, List.class);
    }

    /** The job executor's part: the documents are made in jobs of their own. */
    void runJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().messages().list().stream()
                    .filter(job -> job.getProcessDefinitionKey() != null
                            && List.of("penalty-case", "document-service", "case-execution")
                                    .contains(job.getProcessDefinitionKey()))
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    ResponseEntity<Map> get(String user, String path) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity(path, Map.class);
    }
}

package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.record.CaseRecord;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The money and the disclosure lines of the 年报 against what happened in the register in 2028 (a year in which no
 * other test decides or pays anything): a fine served and partly paid in the year and paid off in the next, a
 * decision published on time and one published late. The figures come from the execution's payments and the
 * disclosure's records, not from process variables.
 */
@ApplicationTest
class YearlyStatisticsTest {

    static final String PASSWORD = "test-secret";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    final List<Long> caseIds = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (long caseId : caseIds) {
            runtimeService.createProcessInstanceQuery().variableValueEquals(EngineVariables.CASE_ID, caseId).list()
                    .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test"));
        }
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void finesImposedAndCollectedAndDisclosuresOnTimeComeFromTheRegister() {
        clockAt("2028-03-12T10:00");
        long fined = filedCase();
        Map<String, Object> decision = new HashMap<>();
        decision.put(EngineVariables.CASE_REFERENCE, String.valueOf(fined));
        decision.put("decisionOutcome", "PENALTY");
        decision.put("decisionServedAt", "2028-03-05");
        decision.put("fineAmount", "1000.00");
        ProcessInstance execution = as("zhangwei", () -> runtimeService.startProcessInstanceByKey("case-execution",
                decision));
        pay(execution, "BANK-2028-1", "400.00", "2028-03-10");
        clockAt("2029-01-06T10:00");
        pay(execution, "BANK-2029-1", "600.00", "2029-01-05");

        clockAt("2028-06-04T10:00");
        ProcessInstance onTime = disclosure(filedCase());
        ProcessInstance late = disclosure(filedCase());
        clockAt("2028-06-05T10:00");
        review(onTime);
        clockAt("2028-07-03T10:00");
        review(late);
        ClockUtil.reset();

        for (String reader : List.of("zhenghua", "chengang")) {
            List<Map<String, Object>> lines = lines(reader, 2028);
            assertThat(value(lines, "罚没款", "罚款决定金额（元）")).as(reader).isEqualByComparingTo("1000.00");
            assertThat(value(lines, "罚没款", "没收违法所得决定金额（元）")).isEqualByComparingTo("0");
            assertThat(value(lines, "罚没款", "罚没款收缴金额（元）")).as("paid in 2028 only").isEqualByComparingTo("400.00");
            assertThat(value(lines, "信息公示", "本年度作出的执法决定")).isEqualByComparingTo("2");
            assertThat(value(lines, "信息公示", "按期公示")).isEqualByComparingTo("1");
            assertThat(value(lines, "信息公示", "逾期公示")).isEqualByComparingTo("1");
            assertThat(value(lines, "信息公示", "尚未公示（其中已逾期的另列）")).isEqualByComparingTo("0");
        }
        List<Map<String, Object>> next = lines("zhenghua", 2029);
        assertThat(value(next, "罚没款", "罚款决定金额（元）")).isEqualByComparingTo("0");
        assertThat(value(next, "罚没款", "罚没款收缴金额（元）")).isEqualByComparingTo("600.00");
        assertThat(value(next, "信息公示", "本年度作出的执法决定")).isEqualByComparingTo("0");

        String csv = rest.withBasicAuth("zhenghua", PASSWORD).getForObject("/api/supervision/statistics/2028/csv",
                String.class);
        assertThat(csv).contains("罚没款,罚款决定金额（元）,1000.00", "罚没款,罚没款收缴金额（元）,400.00",
                "信息公示,按期公示,1");
    }

    private List<Map<String, Object>> lines(String reader, int year) {
        Map<String, Object> report = rest.withBasicAuth(reader, PASSWORD)
                .getForObject("/api/supervision/statistics/" + year, Map.class);
        return (List<Map<String, Object>>) report.get("lines");
    }

    private static BigDecimal value(List<Map<String, Object>> lines, String section, String item) {
        return lines.stream().filter(l -> section.equals(l.get("section")) && item.equals(l.get("item")))
                .map(l -> new BigDecimal(l.get("value").toString())).findFirst().orElseThrow(() ->
                        new AssertionError("no line " + section + " / " + item));
    }

    private long filedCase() {
        long id = cases.register(new NewCase(CaseKind.PENALTY, "年报罚没款测试案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.ORGANISATION, "某某电线有限公司", "91110000600037341L", "某县某路5号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        cases.assignNumber(id);
        caseIds.add(id);
        return id;
    }

    private void pay(ProcessInstance instance, String receipt, String amount, String paidOn) {
        Map<String, Object> payment = new HashMap<>();
        payment.put("paymentAction", "PAYMENT");
        payment.put("receiptNo", receipt);
        payment.put("paidAmount", amount);
        payment.put("paidOn", paidOn);
        complete(instance, "Task_RecordPayment", "zhangwei", payment);
    }

    /** A penalty decision made today, drafted for disclosure and prepared; the review is still to come. */
    private ProcessInstance disclosure(long caseId) {
        long documentId = 800_000 + caseId;
        caseRecord.append(caseId, "zhangwei", "DOCUMENT_GENERATED", "生成《行政处罚决定书》第1版",
                Map.of("documentId", documentId, "type", "PENALTY_DECISION", "version", 1, "fields",
                        Map.of("caseNo", "某市监处罚〔2028〕" + caseId + "号", "facts", "销售不合格电线",
                                "legalBasis", "《中华人民共和国产品质量法》第四十九条", "penaltyType", "罚款人民币1000元")));
        Map<String, Object> start = new HashMap<>();
        start.put(EngineVariables.CASE_REFERENCE, String.valueOf(caseId));
        start.put("decisionKind", "PENALTY");
        start.put("decisionDocumentId", String.valueOf(documentId));
        ProcessInstance instance = as("zhangwei", () -> runtimeService.startProcessInstanceByKey("disclosure", start));
        complete(instance, "Task_PrepareDisclosure", "zhangwei", Map.of("publicConclusion", "给予行政处罚",
                "publicFacts", "销售不合格电线", "publicBasis", "《中华人民共和国产品质量法》第四十九条",
                "publicPenalty", "罚款人民币1000元", "exemption", "NONE"));
        return instance;
    }

    private void review(ProcessInstance instance) {
        complete(instance, "Task_ReviewDisclosure", "zhaomin", Map.of("reviewOutcome", "APPROVE"));
    }

    private void complete(ProcessInstance instance, String key, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as(key).isNotNull();
        as(user, () -> {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String user, Supplier<T> action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }
}

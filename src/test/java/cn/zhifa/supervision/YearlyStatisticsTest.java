package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.AsUser;
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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
    @Autowired ManagementService managementService;

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

        // on the spot: 150 yuan decided in March and paid at the bank, 50 yuan collected in cash on 29 December and
        // deposited only on 2 January, in the year it reached the bank
        clockAt("2028-03-12T11:00");
        ProcessInstance bank = onTheSpot("150");
        complete(bank, "Task_DeliverOnTheSpotDecision", "zhangwei", Map.of("receipt", "SIGNED", "paymentMethod",
                "BANK"));
        complete(bank, "Task_FileOnTheSpotDecision", "zhangwei", FILED);
        clockAt("2028-03-21T10:00");
        complete(bank, "Task_RecordBankPayment", "lina", Map.of("paid", "PAID", "paidOn", "2028-03-20",
                "paymentVoucher", "ICBC-2028-1"));
        clockAt("2028-12-29T10:00");
        ProcessInstance cash = onTheSpot("50");
        complete(cash, "Task_DeliverOnTheSpotDecision", "zhangwei", Map.of("receipt", "SIGNED", "paymentMethod",
                "ON_THE_SPOT", "receiptNo", "CZ-2028-0001"));
        complete(cash, "Task_FileOnTheSpotDecision", "zhangwei", FILED);
        complete(cash, "Task_HandInCollectedFine", "zhangwei", Map.of());
        clockAt("2029-01-02T10:00");
        complete(cash, "Task_DepositCollectedFine", "lina", Map.of("depositVoucher", "ICBC-2029-1"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(bank.getId(),
                cash.getId())).count()).as("both on-the-spot cases closed").isZero();

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
            assertThat(value(lines, "罚没款", "罚款决定金额（元）")).as(reader).isEqualByComparingTo("1200.00");
            assertThat(value(lines, "罚没款", "没收违法所得决定金额（元）")).isEqualByComparingTo("0");
            assertThat(value(lines, "罚没款", "罚没款收缴金额（元）")).as("paid in 2028 only").isEqualByComparingTo("550.00");
            assertThat(value(lines, "信息公示", "本年度作出的执法决定")).isEqualByComparingTo("2");
            assertThat(value(lines, "信息公示", "按期公示")).isEqualByComparingTo("1");
            assertThat(value(lines, "信息公示", "逾期公示")).isEqualByComparingTo("1");
            assertThat(value(lines, "信息公示", "尚未公示（其中已逾期的另列）")).isEqualByComparingTo("0");
        }
        List<Map<String, Object>> next = lines("zhenghua", 2029);
        assertThat(value(next, "罚没款", "罚款决定金额（元）")).isEqualByComparingTo("0");
        assertThat(value(next, "罚没款", "罚没款收缴金额（元）")).isEqualByComparingTo("650.00");
        assertThat(value(next, "信息公示", "本年度作出的执法决定")).isEqualByComparingTo("0");

        String csv = rest.withBasicAuth("zhenghua", PASSWORD).getForObject("/api/supervision/statistics/2028/csv",
                String.class);
        assertThat(csv).contains("罚没款,罚款决定金额（元）,1200.00", "罚没款,罚没款收缴金额（元）,550.00",
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

    static final Map<String, Object> FILED = Map.of("materialsHandedIn", true, "materials", "当场行政处罚决定书存根");

    /** A fine decided on the spot today on a person (within the limits), its decision rendered. */
    private ProcessInstance onTheSpot(String fineAmount) {
        long id = cases.register(new NewCase(CaseKind.PENALTY, "年报当场处罚测试案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        caseIds.add(id);
        Map<String, Object> start = new HashMap<>();
        start.put(EngineVariables.CASE_REFERENCE, String.valueOf(id));
        start.put("certificateShown", true);
        start.put("facts", "当事人在店内销售商品未明码标价");
        start.put("legalBasis", "《中华人民共和国价格法》第十三条、第四十二条");
        start.put("place", "某县某路1号店内");
        start.put("rightsTold", true);
        start.put("statementMode", "WAIVED");
        start.put("penaltyKind", "FINE");
        start.put("fineAmount", fineAmount);
        ProcessInstance instance = as("zhangwei", () -> runtimeService.startProcessInstanceByKey("simple-penalty",
                start));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .singleResult().getId());
        return instance;
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
        return AsUser.as(identityService, user, action);
    }

    private static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }
}

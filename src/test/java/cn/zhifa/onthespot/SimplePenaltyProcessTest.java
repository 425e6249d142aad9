package cn.zhifa.onthespot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.penalty.PenaltyCaseDriver;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.ZhifaException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.http.ResponseEntity;

/**
 * The on-the-spot procedure through /engine-rest as Tasklist drives it, logged in as each person who acts: every path
 * (warning, bank, cash; a fine not paid; outside the limits, the hand-over to the general procedure), the reminders
 * and the head's supervision of the hand-in, the deposit and the filing, the periods over National Day 2026
 * (1–7 October off, Saturday 10 October worked), and the attacks on each rule.
 */
@ApplicationTest
class SimplePenaltyProcessTest {

    static final String PASSWORD = "test-secret";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String START = "/engine-rest/process-definition/key/simple-penalty/start";
    static final String GENERAL_START = "/engine-rest/process-definition/key/penalty-case/start";

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;
    @Autowired DocumentService documents;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;

    /** The cases this test registered: their procedures are ended afterwards, so no timer of theirs is left due. */
    final List<Long> registeredCases = new ArrayList<>();

    @AfterEach
    void resetClockAndEndTheProcedures() {
        ClockUtil.reset();
        for (long caseId : registeredCases) {
            runtimeService.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                    .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "test ended", false, true,
                            false, false));
        }
    }

    static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }

    static Date endOf(String isoDate) {
        return Date.from(LocalDateTime.parse(isoDate + "T23:59:59").atZone(ZONE).toInstant());
    }

    long registered(PartyKind kind) {
        NewCase.NewParty party = kind == PartyKind.INDIVIDUAL
                ? new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")
                : new NewCase.NewParty(PartyKind.ORGANISATION, "某县某某商店", "91110000600037341L", "某县某路2号");
        long caseId = cases.register(new NewCase(CaseKind.PENALTY, "某商店未明码标价案", "unit-squad-1", List.of(party),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        registeredCases.add(caseId);
        return caseId;
    }

    static Map<String, Object> onTheSpot(long caseId, String kind, String fineAmount) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("caseRef", String.valueOf(caseId));
        variables.put("certificateShown", true);
        variables.put("facts", "2026年9月当事人在店内销售商品未明码标价");
        variables.put("legalBasis", "《中华人民共和国价格法》第十三条、第四十二条");
        variables.put("place", "某县某路1号店内");
        variables.put("rightsTold", true);
        variables.put("statementMode", "STATED");
        variables.put("partyStatement", "当事人称刚开业不了解规定，当场补标价签");
        variables.put("penaltyKind", kind);
        if (fineAmount != null) {
            variables.put("fineAmount", fineAmount);
        }
        return variables;
    }

    static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> v = new HashMap<>();
            v.put("value", value);
            v.put("type", value instanceof Boolean ? "Boolean" : value instanceof Map ? "Json" : "String");
            if (value instanceof Map<?, ?> map) {
                v.put("value", map.toString().replace("=", "\":").replace("{", "{\"").replace(", ", ",\""));
            }
            typed.put(name, v);
        });
        return Map.of("variables", typed);
    }

    ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, body, Map.class);
    }

    static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String code) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("code", code);
        Object message = answer.getBody().containsKey("message") ? answer.getBody().get("message")
                : answer.getBody().get("detail");
        assertThat((String) message).containsPattern("\\p{IsHan}");
    }

    String start(String user, Map<String, Object> variables) {
        ResponseEntity<Map> started = post(user, START, typed(variables));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String instance = (String) started.getBody().get("id");
        // the decision is rendered in a job of its own
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult()
                .getId());
        return instance;
    }

    Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    ResponseEntity<Map> complete(String user, String instance, String key, Map<String, Object> variables) {
        Task task = task(instance, key);
        assertThat(task).as(key).isNotNull();
        if (task.getAssignee() == null) {
            post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        }
        return post(user, "/engine-rest/task/" + task.getId() + "/complete", typed(variables));
    }

    void completed(String user, String instance, String key, Map<String, Object> variables) {
        ResponseEntity<Map> answer = complete(user, instance, key, variables);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    List<String> actions(long caseId) {
        return caseRecord.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    boolean ended(String instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
    }

    static Map<String, Object> signed(String method) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("receipt", "SIGNED");
        if (method != null) {
            variables.put("paymentMethod", method);
        }
        return variables;
    }

    static Map<String, Object> filed() {
        return Map.of("materialsHandedIn", true, "materials", "当场行政处罚决定书存根、现场照片");
    }

    @Nested
    class Limits {

        String decidedOrHandedOver(PartyKind party, String amount) {
            clockAt("2026-09-30T10:00");
            long caseId = registered(party);
            ResponseEntity<Map> answer = post("zhangwei", START, typed(onTheSpot(caseId, "FINE", amount)));
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
            String instance = (String) answer.getBody().get("id");
            if (task(instance, "Task_HandOverToGeneralProcedure") != null) {
                assertThat(cases.find(caseId).orElseThrow().caseNo()).isNull();
                return "handed over";
            }
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.DECISION);
            return "decided";
        }

        @Test
        void twoHundredYuanForAPersonAndThreeThousandForAnOrganisation() {
            assertThat(decidedOrHandedOver(PartyKind.INDIVIDUAL, "200")).isEqualTo("decided");
            assertThat(decidedOrHandedOver(PartyKind.INDIVIDUAL, "200.01")).isEqualTo("handed over");
            assertThat(decidedOrHandedOver(PartyKind.ORGANISATION, "3000")).isEqualTo("decided");
            assertThat(decidedOrHandedOver(PartyKind.ORGANISATION, "3000.01")).isEqualTo("handed over");
        }

        @Test
        void otherKindsAreNotForTheSpot() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.ORGANISATION);

            assertRefused(post("zhangwei", START, typed(onTheSpot(caseId, "WARNING", "50"))),
                    HttpStatus.UNPROCESSABLE_ENTITY, "FINE_AMOUNT_INVALID");
            assertRefused(post("zhangwei", START, typed(onTheSpot(caseId, "FINE", "0"))),
                    HttpStatus.UNPROCESSABLE_ENTITY, "FINE_AMOUNT_INVALID");
            assertRefused(post("zhangwei", START, typed(onTheSpot(caseId, "FINE", "99.999"))),
                    HttpStatus.UNPROCESSABLE_ENTITY, "FINE_AMOUNT_INVALID");
            ResponseEntity<Map> revocation = post("zhangwei", START, typed(onTheSpot(caseId, "LICENCE_REVOCATION",
                    null)));
            assertThat(revocation.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(task((String) revocation.getBody().get("id"), "Task_HandOverToGeneralProcedure")).isNotNull();
        }
    }

    @Nested
    class HandOver {

        String outsideTheLimits(long caseId) {
            ResponseEntity<Map> answer = post("zhangwei", START, typed(onTheSpot(caseId, "FINE", "500")));
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
            return (String) answer.getBody().get("id");
        }

        ProcessInstance generalProcedureOf(long caseId) {
            return runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-case")
                    .variableValueEquals("caseId", caseId).singleResult();
        }

        @Test
        void aPenaltyOutsideTheLimitsIsHandedOverToTheGeneralProcedureWithWhatWasRecorded() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = outsideTheLimits(caseId);

            Task handOver = task(instance, "Task_HandOverToGeneralProcedure");
            assertThat(handOver.getAssignee()).isEqualTo("zhangwei");
            assertThat(runtimeService.getVariable(instance, "limitsReason")).asString().contains("超过二百元");
            assertThat(cases.find(caseId).orElseThrow().caseNo()).isNull();
            assertThat(documents.latest(caseId, DocumentType.ON_THE_SPOT_DECISION)).isEmpty();

            clockAt("2026-10-08T09:30");
            assertRefused(complete("zhangwei", instance, "Task_HandOverToGeneralProcedure", Map.of()),
                    HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED");
            // the act cannot have happened after the officer found it on the spot on 30 September
            assertRefused(complete("zhangwei", instance, "Task_HandOverToGeneralProcedure",
                    Map.of("actDate", "2026-10-01")), HttpStatus.UNPROCESSABLE_ENTITY, "CLUE_DATES_INCONSISTENT");
            assertThat(generalProcedureOf(caseId)).isNull();
            completed("zhangwei", instance, "Task_HandOverToGeneralProcedure", Map.of("actDate", "2026-09-20",
                    "evidence", "现场照片3张、检查记录1份"));

            assertThat(ended(instance)).isTrue();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .activityId("EndEvent_HandedOver").count()).isEqualTo(1);
            ProcessInstance general = generalProcedureOf(caseId);
            assertThat(general).isNotNull();
            Map<String, Object> clue = runtimeService.getVariables(general.getId());
            assertThat(clue).containsEntry("startedBy", "zhangwei").containsEntry("partyName", "张三")
                    .containsEntry("partyKind", "INDIVIDUAL").containsEntry("partyIdNumber", "11010519491231002X")
                    .containsEntry("coOfficer", "lina").containsEntry("caseTitle", "某商店未明码标价案")
                    .containsEntry("clueSource", "INSPECTION").containsEntry("clueDiscoveredOn", "2026-09-30")
                    .containsEntry("clueEvidence", "现场照片3张、检查记录1份");
            assertThat((String) clue.get("clueFacts")).contains("未明码标价").contains("价格法").contains("补标价签");
            // the same case, still a clue with its one party; the on-the-spot entries stay in its record
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLUE);
            assertThat(cases.find(caseId).orElseThrow().parties()).hasSize(1);
            assertThat(actions(caseId)).containsSubsequence("ON_THE_SPOT_STARTED", "ON_THE_SPOT_HANDED_OVER",
                    "CLUE_REGISTERED");
            assertThat(taskService.createTaskQuery().processInstanceId(general.getId())
                    .taskDefinitionKey("Task_ProposeFiling").count()).isEqualTo(1);
            assertThat(caseRecord.verify(caseId).intact()).isTrue();
        }

        @Test
        void onlyTheOfficerWhoStartedHandsOverAndWhatTheTableSaidIsTheEngines() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            Map<String, Object> crafted = onTheSpot(caseId, "FINE", "50");
            crafted.put("withinLimits", false);
            assertRefused(post("zhangwei", START, typed(crafted)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");

            String instance = outsideTheLimits(caseId);
            assertRefused(complete("lina", instance, "Task_HandOverToGeneralProcedure",
                    Map.of("actDate", "2026-09-20")), HttpStatus.FORBIDDEN, "FORBIDDEN");
            String handOver = task(instance, "Task_HandOverToGeneralProcedure").getId();
            assertRefused(post("admin", "/engine-rest/task/" + handOver + "/assignee", Map.of("userId", "lina")),
                    HttpStatus.FORBIDDEN, "ON_THE_SPOT_OFFICER_ONLY");
            assertRefused(complete("zhangwei", instance, "Task_HandOverToGeneralProcedure",
                    Map.of("actDate", "2026-09-20", "limitsReason", "在限额以内")), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");
            assertThat(generalProcedureOf(caseId)).isNull();
        }

        @Test
        void theGeneralProcedureTakesNoCaseAClientNamesAndAHandedOverCaseOnce() {
            clockAt("2026-09-30T10:00");
            long arbitrary = registered(PartyKind.INDIVIDUAL);
            Map<String, Object> clue = new LinkedHashMap<>(PenaltyCaseDriver.clue("2026-09-30", "2026-09-20"));
            clue.put("caseRef", String.valueOf(arbitrary));
            ResponseEntity<Map> named = post("zhangwei", GENERAL_START, typed(clue));
            assertRefused(named, HttpStatus.UNPROCESSABLE_ENTITY, "VARIABLE_NOT_IN_FORM");
            // nor from code without a person's command behind it, and not without the engine's hand-over
            Map<String, Object> trusted = new LinkedHashMap<>(clue);
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("penalty-case", trusted))
                    .satisfies(e -> assertThat(ZhifaException.findIn(e).code()).isEqualTo("CASE_REFERENCE_NOT_ALLOWED"));
            assertThat(generalProcedureOf(arbitrary)).isNull();

            long handedOver = registered(PartyKind.INDIVIDUAL);
            String instance = outsideTheLimits(handedOver);
            completed("zhangwei", instance, "Task_HandOverToGeneralProcedure", Map.of("actDate", "2026-09-20"));
            String general = generalProcedureOf(handedOver).getId();
            clue.put("caseRef", String.valueOf(handedOver));
            assertRefused(post("zhangwei", GENERAL_START, typed(clue)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "VARIABLE_NOT_IN_FORM");
            // the case is the general procedure's now: no second on-the-spot procedure, no second hand-over
            assertRefused(post("zhangwei", START, typed(onTheSpot(handedOver, "FINE", "50"))), HttpStatus.CONFLICT,
                    "CASE_NOT_FOR_SIMPLE_PROCEDURE");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-case")
                    .variableValueEquals("caseId", handedOver).list()).extracting(ProcessInstance::getId)
                    .containsExactly(general);
        }
    }

    @Nested
    class Reminders {

        List<Job> timersDue(String instance) {
            return managementService.createJobQuery().processInstanceId(instance).timers()
                    .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list();
        }

        void fireDueTimers(String instance) {
            timersDue(instance).forEach(job -> managementService.executeJob(job.getId()));
        }

        @Test
        void cashNotHandedInOrDepositedInTimeIsRemindedAndPutBeforeTheHeadAcrossNationalDay() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = start("zhangwei", onTheSpot(caseId, "FINE", "80"));
            Map<String, Object> cash = signed("ON_THE_SPOT");
            cash.put("receiptNo", "皖财罚No.0012399");
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", cash);

            // hand-in due 9 October (1–7 October off): the reminder at 9:00 on 8 October, the supervision after
            clockAt("2026-10-08T08:59");
            assertThat(timersDue(instance)).isEmpty();
            clockAt("2026-10-08T09:00");
            fireDueTimers(instance);
            Task handIn = task(instance, "Task_HandInCollectedFine");
            assertThat(handIn.getPriority()).isEqualTo(RemindOnTheSpotDelegate.REMINDED_PRIORITY);
            assertThat(taskService.getTaskComments(handIn.getId())).singleElement()
                    .satisfies(c -> assertThat(c.getFullMessage()).contains("2026-10-09"));
            assertThat(actions(caseId)).contains("ON_THE_SPOT_REMINDED").doesNotContain("ON_THE_SPOT_OVERDUE");
            assertThat(task(instance, "Task_SuperviseHandIn")).isNull();

            clockAt("2026-10-09T23:59");
            assertThat(timersDue(instance)).isEmpty();
            clockAt("2026-10-10T00:00");
            fireDueTimers(instance);
            Task supervise = task(instance, "Task_SuperviseHandIn");
            assertThat(supervise).isNotNull();
            assertThat(taskService.getVariable(supervise.getId(), "overdueMatter")).asString()
                    .contains("上交当场收缴的罚款").contains("2026-10-09").contains("张");
            assertThat(task(instance, "Task_HandInCollectedFine")).isNotNull();
            // the officer, or his unit, does not supervise himself
            assertRefused(post("zhangwei", "/engine-rest/task/" + supervise.getId() + "/claim",
                    Map.of("userId", "zhangwei")), HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertRefused(complete("chengang", instance, "Task_SuperviseHandIn", Map.of()),
                    HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED");
            completed("chengang", instance, "Task_SuperviseHandIn",
                    Map.of("supervisionInstruction", "请张伟今日上交财务室"));
            assertThat(actions(caseId)).contains("ON_THE_SPOT_OVERDUE", "ON_THE_SPOT_SUPERVISED");

            // handed in on Saturday 10 October, a working day: deposit due Tuesday 13, reminded on Monday 12
            clockAt("2026-10-10T10:00");
            completed("zhangwei", instance, "Task_HandInCollectedFine", Map.of("handInNote", "交局财务室"));
            assertThat(caseRecord.entries(caseId).stream().filter(e -> e.action().equals("FINE_HANDED_IN"))
                    .findFirst().orElseThrow().summary()).endsWith("（逾期）");
            assertThat(task(instance, "Task_DepositCollectedFine").getDueDate()).isEqualTo(endOf("2026-10-13"));
            clockAt("2026-10-12T09:00");
            fireDueTimers(instance);
            assertThat(task(instance, "Task_DepositCollectedFine").getPriority())
                    .isEqualTo(RemindOnTheSpotDelegate.REMINDED_PRIORITY);
            assertThat(task(instance, "Task_SuperviseDeposit")).isNull();
            clockAt("2026-10-14T00:00");
            fireDueTimers(instance);
            Task superviseDeposit = task(instance, "Task_SuperviseDeposit");
            assertThat(taskService.getVariable(superviseDeposit.getId(), "overdueMatter")).asString()
                    .contains("缴付指定银行").contains("2026-10-13").contains("承办机构");
            // not even the administrator supervises in the head's place
            assertRefused(post("admin", "/engine-rest/task/" + superviseDeposit.getId() + "/claim",
                    Map.of("userId", "admin")), HttpStatus.FORBIDDEN, "NOT_AGENCY_HEAD");
            completed("chengang", instance, "Task_SuperviseDeposit", Map.of("supervisionInstruction", "请今日缴付"));
            clockAt("2026-10-14T10:00");
            completed("zhangwei", instance, "Task_FileOnTheSpotDecision", filed());
            completed("lina", instance, "Task_DepositCollectedFine", Map.of("depositVoucher", "ICBC-2026-1014"));

            assertThat(ended(instance)).isTrue();
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            assertThat(actions(caseId)).filteredOn("ON_THE_SPOT_SUPERVISED"::equals).hasSize(2);
        }

        @Test
        void aDecisionNotFiledInTimeIsRemindedAndSupervisedAndTheCaseClosesWhenFiled() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = start("zhangwei", onTheSpot(caseId, "WARNING", null));
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", signed(null));

            // filing due 15 October (seven working days, 10 October worked); reminded two working days before
            clockAt("2026-10-13T09:00");
            fireDueTimers(instance);
            assertThat(task(instance, "Task_FileOnTheSpotDecision").getPriority())
                    .isEqualTo(RemindOnTheSpotDelegate.REMINDED_PRIORITY);
            clockAt("2026-10-16T08:00");
            fireDueTimers(instance);
            assertThat(task(instance, "Task_SuperviseFiling")).isNotNull();
            assertRefused(post("lina", "/engine-rest/task/" + task(instance, "Task_SuperviseFiling").getId()
                    + "/claim", Map.of("userId", "lina")), HttpStatus.FORBIDDEN, "FORBIDDEN");

            completed("zhangwei", instance, "Task_FileOnTheSpotDecision", filed());
            // the head still sees that it was late; the case, closed, is archived with his supervision, which an
            // archived case would refuse
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLOSED);
            assertThat(ended(instance)).isFalse();
            completed("chengang", instance, "Task_SuperviseFiling", Map.of("supervisionInstruction", "已备案，下不为例"));
            assertThat(ended(instance)).isTrue();
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            assertThat(actions(caseId)).containsSubsequence("ON_THE_SPOT_REMINDED", "ON_THE_SPOT_OVERDUE",
                    "ON_THE_SPOT_FILED", "ON_THE_SPOT_CLOSED", "ON_THE_SPOT_SUPERVISED");
        }
    }

    @Nested
    class Paths {

        @Test
        void aWarningIsHandedOverFiledAndTheCaseArchived() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = start("zhangwei", onTheSpot(caseId, "WARNING", null));

            assertThat(documents.latest(caseId, DocumentType.ON_THE_SPOT_DECISION)).isPresent();
            assertThat(cases.find(caseId).orElseThrow().caseNo()).isNotNull();
            assertThat(task(instance, "Task_DeliverOnTheSpotDecision").getAssignee()).isEqualTo("zhangwei");

            Map<String, Object> refused = new LinkedHashMap<>(Map.of("receipt", "REFUSED"));
            assertRefused(complete("zhangwei", instance, "Task_DeliverOnTheSpotDecision", refused),
                    HttpStatus.UNPROCESSABLE_ENTITY, "REFUSAL_NOTE_REQUIRED");
            refused.put("refusalNote", "当事人拒绝签收，执法人员在决定书上注明，现场录像");
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", refused);
            // 7 working days from 30 September: 8, 9, 10 (Saturday, worked), 12, 13, 14 and 15 October
            assertThat(task(instance, "Task_FileOnTheSpotDecision").getDueDate()).isEqualTo(endOf("2026-10-15"));
            assertThat(task(instance, "Task_RecordBankPayment")).isNull();
            completed("zhangwei", instance, "Task_FileOnTheSpotDecision", filed());

            assertThat(ended(instance)).isTrue();
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            assertThat(actions(caseId)).contains("ON_THE_SPOT_STARTED", "ON_THE_SPOT_DECIDED", "DOCUMENT_GENERATED",
                    "ON_THE_SPOT_SERVED", "ON_THE_SPOT_FILED", "ON_THE_SPOT_CLOSED");
            assertThat(caseRecord.verify(caseId).intact()).isTrue();
        }

        @Test
        void anArchivedOnTheSpotCaseTakesNoDocumentNoAttachmentAndNoNewProcess() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = start("zhangwei", onTheSpot(caseId, "FINE", "150"));
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", signed("BANK"));
            completed("zhangwei", instance, "Task_FileOnTheSpotDecision", filed());
            completed("lina", instance, "Task_RecordBankPayment",
                    Map.of("paid", "PAID", "paidOn", "2026-09-30", "paymentVoucher", "ICBC-0009"));
            assertThat(ended(instance)).isTrue();
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            // archived through the register, the closing entry before it: the case changed no more after that
            List<RecordEntry> entries = caseRecord.entries(caseId);
            assertThat(entries.stream().map(e -> e.action() + (e.data() != null && e.data().contains("\"to\":\"ARCHIVED\"")
                    ? ":ARCHIVED" : ""))).containsSubsequence("ON_THE_SPOT_CLOSED", "STAGE_CHANGED:ARCHIVED");
            long refusalsBefore = actions(caseId).stream().filter("REFUSAL"::equals).count();

            assertRefused(post("zhangwei", "/api/cases/" + caseId + "/documents", Map.of("type",
                    "ON_THE_SPOT_DECISION", "data", Map.of("caseTitle", "某案"))), HttpStatus.CONFLICT, "CASE_ARCHIVED");
            MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
            upload.add("file", new ByteArrayResource("%PDF-1.4\n% 现场照片\n".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "photo.pdf";
                }
            });
            upload.add("kind", "EVIDENCE");
            upload.add("description", "现场照片");
            assertRefused(post("zhangwei", "/api/cases/" + caseId + "/attachments", upload), HttpStatus.CONFLICT,
                    "CASE_ARCHIVED");
            assertRefused(post("zhangwei", START, typed(onTheSpot(caseId, "WARNING", null))), HttpStatus.CONFLICT,
                    "CASE_ARCHIVED");

            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            assertThat(documents.latest(caseId, DocumentType.ON_THE_SPOT_DECISION).orElseThrow().version())
                    .isEqualTo(1);
            assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("caseId", caseId).count())
                    .isZero();
            assertThat(actions(caseId).stream().filter("REFUSAL"::equals).count()).isEqualTo(refusalsBefore + 3);
            assertThat(caseRecord.verify(caseId).intact()).isTrue();
        }

        @Test
        void aFinePaidAtTheBankWithinFifteenDaysRolledPastNationalDay() {
            clockAt("2026-09-22T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = start("zhangwei", onTheSpot(caseId, "FINE", "150"));
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", signed("BANK"));

            // 15 days from 22 September end on 7 October, a holiday: the next working day
            assertThat(task(instance, "Task_RecordBankPayment").getDueDate()).isEqualTo(endOf("2026-10-08"));
            // 7 working days: 23, 24, 28, 29, 30 September (25 is Mid-Autumn), 8 and 9 October
            assertThat(task(instance, "Task_FileOnTheSpotDecision").getDueDate()).isEqualTo(endOf("2026-10-09"));
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.EXECUTION);

            clockAt("2026-09-28T09:00");
            completed("zhangwei", instance, "Task_FileOnTheSpotDecision", filed());
            assertRefused(complete("lina", instance, "Task_RecordBankPayment", Map.of("paid", "NOT_PAID")),
                    HttpStatus.CONFLICT, "PAYMENT_PERIOD_RUNNING");
            assertRefused(complete("lina", instance, "Task_RecordBankPayment",
                    Map.of("paid", "PAID", "paidOn", "2026-09-21", "paymentVoucher", "ICBC-0001")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "PAID_ON_INVALID");
            completed("lina", instance, "Task_RecordBankPayment",
                    Map.of("paid", "PAID", "paidOn", "2026-09-27", "paymentVoucher", "ICBC-0001"));

            assertThat(ended(instance)).isTrue();
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            assertThat(actions(caseId)).contains("FINE_PAID", "ON_THE_SPOT_CLOSED");
        }

        @Test
        void aFineNotPaidWhenThePeriodHasRunGoesToExecution() {
            clockAt("2026-09-22T10:00");
            long caseId = registered(PartyKind.ORGANISATION);
            String instance = start("zhangwei", onTheSpot(caseId, "FINE", "2000"));
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", signed("BANK"));
            completed("zhangwei", instance, "Task_FileOnTheSpotDecision", filed());

            clockAt("2026-10-08T23:59");
            assertRefused(complete("zhangwei", instance, "Task_RecordBankPayment", Map.of("paid", "NOT_PAID")),
                    HttpStatus.CONFLICT, "PAYMENT_PERIOD_RUNNING");
            clockAt("2026-10-09T08:30");
            completed("zhangwei", instance, "Task_RecordBankPayment", Map.of("paid", "NOT_PAID"));

            assertThat(ended(instance)).isTrue();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .activityId("EndEvent_ToEnforcement").count()).isEqualTo(1);
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.EXECUTION);
            assertThat(actions(caseId)).contains("FINE_NOT_PAID").doesNotContain("ON_THE_SPOT_CLOSED");
        }

        @Test
        void cashCollectedOnTheSpotIsHandedInAndDepositedInTwoWorkingDaysEachAcrossNationalDay() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = start("zhangwei", onTheSpot(caseId, "FINE", "100"));
            Map<String, Object> cash = signed("ON_THE_SPOT");
            assertRefused(complete("zhangwei", instance, "Task_DeliverOnTheSpotDecision", cash),
                    HttpStatus.UNPROCESSABLE_ENTITY, "RECEIPT_NUMBER_REQUIRED");
            cash.put("receiptNo", "皖财罚No.0012345");
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", cash);

            Task handIn = task(instance, "Task_HandInCollectedFine");
            // two working days from 30 September: 8 and 9 October; reminded the working day before, at 9:00
            assertThat(handIn.getDueDate()).isEqualTo(endOf("2026-10-09"));
            assertThat(handIn.getFollowUpDate()).isEqualTo(Date.from(LocalDateTime.parse("2026-10-08T09:00")
                    .atZone(ZONE).toInstant()));
            assertThat(task(instance, "Task_FileOnTheSpotDecision").getDueDate()).isEqualTo(endOf("2026-10-15"));

            clockAt("2026-10-09T16:00");
            assertRefused(complete("lina", instance, "Task_HandInCollectedFine", Map.of()), HttpStatus.FORBIDDEN,
                    "FORBIDDEN");
            completed("zhangwei", instance, "Task_HandInCollectedFine", Map.of("handInNote", "交局财务室"));
            // two working days from 9 October: Saturday 10 October is worked, then Monday 12
            assertThat(task(instance, "Task_DepositCollectedFine").getDueDate()).isEqualTo(endOf("2026-10-12"));

            clockAt("2026-10-13T10:00");
            completed("zhangwei", instance, "Task_FileOnTheSpotDecision", filed());
            completed("lina", instance, "Task_DepositCollectedFine", Map.of("depositVoucher", "ICBC-2026-1013"));

            assertThat(ended(instance)).isTrue();
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.ARCHIVED);
            RecordEntry deposited = caseRecord.entries(caseId).stream()
                    .filter(e -> e.action().equals("FINE_DEPOSITED")).findFirst().orElseThrow();
            assertThat(deposited.summary()).endsWith("（逾期）");
            assertThat(actions(caseId)).contains("FINE_COLLECTED", "FINE_HANDED_IN");
        }

        @Test
        void aLargerFineIsCollectedOnTheSpotOnlyWhenItWouldBeHardToCollectLater() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.ORGANISATION);
            String instance = start("zhangwei", onTheSpot(caseId, "FINE", "100.01"));
            Map<String, Object> cash = signed("ON_THE_SPOT");
            cash.put("receiptNo", "皖财罚No.0012346");

            assertRefused(complete("zhangwei", instance, "Task_DeliverOnTheSpotDecision", cash),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ON_THE_SPOT_COLLECTION_NOT_ALLOWED");
            cash.put("collectionGround", "HARD_TO_EXECUTE");
            completed("zhangwei", instance, "Task_DeliverOnTheSpotDecision", cash);

            assertThat(task(instance, "Task_HandInCollectedFine")).isNotNull();
            // the deposit is the unit's: someone outside it, the administrator included, cannot take it
            clockAt("2026-10-08T10:00");
            completed("zhangwei", instance, "Task_HandInCollectedFine", Map.of());
            String deposit = task(instance, "Task_DepositCollectedFine").getId();
            assertRefused(post("admin", "/engine-rest/task/" + deposit + "/claim", Map.of("userId", "admin")),
                    HttpStatus.FORBIDDEN, "NOT_IN_HANDLING_UNIT");
        }
    }

    @Nested
    class Attacks {

        @Test
        void theEligibilityAndThePaymentPathAreTheEngines() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            Map<String, Object> crafted = onTheSpot(caseId, "FINE", "5000");
            crafted.put("eligibility", Map.of("eligible", true));
            assertRefused(post("zhangwei", START, typed(crafted)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "ENGINE_OWNED_VARIABLE");

            String instance = start("zhangwei", onTheSpot(caseId, "FINE", "150"));
            Map<String, Object> skip = signed("BANK");
            skip.put("payment", "NONE");
            assertRefused(complete("zhangwei", instance, "Task_DeliverOnTheSpotDecision", skip),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ENGINE_OWNED_VARIABLE");
            assertThat(task(instance, "Task_DeliverOnTheSpotDecision")).isNotNull();
        }

        @Test
        void onlyAnOfficerOnTheCaseWithACertificateShownDecides() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);

            assertRefused(post("wangqiang", START, typed(onTheSpot(caseId, "WARNING", null))), HttpStatus.FORBIDDEN,
                    "NOT_OFFICER_ON_CASE");
            Map<String, Object> hidden = onTheSpot(caseId, "WARNING", null);
            hidden.put("certificateShown", false);
            assertRefused(post("zhangwei", START, typed(hidden)), HttpStatus.UNPROCESSABLE_ENTITY,
                    "CERTIFICATE_NOT_SHOWN");
            Map<String, Object> untold = onTheSpot(caseId, "WARNING", null);
            untold.put("rightsTold", false);
            assertRefused(post("zhangwei", START, typed(untold)), HttpStatus.UNPROCESSABLE_ENTITY, "RIGHTS_NOT_TOLD");
            Map<String, Object> unheard = onTheSpot(caseId, "WARNING", null);
            unheard.remove("partyStatement");
            assertRefused(post("zhangwei", START, typed(unheard)), HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_REQUIRED");

            assertThat(actions(caseId)).filteredOn("REFUSAL"::equals).hasSize(4);
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.CLUE);
        }

        @Test
        void onlyACaseNotYetFiledWithOnePartyIsDecidedOnTheSpot() {
            clockAt("2026-09-30T10:00");
            long filed = registered(PartyKind.INDIVIDUAL);
            cases.assignNumber(filed);
            cases.moveTo(filed, CaseStage.FILED, "zhangwei");
            long joint = cases.register(new NewCase(CaseKind.PENALTY, "两人共同违法案", "unit-squad-1",
                    List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号"),
                            new NewCase.NewParty(PartyKind.ORGANISATION, "某县某某商店", "91110000600037341L", "某县某路2号")),
                    List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                            new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();

            assertRefused(post("zhangwei", START, typed(onTheSpot(filed, "WARNING", null))), HttpStatus.CONFLICT,
                    "CASE_NOT_FOR_SIMPLE_PROCEDURE");
            assertRefused(post("zhangwei", START, typed(onTheSpot(joint, "WARNING", null))),
                    HttpStatus.UNPROCESSABLE_ENTITY, "ONE_PARTY_REQUIRED");
        }

        @Test
        void anotherOfficerCannotHandOverOrFileForTheDecidingOfficer() {
            clockAt("2026-09-30T10:00");
            long caseId = registered(PartyKind.INDIVIDUAL);
            String instance = start("zhangwei", onTheSpot(caseId, "WARNING", null));

            assertRefused(complete("lina", instance, "Task_DeliverOnTheSpotDecision", signed(null)),
                    HttpStatus.FORBIDDEN, "FORBIDDEN");
            // not even the administrator puts another officer in his place
            String delivery = task(instance, "Task_DeliverOnTheSpotDecision").getId();
            assertRefused(post("admin", "/engine-rest/task/" + delivery + "/assignee", Map.of("userId", "lina")),
                    HttpStatus.FORBIDDEN, "ON_THE_SPOT_OFFICER_ONLY");
            assertThat(task(instance, "Task_DeliverOnTheSpotDecision").getAssignee()).isEqualTo("zhangwei");
            assertRefused(complete("zhangwei", instance, "Task_DeliverOnTheSpotDecision", signed("BANK")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "NO_FINE_TO_PAY");
            assertRefused(post("zhangwei", START, typed(onTheSpot(caseId, "WARNING", null))), HttpStatus.CONFLICT,
                    "PROCEEDING_ALREADY_RUNNING");
        }
    }
}

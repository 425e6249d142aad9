package cn.zhifa.service;

import static cn.zhifa.service.DocumentServiceDriver.at;
import static cn.zhifa.service.DocumentServiceDriver.clockAt;
import static cn.zhifa.service.DocumentServiceDriver.day;
import static cn.zhifa.service.DocumentServiceDriver.vars;
import static cn.zhifa.service.ServiceVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.deadline.RunningDeadline;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.ZhifaException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of document-service.bpmn, each method's date of service (民事诉讼法 第八十七条至第九十五条), the agency's
 * period for a decision (行政处罚法 第六十一条) with its timers, and every refusal, under a controlled clock.
 */
@ApplicationTest
class DocumentServiceProcessTest {

    static final String CHOOSE = "Task_ChooseServiceMethod";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired CaseRegister cases;
    @Autowired CaseRecord caseRecord;
    @Autowired DocumentService documents;
    @Autowired DeadlineService deadlines;
    @Autowired ServedDocuments served;
    @Autowired DocumentServiceDriver driver;

    long caseId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        // a decision made on Fri 13 Feb 2026, the day before the Spring Festival break
        clockAt("2026-02-13T10:00:00");
        caseId = driver.registerCase();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance serving(DocumentType type) {
        driver.makeDocument(caseId, type);
        return driver.start("zhangwei", caseId, type);
    }

    private Object result(ProcessInstance instance, String variable) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(variable).singleResult().getValue();
    }

    private ServedDocument onlyService() {
        List<ServedDocument> list = served.ofCase(caseId);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private List<String> recordedActions() {
        return caseRecord.entries(caseId).stream().map(RecordEntry::action).toList();
    }

    private Map<String, Object> signedDirectly(String signedOn) {
        return vars(DIRECT_OUTCOME, "SIGNED", SIGNATORY_ROLE, "RECIPIENT", SIGNATORY_NAME, "张三", SIGNED_ON, signedOn,
                SIGNED_RECEIPT_ATTACHMENT_ID, driver.upload(caseId, "签收的送达回证"));
    }

    private void failDirectly(ProcessInstance instance, String on) {
        driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
        driver.work(instance, "Task_ServeDirectly", "zhangwei",
                vars(DIRECT_OUTCOME, "FAILED", FAILURE_REASON, "受送达人不在，家中无人", ATTEMPTED_ON, on));
    }

    /** Refused with the code and a Chinese message, recorded on the case. */
    private void assertRefused(ThrowingCallable call, String code) {
        Throwable thrown = catchThrowable(call);
        while (thrown != null && !(thrown instanceof ZhifaException)) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).as("refusal " + code).isInstanceOf(ZhifaException.class);
        assertThat(((ZhifaException) thrown).code()).isEqualTo(code);
        assertThat(thrown.getMessage()).containsPattern("\\p{IsHan}");
        assertThat(caseRecord.entries(caseId)).anyMatch(e -> e.action().equals("REFUSAL") && e.data().contains(code));
    }

    @Nested
    class Methods {

        // 直接送达: the date the recipient wrote on the 送达回证 (民事诉讼法 第八十七条)
        @Test
        void shouldServeADecisionDirectlyOnTheDateOfSignature() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            assertThat(instance).isWaitingAt(CHOOSE);
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.SERVICE);

            clockAt("2026-02-14T09:30:00");
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
            long receiptId = ((Number) runtimeService.getVariable(instance.getId(), RECEIPT_DOCUMENT_ID)).longValue();
            assertThat(documents.find(receiptId).orElseThrow().type()).isEqualTo(DocumentType.SERVICE_RECEIPT);
            Task serve = driver.task(instance, "Task_ServeDirectly");
            assertThat(serve.getAssignee()).isEqualTo("zhangwei");
            driver.complete(serve, "zhangwei", signedDirectly("2026-02-14"));

            assertThat(instance).isEnded().hasPassed("EndEvent_DocumentServed");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-02-14"));
            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("DIRECT");
            assertThat(result(instance, SERVED_BY)).isEqualTo("zhangwei");
            ServedDocument service = onlyService();
            assertThat(service.status()).isEqualTo(ServedDocument.Status.SERVED);
            assertThat(service.serviceMethod()).isEqualTo(ServiceMethod.DIRECT);
            assertThat(service.serviceDate()).isEqualTo(LocalDate.of(2026, 2, 14));
            assertThat(service.receiptDocumentId()).isEqualTo(receiptId);
            assertThat(service.documentName()).startsWith("《行政处罚决定书》");
            assertThat(service.attempts()).singleElement().satisfies(a -> {
                assertThat(a.outcome()).isEqualTo("SERVED");
                assertThat(a.note()).contains("张三").contains("受送达人本人");
                assertThat(a.evidence()).hasSize(1);
            });
            assertThat(recordedActions()).contains("SERVICE_STARTED", "DOCUMENT_GENERATED", "SERVICE_COMPLETED");
            assertThat(caseRecord.verify(caseId).intact()).isTrue();
        }

        // 留置送达: refusal noted, witnesses sign the receipt, served the day it is left (第八十九条)
        @Test
        void shouldServeByLeavingTheDocumentWithWitnessesOnTheDayItIsLeft() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            clockAt("2026-02-24T16:00:00");
            driver.choose(instance, "lina", vars(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
            driver.work(instance, "Task_ServeDirectly", "lina", vars(DIRECT_OUTCOME, "REFUSED",
                    REFUSAL_REASON, "当事人称不服处罚，拒绝签收", LEFT_ON, "2026-02-24",
                    WITNESSES, "某县某路社区居民委员会工作人员王某", REFUSAL_RECEIPT_ATTACHMENT_ID,
                    driver.upload(caseId, "载明拒收事由的送达回证")));

            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("LEFT_AT_RESIDENCE");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-02-24"));
            assertThat(result(instance, SERVED_BY)).isEqualTo("lina");
            assertThat(onlyService().attempts().get(0).note()).contains("拒绝签收").contains("王某");
        }

        // 留置送达 without witnesses: the leaving recorded by photo or video instead
        @Test
        void shouldServeByLeavingTheDocumentWithAPhotoOfTheLeaving() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
            driver.work(instance, "Task_ServeDirectly", "zhangwei", vars(DIRECT_OUTCOME, "REFUSED",
                    REFUSAL_REASON, "拒绝开门", LEFT_ON, "2026-02-13",
                    LEAVING_RECORDING_ATTACHMENT_ID, driver.uploadPhoto(caseId, "留置送达过程")));

            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("LEFT_AT_RESIDENCE");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-02-13"));
        }

        // a failed attempt is recorded and the next method chosen; 电子送达 dated by its arrival (第九十条)
        @Test
        void shouldChooseAnotherMethodAfterAFailedAttemptAndServeElectronically() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            clockAt("2026-02-14T11:00:00");
            failDirectly(instance, "2026-02-14");

            assertThat(instance).isWaitingAt(CHOOSE);
            assertThat(runtimeService.getVariable(instance.getId(), SERVICE_METHOD_CHOICE)).isNull();
            assertThat(runtimeService.getVariable(instance.getId(), DIRECT_OUTCOME)).isNull();
            assertThat((String) runtimeService.getVariable(instance.getId(), ATTEMPT_HISTORY))
                    .contains("2026-02-14").contains("直接送达未能送达").contains("家中无人");
            assertThat(recordedActions()).contains("SERVICE_ATTEMPT_FAILED");

            clockAt("2026-02-24T09:00:00");
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ELECTRONIC",
                    CONSENT_ATTACHMENT_ID, driver.upload(caseId, "送达地址确认书"), CONSENT_SIGNED_ON, "2026-02-10",
                    ELECTRONIC_ADDRESS, "zhangsan@example.cn", ELECTRONIC_CHANNEL, "EMAIL"));
            assertThat(runtimeService.getVariable(instance.getId(), RECEIPT_DOCUMENT_ID)).isNull();
            driver.work(instance, "Task_ServeElectronically", "zhangwei", vars(ELECTRONIC_OUTCOME, "DELIVERED",
                    ARRIVED_ON, "2026-02-24", EVIDENCE_ATTACHMENT_ID, driver.upload(caseId, "邮件发送成功截屏")));

            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("ELECTRONIC");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-02-24"));
            ServedDocument service = onlyService();
            assertThat(service.attempts()).extracting(ServedDocument.Attempt::outcome)
                    .containsExactly("FAILED", "SERVED");
            assertThat(service.attempts().get(1).evidence()).hasSize(2);
        }

        // 邮寄送达: the date on the return receipt, a holiday included (第九十一条; no roll-forward of a fact)
        @Test
        void shouldDateAPostalServiceByTheReturnReceiptEvenOnAHoliday() {
            clockAt("2026-09-28T10:00:00");
            ProcessInstance instance = serving(DocumentType.PENALTY_NOTICE);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "POST", SERVICE_ADDRESS, "某县某路1号",
                    DIRECT_DIFFICULTY, "当事人长期在外务工"));
            clockAt("2026-10-09T10:00:00");
            driver.work(instance, "Task_ServeByPost", "zhangwei", vars(TRACKING_NUMBER, "EMS1234567890",
                    POSTED_ON, "2026-09-29", POST_OUTCOME, "RECEIVED", RECEIVED_ON, "2026-10-03",
                    RETURN_RECEIPT_ATTACHMENT_ID, driver.upload(caseId, "邮件回执")));

            // Sat 3 Oct 2026 is a National Day holiday: the receipt keeps its date
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-10-03"));
            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("POST");
            assertThat(onlyService().attempts().get(0).note()).contains("EMS1234567890");
        }

        // 委托送达 after a letter came back; served on the day the recipient signs (第九十一条)
        @Test
        void shouldServeThroughAnEntrustedAgencyAfterALetterCameBack() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "POST", SERVICE_ADDRESS, "某县某路1号",
                    DIRECT_DIFFICULTY, "当事人在外地"));
            clockAt("2026-02-25T10:00:00");
            driver.work(instance, "Task_ServeByPost", "zhangwei", vars(TRACKING_NUMBER, "EMS0000000001",
                    POSTED_ON, "2026-02-14", POST_OUTCOME, "RETURNED", FAILURE_REASON, "查无此人",
                    ATTEMPTED_ON, "2026-02-24"));
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ENTRUSTED", SERVICE_ADDRESS, "某市某区某路2号",
                    DIRECT_DIFFICULTY, "当事人在外地，邮寄被退回", INTERMEDIARY_BODY, "某市某区市场监督管理局"));
            driver.work(instance, "Task_ServeThroughIntermediary", "zhangwei", vars(INTERMEDIARY_OUTCOME, "SIGNED",
                    SIGNED_ON, "2026-02-25", SIGNED_RECEIPT_ATTACHMENT_ID, driver.upload(caseId, "退回的送达回证")));

            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("ENTRUSTED");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-02-25"));
            assertThat(onlyService().attempts()).extracting(ServedDocument.Attempt::method)
                    .containsExactly(ServiceMethod.POST, ServiceMethod.ENTRUSTED);
        }

        // 转交送达: a soldier through his unit's political organ (第九十二条, 第九十四条)
        @Test
        void shouldForwardToASoldierThroughHisUnit() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "FORWARDED", FORWARD_REASON, "SOLDIER",
                    INTERMEDIARY_BODY, "某部队政治工作部", SERVICE_ADDRESS, "某市某路3号"));
            clockAt("2026-02-26T10:00:00");
            driver.work(instance, "Task_ServeThroughIntermediary", "zhangwei", vars(INTERMEDIARY_OUTCOME, "SIGNED",
                    SIGNED_ON, "2026-02-26", SIGNED_RECEIPT_ATTACHMENT_ID, driver.upload(caseId, "转交后签收的送达回证")));

            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("FORWARDED");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-02-26"));
        }

        // 公告送达 after a failure: published Tue 2 Dec 2025, 30 days end on 1 Jan 2026 (元旦), rolled to Sun 4 Jan
        // 2026, a 调休 working day (民事诉讼法 第八十五条、第九十五条; R3)
        @Test
        void shouldServeByAnnouncementWhenThePeriodRunsOutAfterNewYear() {
            clockAt("2025-12-01T10:00:00");
            caseId = driver.registerCase();
            ProcessInstance instance = serving(DocumentType.PENALTY_NOTICE);
            failDirectly(instance, "2025-12-01");
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ANNOUNCEMENT",
                    ANNOUNCEMENT_REASON, "直接送达未成功，当事人不知去向"));
            clockAt("2025-12-02T15:00:00");
            driver.work(instance, "Task_PublishAnnouncement", "zhangwei", announcement("2025-12-02", "YES"));

            assertThat(instance).isWaitingAt("IntermediateEvent_AnnouncementPeriodDomestic");
            assertThat(driver.timer(instance, "IntermediateEvent_AnnouncementPeriodDomestic").getDuedate())
                    .isEqualTo(at("2026-01-04T23:59:59"));
            ServedDocument announced = onlyService();
            assertThat(announced.status()).isEqualTo(ServedDocument.Status.ANNOUNCED);
            assertThat(announced.announcedOn()).isEqualTo(LocalDate.of(2025, 12, 2));
            assertThat(announced.serviceDate()).isEqualTo(LocalDate.of(2026, 1, 4));
            assertThat(runtimeService.getVariable(instance.getId(), ANNOUNCEMENT_SERVED_ON))
                    .isEqualTo(day("2026-01-04"));
            assertThat(recordedActions()).contains("SERVICE_ANNOUNCED");

            clockAt("2026-01-05T00:00:01");
            driver.fire(instance, "IntermediateEvent_AnnouncementPeriodDomestic");

            assertThat(instance).isEnded().hasPassed("EndEvent_ServedByAnnouncement");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-01-04"));
            assertThat(result(instance, SERVICE_METHOD)).isEqualTo("ANNOUNCEMENT");
            assertThat(result(instance, ANNOUNCEMENT_PUBLISHED_ON)).isEqualTo(day("2025-12-02"));
            assertThat(deadlines.find(instance.getId(), ANNOUNCEMENT_PERIOD).orElseThrow().status())
                    .isEqualTo(RunningDeadline.Status.DONE);
            assertThat(onlyService().status()).isEqualTo(ServedDocument.Status.SERVED);
        }

        // whereabouts unknown, no domicile in China: 60 days (民事诉讼法 第二百八十三条); Sat 31 Jan 2026 → Mon 2 Feb
        @Test
        void shouldWaitTheLongerPeriodForAPartyWithoutDomicileInChina() {
            clockAt("2025-12-02T10:00:00");
            caseId = driver.registerCase();
            ProcessInstance instance = serving(DocumentType.PENALTY_NOTICE);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ANNOUNCEMENT", WHEREABOUTS_UNKNOWN, true,
                    ANNOUNCEMENT_REASON, "当事人已出境，下落不明"));
            driver.work(instance, "Task_PublishAnnouncement", "zhangwei", announcement("2025-12-02", "NO"));

            assertThat(instance).isWaitingAt("IntermediateEvent_AnnouncementPeriodAbroad");
            assertThat(driver.timer(instance, "IntermediateEvent_AnnouncementPeriodAbroad").getDuedate())
                    .isEqualTo(at("2026-02-02T23:59:59"));
            clockAt("2026-02-03T00:00:01");
            driver.fire(instance, "IntermediateEvent_AnnouncementPeriodAbroad");
            assertThat(result(instance, SERVICE_DATE)).isEqualTo(day("2026-02-02"));
        }
    }

    Map<String, Object> announcement(String publishedOn, String domicile) {
        return vars(POSTED_ON_BOARD, true, POSTED_AT_RESIDENCE, true, PUBLISHED_IN_NEWSPAPER, false,
                PUBLISHED_ON_WEBSITE, true, ANNOUNCEMENT_PLACE, "本局公告栏；当事人住所地；本局门户网站通知公告栏目",
                PUBLISHED_ON, publishedOn, ANNOUNCEMENT_ATTACHMENT_ID, driver.upload(caseId, "公告文本"),
                POSTING_RECORDING_ATTACHMENT_ID, driver.uploadPhoto(caseId, "公告张贴过程"), DOMICILE_IN_CHINA, domicile);
    }

    @Nested
    class AgencyPeriod {

        // 行政处罚法 第六十一条: decision of Fri 13 Feb 2026 → 7 working days → Mon 2 Mar (Sat 14 and 28 Feb are 调休)
        @Test
        void shouldDueTheServiceOfADecisionSevenWorkingDaysAfterTheDecision() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            Task choose = driver.task(instance, CHOOSE);
            assertThat(choose.getDueDate()).isEqualTo(at("2026-03-02T23:59:59"));
            assertThat(choose.getFollowUpDate()).isEqualTo(at("2026-02-28T09:00:00"));
            assertThat(driver.timer(instance, "IntermediateEvent_ServiceDueSoon").getDuedate())
                    .isEqualTo(at("2026-02-28T09:00:00"));
            assertThat(deadlines.find(instance.getId(), AGENCY_PERIOD).orElseThrow().dueAt())
                    .isEqualTo(at("2026-03-02T23:59:59").toInstant());
        }

        @Test
        void shouldRemindThenEscalateToAHeadAndCloseThePeriodOnceServed() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            clockAt("2026-02-28T09:00:01");
            driver.fire(instance, "IntermediateEvent_ServiceDueSoon");
            Task choose = driver.task(instance, CHOOSE);
            assertThat(choose.getPriority()).isEqualTo(RemindServerDelegate.REMINDED_PRIORITY);
            assertThat(taskService.getTaskComments(choose.getId()))
                    .anyMatch(c -> c.getFullMessage().contains("2026-03-02"));
            assertThat(driver.timer(instance, "IntermediateEvent_ServiceOverdue").getDuedate())
                    .isEqualTo(at("2026-03-02T23:59:59"));

            clockAt("2026-03-03T00:00:01");
            driver.fire(instance, "IntermediateEvent_ServiceOverdue");
            assertThat(cases.find(caseId).orElseThrow().overdue()).isTrue();
            assertThat(instance).isWaitingAt(CHOOSE, "Task_SuperviseOverdueService");
            driver.work(instance, "Task_SuperviseOverdueService", "chengang", vars(OVERDUE_INSTRUCTION, "请今日送达。"));

            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
            driver.complete(driver.task(instance, "Task_ServeDirectly"), "zhangwei", signedDirectly("2026-03-03"));
            assertThat(instance).isEnded();
            assertThat(cases.find(caseId).orElseThrow().overdue()).isFalse();
            assertThat(deadlines.find(instance.getId(), AGENCY_PERIOD).orElseThrow().status())
                    .isEqualTo(RunningDeadline.Status.DONE);
            assertThat(recordedActions()).contains("SERVICE_REMINDED", "SERVICE_OVERDUE");
        }

        // the agency's part ends when the announcement is issued; the period does not wait for the deemed service
        @Test
        void shouldMeetThePeriodWhenTheAnnouncementIsIssuedAndCancelItsTimers() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ANNOUNCEMENT", WHEREABOUTS_UNKNOWN, true,
                    ANNOUNCEMENT_REASON, "当事人下落不明"));
            driver.work(instance, "Task_PublishAnnouncement", "zhangwei", announcement("2026-02-13", "YES"));

            assertThat(deadlines.find(instance.getId(), AGENCY_PERIOD).orElseThrow().status())
                    .isEqualTo(RunningDeadline.Status.DONE);
            assertThat(driver.timer(instance, "IntermediateEvent_ServiceDueSoon")).isNull();
            assertThat(instance).isWaitingAt("IntermediateEvent_AnnouncementPeriodDomestic");
        }

        @Test
        void shouldRunNoAgencyPeriodForANotice() {
            ProcessInstance instance = serving(DocumentType.PENALTY_NOTICE);
            assertThat(driver.task(instance, CHOOSE).getDueDate()).isNull();
            assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(deadlines.find(instance.getId(), AGENCY_PERIOD)).isEmpty();
            assertThat(cases.find(caseId).orElseThrow().stage()).isNotEqualTo(CaseStage.SERVICE);
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseElectronicServiceWithoutTheWrittenConsent() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            Task choose = driver.task(instance, CHOOSE);
            assertRefused(() -> driver.work(instance, CHOOSE, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ELECTRONIC",
                    ELECTRONIC_ADDRESS, "zhangsan@example.cn", ELECTRONIC_CHANNEL, "EMAIL")),
                    "ELECTRONIC_WITHOUT_CONSENT");
            assertThat(driver.task(instance, CHOOSE).getId()).isEqualTo(choose.getId());
            assertThat(runtimeService.getVariable(instance.getId(), SERVICE_METHOD_CHOICE)).isNull();
        }

        @Test
        void shouldRefuseAnElectronicServiceThatArrivedBeforeTheConsent() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            clockAt("2026-02-14T10:00:00");
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ELECTRONIC",
                    CONSENT_ATTACHMENT_ID, driver.upload(caseId, "送达地址确认书"), CONSENT_SIGNED_ON, "2026-02-14",
                    ELECTRONIC_ADDRESS, "13800000000", ELECTRONIC_CHANNEL, "SMS"));
            assertRefused(() -> driver.work(instance, "Task_ServeElectronically", "zhangwei", vars(ELECTRONIC_OUTCOME,
                    "DELIVERED", ARRIVED_ON, "2026-02-13", EVIDENCE_ATTACHMENT_ID, driver.upload(caseId, "截屏"))),
                    "ELECTRONIC_BEFORE_CONSENT");
            assertThat(instance).isWaitingAt("Task_ServeElectronically");
        }

        @Test
        void shouldRefuseAnAnnouncementWithoutAFailedAttemptOrUnknownWhereabouts() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            assertRefused(() -> driver.work(instance, CHOOSE, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ANNOUNCEMENT",
                    WHEREABOUTS_UNKNOWN, false, ANNOUNCEMENT_REASON, "图省事")), "ANNOUNCEMENT_WITHOUT_FAILURE");
            assertThat(instance).isWaitingAt(CHOOSE);
        }

        @Test
        void shouldRefuseLeavingTheDocumentWithoutWitnessesOrARecording() {
            ProcessInstance instance = directAttempt();
            assertRefused(() -> driver.work(instance, "Task_ServeDirectly", "zhangwei", vars(DIRECT_OUTCOME, "REFUSED",
                    REFUSAL_REASON, "拒绝签收", LEFT_ON, "2026-02-13")), "LEAVING_WITHOUT_WITNESS_OR_RECORDING");
            assertThat(instance).isWaitingAt("Task_ServeDirectly");
            assertThat(onlyService().attempts()).isEmpty();
        }

        @Test
        void shouldRefuseAScanAsTheRecordingOfTheLeaving() {
            ProcessInstance instance = directAttempt();
            assertRefused(() -> driver.work(instance, "Task_ServeDirectly", "zhangwei", vars(DIRECT_OUTCOME, "REFUSED",
                    REFUSAL_REASON, "拒绝签收", LEFT_ON, "2026-02-13",
                    LEAVING_RECORDING_ATTACHMENT_ID, driver.upload(caseId, "不是音像记录"))), "ATTACHMENT_NOT_AUDIO_VIDEO");
        }

        @Test
        void shouldRefuseTheReceiptOfAnotherCase() {
            long otherCase = driver.registerCase();
            String foreign = driver.upload(otherCase, "他案的送达回证");
            ProcessInstance instance = directAttempt();
            Map<String, Object> form = signedDirectly("2026-02-13");
            form.put(SIGNED_RECEIPT_ATTACHMENT_ID, foreign);
            assertRefused(() -> driver.work(instance, "Task_ServeDirectly", "zhangwei", form),
                    "ATTACHMENT_NOT_OF_CASE");
        }

        @Test
        void shouldRefuseAFamilyMemberSigningForACompany() {
            caseId = driver.registerOrganisationCase();
            ProcessInstance instance = directAttempt();
            Map<String, Object> form = signedDirectly("2026-02-13");
            form.put(SIGNATORY_ROLE, "FAMILY");
            assertRefused(() -> driver.work(instance, "Task_ServeDirectly", "zhangwei", form), "SIGNATORY_NOT_ALLOWED");
            form.put(SIGNATORY_ROLE, "RECEPTION");
            driver.work(instance, "Task_ServeDirectly", "zhangwei", form);
            assertThat(instance).isEnded();
        }

        @Test
        void shouldRefuseADateOfServiceInTheFutureOrBeforeTheDocument() {
            ProcessInstance instance = directAttempt();
            assertRefused(() -> driver.work(instance, "Task_ServeDirectly", "zhangwei", signedDirectly("2026-02-14")),
                    "SERVICE_DATE_IN_FUTURE");
            assertRefused(() -> driver.work(instance, "Task_ServeDirectly", "zhangwei", signedDirectly("2026-02-12")),
                    "SERVICE_DATE_BEFORE_DOCUMENT");
        }

        @Test
        void shouldRefuseAReturnReceiptDatedBeforeThePosting() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "POST", SERVICE_ADDRESS, "某县某路1号",
                    DIRECT_DIFFICULTY, "当事人在外地"));
            clockAt("2026-02-26T10:00:00");
            assertRefused(() -> driver.work(instance, "Task_ServeByPost", "zhangwei", vars(TRACKING_NUMBER, "EMS1",
                    POSTED_ON, "2026-02-24", POST_OUTCOME, "RECEIVED", RECEIVED_ON, "2026-02-14",
                    RETURN_RECEIPT_ATTACHMENT_ID, driver.upload(caseId, "回执"))), "POST_RECEIVED_BEFORE_POSTED");
        }

        @Test
        void shouldRefuseAPostalServiceWithoutTheDifficultyOfDirectService() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            assertRefused(() -> driver.work(instance, CHOOSE, "zhangwei", vars(SERVICE_METHOD_CHOICE, "POST",
                    SERVICE_ADDRESS, "某县某路1号", DIRECT_DIFFICULTY, "")), "FIELD_REQUIRED");
        }

        @Test
        void shouldRefuseAPostingWithoutARecordOfIt() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "ANNOUNCEMENT", WHEREABOUTS_UNKNOWN, true,
                    ANNOUNCEMENT_REASON, "当事人下落不明"));
            Map<String, Object> form = announcement("2026-02-13", "YES");
            form.remove(POSTING_RECORDING_ATTACHMENT_ID);
            assertRefused(() -> driver.work(instance, "Task_PublishAnnouncement", "zhangwei", form),
                    "ANNOUNCEMENT_POSTING_NOT_RECORDED");
        }

        @Test
        void shouldRefuseToServeADocumentNotYetMadeOrAnInternalOne() {
            assertRefused(() -> driver.start("zhangwei", caseId, DocumentType.PENALTY_DECISION),
                    "SERVICE_DOCUMENT_NOT_MADE");
            driver.makeDocument(caseId, DocumentType.CASE_FILING_APPROVAL);
            assertRefused(() -> driver.start("zhangwei", caseId, DocumentType.CASE_FILING_APPROVAL),
                    "SERVICE_DOCUMENT_NOT_SERVABLE");
            assertThat(served.ofCase(caseId)).isEmpty();
        }

        @Test
        void shouldRefuseARecipientWhoIsNotAParty() {
            driver.makeDocument(caseId, DocumentType.PENALTY_DECISION);
            Map<String, Object> start = vars("caseRef", String.valueOf(caseId), DOCUMENT_TO_SERVE, "PENALTY_DECISION",
                    RECIPIENT, "李四");
            assertRefused(() -> driver.start("zhangwei", start), "SERVICE_RECIPIENT_NOT_PARTY");
        }

        @Test
        void shouldRefuseAStarterOrAServerFromAnotherUnit() {
            driver.makeDocument(caseId, DocumentType.PENALTY_DECISION);
            assertRefused(() -> driver.start("wangqiang", caseId, DocumentType.PENALTY_DECISION),
                    "SERVICE_STARTER_NOT_IN_UNIT");
            ProcessInstance instance = driver.start("zhangwei", caseId, DocumentType.PENALTY_DECISION);
            // Tasklist would not offer the task; trusted code naming him is stopped by the listener
            assertRefused(() -> taskService.setAssignee(driver.task(instance, CHOOSE).getId(), "wangqiang"),
                    "SERVER_NOT_ON_CASE");
            assertThat(driver.task(instance, CHOOSE).getAssignee()).isNull();
            driver.claim(driver.task(instance, CHOOSE), "lina");
            assertThat(driver.task(instance, CHOOSE).getAssignee()).isEqualTo("lina");
        }

        @Test
        void shouldLeaveTheSupervisionOfAnOverdueServiceToAnAgencyHead() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            clockAt("2026-03-03T00:00:01");
            driver.fire(instance, "IntermediateEvent_ServiceDueSoon");
            driver.fire(instance, "IntermediateEvent_ServiceOverdue");
            assertRefused(() -> taskService.setAssignee(driver.task(instance, "Task_SuperviseOverdueService").getId(),
                    "lina"), "NOT_AGENCY_HEAD");
        }

        private ProcessInstance directAttempt() {
            ProcessInstance instance = serving(DocumentType.PENALTY_DECISION);
            driver.choose(instance, "zhangwei", vars(SERVICE_METHOD_CHOICE, "DIRECT", SERVICE_ADDRESS, "某县某路1号"));
            return instance;
        }
    }
}

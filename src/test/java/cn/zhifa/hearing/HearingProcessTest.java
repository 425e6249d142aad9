package cn.zhifa.hearing;

import static cn.zhifa.hearing.HearingDriver.CLERK;
import static cn.zhifa.hearing.HearingDriver.HEAD;
import static cn.zhifa.hearing.HearingDriver.HOST;
import static cn.zhifa.hearing.HearingDriver.OFFICER;
import static cn.zhifa.hearing.HearingDriver.clockAt;
import static cn.zhifa.hearing.HearingDriver.designation;
import static cn.zhifa.hearing.HearingDriver.held;
import static cn.zhifa.hearing.HearingDriver.report;
import static cn.zhifa.hearing.HearingDriver.vars;
import static cn.zhifa.hearing.HearingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.identity.Roles;
import cn.zhifa.system.ZhifaException;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of hearing.bpmn started on its own and every refusal, as the people would act in Tasklist. The 告知书
 * is served on Monday 21 September 2026: the party may ask until Monday 28 September (5 working days, 调休 Sunday
 * 20 September before it and the National Day holiday 1–7 October after it).
 */
@ApplicationTest
class HearingProcessTest {

    static final String SERVED = "2026-09-21T10:00";

    @Autowired ProcessEngine engine;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired DocumentService documents;
    @Autowired CaseRegister cases;
    @Autowired HearingDriver driver;

    long caseId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clockAt(SERVED);
        caseId = driver.filedCase();
        driver.penaltyNoticeServed(caseId);
    }

    @AfterEach
    void tearDown() {
        driver.tearDown();
    }

    private ProcessInstance requested(String on) {
        clockAt(on + "T10:00");
        ProcessInstance hearing = driver.start(OFFICER, caseId);
        driver.register(hearing, on);
        return hearing;
    }

    private ProcessInstance noticed(String designatedOn, String hearingAt) {
        ProcessInstance hearing = requested("2026-09-23");
        driver.decide(hearing, "HOLD", null);
        clockAt(designatedOn + "T10:00");
        driver.designate(hearing, hearingAt);
        driver.noticeServed(hearing);
        return hearing;
    }

    private Object result(ProcessInstance instance, String variable) {
        var value = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(variable).singleResult();
        return value == null ? null : value.getValue();
    }

    private String text(DocumentType type) throws Exception {
        StoredDocument document = documents.latest(caseId, type).orElseThrow();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(documents.content(document)));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    /** Refused with the code and the message, the task unchanged, and the refusal in the case record. */
    private void refused(Runnable step, String code, String... message) {
        assertThatThrownBy(step::run).satisfies(thrown -> assertThat(refusal(thrown))
                .hasFieldOrPropertyWithValue("code", code).hasMessageContainingAll(message.length == 0 ? new String[] {""}
                        : message));
        assertThat(driver.refusals(caseId, code)).isNotEmpty();
    }

    /** The refusal the engine may have wrapped on its way out. */
    static ZhifaException refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ZhifaException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("not a refusal", thrown);
    }

    @Nested
    class Paths {

        @Test
        void shouldHoldTheHearingAndReturnTheReportAndTheTranscript() throws Exception {
            ProcessInstance hearing = driver.start(OFFICER, caseId);
            assertThat(hearing).isWaitingAt("Task_RegisterHearingRequest").variables()
                    .containsEntry(NOTICE_SERVED_AT, "2026-09-21").containsEntry(REQUEST_DUE_ON, "2026-09-29");
            clockAt("2026-09-23T10:00");
            driver.heldThroughout(hearing, "2026-09-23", "2026-10-15T09:30");

            assertThat(hearing).isEnded().hasPassed("Task_IssueHearingReport", "EndEvent_HearingHeld");
            assertThat(result(hearing, HEARING_RESULT)).isEqualTo("HELD");
            assertThat(result(hearing, HEARING_REPORT_DOCUMENT_ID))
                    .isEqualTo(documents.latest(caseId, DocumentType.HEARING_REPORT).orElseThrow().id());
            assertThat(result(hearing, HEARING_TRANSCRIPT_DOCUMENT_ID))
                    .isEqualTo(documents.latest(caseId, DocumentType.HEARING_TRANSCRIPT).orElseThrow().id());
            assertThat(text(DocumentType.HEARING_NOTICE)).contains("2026年10月15日 9时30分", "局二楼听证室", "吴芳", "赵敏",
                    "公开举行", "一至二人", "回避");
            assertThat(text(DocumentType.HEARING_TRANSCRIPT)).contains("张伟、李娜", "当事人称系供货商责任",
                    "主持人宣布听证开始", "已核对无误并签字");
            assertThat(text(DocumentType.HEARING_REPORT)).contains("吴芳", "建议按裁量基准第二档罚款15万元", "检验报告、询问笔录真实");
            assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.HEARING);
            assertThat(driver.recordedActions(caseId)).containsSubsequence("HEARING_STARTED", "HEARING_REQUESTED",
                    "HEARING_DECIDED", "HEARING_HOST_DESIGNATED", "SERVICE_COMPLETED", "HEARING_NOTICE_SERVED",
                    "HEARING_HELD", "HEARING_TRANSCRIPT", "HEARING_REPORT_WRITTEN", "HEARING_REPORT", "HEARING_CLOSED");
        }

        @Test
        void shouldRefuseALateRequestWithTheDayItWasDueAndServeTheRefusalNotice() throws Exception {
            ProcessInstance hearing = requested("2026-09-30");
            refused(() -> driver.decide(hearing, "HOLD", null), "REQUEST_LATE", "2026-09-29", "2026-09-21");
            assertThat(hearing).isWaitingAt("Task_DecideHearing");

            driver.decide(hearing, "REFUSE", "依法不予听证");
            driver.runJobs(hearing);
            assertThat(hearing).isWaitingAt("CallActivity_ServeRefusalNotice");
            driver.serveDirectly(engine.getRuntimeService().createProcessInstanceQuery()
                    .superProcessInstanceId(hearing.getId()).singleResult(), caseId);

            assertThat(hearing).isEnded().hasPassed("EndEvent_HearingRefused");
            assertThat(result(hearing, HEARING_RESULT)).isEqualTo("REFUSED");
            assertThat(text(DocumentType.HEARING_REFUSAL_NOTICE)).contains("2026年9月30日", "期限至2026-09-29", "依法不予听证",
                    "不予听证");
        }

        @Test
        void shouldLetTheHeadRefuseAStandaloneRequestOutsideTheHearingRightWithReasons() {
            ProcessInstance hearing = requested("2026-09-23");
            refused(() -> driver.decide(hearing, "REFUSE", ""), "FIELD_REQUIRED", "不予听证的理由");
            driver.decide(hearing, "REFUSE", "拟作出警告，不属于听证范围");
            assertThat(hearing).variables().containsEntry(HEARING_RIGHT, false)
                    .containsEntry(HEARING_RIGHT_REASON, "拟作出警告，不属于听证范围");
        }

        // the notice served on Wednesday 30 September, the day before National Day: 8, 9, 10 (调休 Saturday), 12, 13,
        // 14 October are six working days; the hearing may be on Thursday 15 October at the earliest
        @Test
        void shouldCountTheNoticeLeadTimeAcrossNationalDay() {
            ProcessInstance hearing = requested("2026-09-23");
            driver.decide(hearing, "HOLD", null);
            clockAt("2026-09-30T10:00");
            refused(() -> driver.designate(hearing, "2026-10-14T09:30"), "HEARING_DATE_TOO_EARLY",
                    "最早可定于2026-10-15");
            driver.designate(hearing, "2026-10-15T09:30");
            driver.noticeServed(hearing);

            assertThat(hearing).isWaitingAt("Task_HoldHearing").variables().containsEntry(NOTICE_IN_TIME, true);
        }

        // designated on Monday 28 September for 14 October (in time if served that day); served on the 30th only
        @Test
        void shouldAskForANewDateAndANewNoticeWhenTheNoticeWasServedTooLate() {
            ProcessInstance hearing = requested("2026-09-23");
            driver.decide(hearing, "HOLD", null);
            clockAt("2026-09-28T10:00");
            driver.designate(hearing, "2026-10-14T09:30");
            driver.runJobs(hearing);
            clockAt("2026-09-30T10:00");
            driver.noticeServed(hearing);

            assertThat(hearing).isWaitingAt("Task_RescheduleHearing").variables().containsEntry(NOTICE_IN_TIME, false)
                    .containsEntry(EARLIEST_HEARING_DATE, "2026-10-15");
            Map<String, Object> again = vars(PROPOSED_HEARING_AT, "2026-10-14T09:30", PROPOSED_PLACE, "局二楼听证室",
                    RESCHEDULE_NOTE, "听证通知书送达过晚");
            refused(() -> driver.work(hearing, "Task_RescheduleHearing", CLERK, again), "HEARING_DATE_TOO_EARLY",
                    "最早可定于2026-10-15");
            again.put(PROPOSED_HEARING_AT, "2026-10-15T09:30");
            driver.complete(driver.task(hearing, "Task_RescheduleHearing"), CLERK, again);
            driver.noticeServed(hearing);
            assertThat(hearing).isWaitingAt("Task_HoldHearing");
            assertThat(driver.recordedActions(caseId)).containsSubsequence("HEARING_NOTICE_LATE", "HEARING_RESCHEDULED",
                    "HEARING_NOTICE_SERVED");
        }

        @Test
        void shouldEndAsAbsentOrWithdrawnWhenThePartyDoesNotTakePart() {
            ProcessInstance absent = noticed("2026-09-23", "2026-10-15T09:30");
            clockAt("2026-10-15T10:00");
            refused(() -> driver.hold(absent, vars(HEARING_ACTION, "ABSENT")), "FIELD_REQUIRED", "当事人未出席的情况");
            driver.hold(absent, vars(HEARING_ACTION, "ABSENT", ACTION_NOTE, "已合法通知，当事人无正当理由未到场"));
            assertThat(absent).isEnded().hasPassed("EndEvent_PartyAbsent");
            assertThat(result(absent, HEARING_RESULT)).isEqualTo("ABSENT");
        }

        @Test
        void shouldEndAsWithdrawnWhenThePartyLeavesWithoutPermission() {
            ProcessInstance hearing = noticed("2026-09-23", "2026-10-15T09:30");
            clockAt("2026-10-15T10:00");
            driver.hold(hearing, vars(HEARING_ACTION, "LEFT", ACTION_NOTE, "当事人于10时20分未经许可退场"));
            assertThat(hearing).isEnded().hasPassed("EndEvent_HearingWithdrawn");
            assertThat(result(hearing, HEARING_RESULT)).isEqualTo("WITHDRAWN");
        }

        @Test
        void shouldEndAsWithdrawnWhenThePartyWithdrawsBeforeTheDay() {
            ProcessInstance hearing = noticed("2026-09-23", "2026-10-15T09:30");
            driver.hold(hearing, vars(HEARING_ACTION, "WITHDRAWN", ACTION_NOTE, "当事人于9月25日书面撤回听证要求"));
            assertThat(hearing).isEnded().hasPassed("EndEvent_HearingWithdrawn");
            assertThat(result(hearing, HEARING_RESULT)).isEqualTo("WITHDRAWN");
        }

        @Test
        void shouldPostponeOnceWithANewDateAndANewNotice() {
            ProcessInstance hearing = noticed("2026-09-23", "2026-10-15T09:30");
            driver.hold(hearing, vars(HEARING_ACTION, "POSTPONE", ACTION_NOTE, "当事人住院治疗，提交了诊断证明"));
            assertThat(hearing).isWaitingAt("Task_RescheduleHearing");
            driver.work(hearing, "Task_RescheduleHearing", HEAD, vars(PROPOSED_HEARING_AT, "2026-10-22T09:30",
                    PROPOSED_PLACE, "局二楼听证室", RESCHEDULE_NOTE, "当事人申请延期"));
            driver.noticeServed(hearing);
            assertThat(documents.latest(caseId, DocumentType.HEARING_NOTICE).orElseThrow().version()).isEqualTo(2);

            refused(() -> driver.hold(hearing, vars(HEARING_ACTION, "POSTPONE", ACTION_NOTE, "仍在住院")),
                    "POSTPONEMENT_LIMIT", "已延期1次");
            assertThat(hearing).isWaitingAt("Task_HoldHearing").variables().containsEntry(POSTPONEMENTS, 1)
                    .containsEntry(HEARING_AT, "2026-10-22T09:30");
        }

        @Test
        void shouldDesignateANewHostWhenTheHeadGrantsTheRecusal() {
            identityService.createMembership("sunli", Roles.HEARING_HOST);
            try {
                ProcessInstance hearing = noticed("2026-09-23", "2026-10-15T09:30");
                driver.hold(hearing, vars(HEARING_ACTION, "RECUSAL", ACTION_NOTE, "主持人与当事人有亲属关系"));
                driver.work(hearing, "Task_DecideHearingRecusal", HEAD, vars(RECUSAL_DECISION, "GRANT",
                        RECUSAL_REASON, "经查属实"));
                assertThat(hearing).isWaitingAt("Task_DesignateHearingHost");
                refused(() -> driver.designate(hearing, "2026-10-20T09:30"), "HOST_RECUSED", "吴芳已决定回避");
                driver.work(hearing, "Task_DesignateHearingHost", HEAD,
                        designation("sunli", CLERK, "2026-10-20T09:30"));
                driver.noticeServed(hearing);
                assertThat(driver.task(hearing, "Task_HoldHearing").getAssignee()).isEqualTo("sunli");
            } finally {
                identityService.deleteMembership("sunli", Roles.HEARING_HOST);
            }
        }

        @Test
        void shouldGoBackToTheHearingWhenTheRecusalIsRejected() {
            ProcessInstance hearing = noticed("2026-09-23", "2026-10-15T09:30");
            driver.hold(hearing, vars(HEARING_ACTION, "RECUSAL", ACTION_NOTE, "认为主持人不公正"));
            driver.work(hearing, "Task_DecideHearingRecusal", HEAD, vars(RECUSAL_DECISION, "REJECT",
                    RECUSAL_REASON, "无直接利害关系"));
            assertThat(hearing).isWaitingAt("Task_HoldHearing");
            assertThat(driver.task(hearing, "Task_HoldHearing").getAssignee()).isEqualTo(HOST);
        }

        @Test
        void shouldHoldANonPublicHearingWithAgentsAndAnUploadedTranscriptTheHostNotesTheRefusalToSign()
                throws Exception {
            ProcessInstance hearing = requested("2026-09-23");
            driver.decide(hearing, "HOLD", "当事人依法享有听证权利");
            Map<String, Object> closed = designation(HOST, CLERK, "2026-10-15T09:30");
            closed.put(PUBLIC_HEARING, false);
            refused(() -> driver.work(hearing, "Task_DesignateHearingHost", HEAD, closed), "FIELD_REQUIRED",
                    "不公开举行的事由");
            closed.put(CONFIDENTIALITY_GROUND, "TRADE_SECRET");
            closed.put(CONFIDENTIALITY_REASON, "涉及当事人的生产工艺");
            driver.work(hearing, "Task_DesignateHearingHost", HEAD, closed);
            driver.noticeServed(hearing);
            clockAt("2026-10-15T09:30");

            Map<String, Object> agents = held();
            agents.put(PARTY_PRESENT, "AGENTS");
            agents.put(AGENT_NAMES, "李律师、王律师、赵律师");
            refused(() -> driver.hold(hearing, agents), "TOO_MANY_AGENTS", "一至二人");
            agents.put(AGENT_NAMES, "李律师、王律师");
            refused(() -> driver.hold(hearing, agents), "FIELD_REQUIRED", "授权委托书");
            agents.put(POWER_OF_ATTORNEY_ATTACHMENT_ID, "999999");
            refused(() -> driver.hold(hearing, agents), "ATTACHMENT_NOT_OF_CASE", "999999");
            agents.put(POWER_OF_ATTORNEY_ATTACHMENT_ID, driver.upload(caseId, "授权委托书"));
            driver.hold(hearing, agents);

            refused(() -> driver.complete(driver.task(hearing, "Task_RecordHearingTranscript"), CLERK,
                    vars(PARTY_SIGNATURE, "REFUSED")), "TRANSCRIPT_MISSING");
            driver.complete(driver.task(hearing, "Task_RecordHearingTranscript"), CLERK,
                    vars(TRANSCRIPT_ATTACHMENT_ID, driver.upload(caseId, "听证笔录扫描件"), PARTY_SIGNATURE, "REFUSED"));
            refused(() -> driver.report(hearing, report()), "FIELD_REQUIRED", "当事人拒绝签字的情况");
            Map<String, Object> noted = report();
            noted.put(SIGNATURE_REFUSAL_NOTE, "代理人李律师拒绝签字，称笔录未记录其全部意见");
            driver.report(hearing, noted);

            assertThat(hearing).isEnded();
            assertThat(text(DocumentType.HEARING_TRANSCRIPT)).contains("不公开举行（涉及商业秘密：涉及当事人的生产工艺）",
                    "李律师、王律师", "scan.pdf", "代理人李律师拒绝签字");
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseAHearingBeforeTheNoticeOfThePenaltyWasServed() {
            long unserved = driver.filedCase();
            assertThatThrownBy(() -> driver.start(OFFICER, unserved)).satisfies(thrown -> assertThat(refusal(thrown))
                    .hasFieldOrPropertyWithValue("code", "PENALTY_NOTICE_NOT_SERVED"));
        }

        @Test
        void shouldRefuseAStarterOutsideTheHandlingUnitAndTheHeads() {
            assertThatThrownBy(() -> driver.start(HOST, caseId)).satisfies(thrown -> assertThat(refusal(thrown))
                    .hasFieldOrPropertyWithValue("code", "HEARING_STARTER_NOT_ALLOWED"));
        }

        @Test
        void shouldRefuseARequestDatedInTheFutureOrBeforeTheNotice() {
            ProcessInstance hearing = driver.start(OFFICER, caseId);
            refused(() -> driver.register(hearing, "2026-09-22"), "REQUEST_DATE_IN_FUTURE");
            refused(() -> driver.register(hearing, "2026-09-20"), "REQUEST_BEFORE_NOTICE", "2026-09-21");
            assertThat(hearing).isWaitingAt("Task_RegisterHearingRequest");
        }

        @Test
        void shouldRefuseAHostOrClerkWhoHandledTheCaseNamingThem() {
            ProcessInstance hearing = requested("2026-09-23");
            driver.decide(hearing, "HOLD", null);
            refused(() -> driver.work(hearing, "Task_DesignateHearingHost", HEAD,
                    designation(HOST, "lina", "2026-10-15T09:30")), "HANDLED_THE_CASE", "李娜（本案协办人员）");
            refused(() -> driver.work(hearing, "Task_DesignateHearingHost", HEAD,
                    designation(CLERK, "wangqiang", "2026-10-15T09:30")), "HOST_NOT_HEARING_HOST", "赵敏");
            refused(() -> driver.work(hearing, "Task_DesignateHearingHost", HEAD,
                    designation(HOST, HOST, "2026-10-15T09:30")), "CLERK_IS_HOST");
            cases.addOfficer(caseId, HOST, OfficerRole.INVESTIGATOR);
            refused(() -> driver.work(hearing, "Task_DesignateHearingHost", HEAD,
                    designation(HOST, CLERK, "2026-10-15T09:30")), "HANDLED_THE_CASE", "吴芳（本案协办人员）");
            assertThat(hearing).isWaitingAt("Task_DesignateHearingHost");
        }

        @Test
        void shouldRefuseToRecordTheHearingBeforeItsDayOrWithInvestigatorsNotOnTheCase() {
            ProcessInstance hearing = noticed("2026-09-23", "2026-10-15T09:30");
            refused(() -> driver.hold(hearing, held()), "HEARING_NOT_YET", "2026-10-15");
            clockAt("2026-10-15T09:30");
            Map<String, Object> stranger = held();
            stranger.put(ATTENDING_INVESTIGATORS, "zhangwei,wangqiang");
            refused(() -> driver.hold(hearing, stranger), "INVESTIGATOR_NOT_ON_CASE", "wangqiang");
            assertThat(hearing).isWaitingAt("Task_HoldHearing");
        }
    }
}

package cn.zhifa.discussion;

import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;
import static cn.zhifa.discussion.DiscussionDriver.attendance;
import static cn.zhifa.discussion.DiscussionDriver.conclusion;
import static cn.zhifa.discussion.DiscussionDriver.extensionMatter;
import static cn.zhifa.discussion.DiscussionDriver.meeting;
import static cn.zhifa.discussion.DiscussionDriver.penaltyMatter;
import static cn.zhifa.discussion.DiscussionHeadTaskListener.ATTENDANCE_TASK;
import static cn.zhifa.discussion.DiscussionHeadTaskListener.CONCLUSION_TASK;
import static cn.zhifa.discussion.DiscussionHeadTaskListener.OPINION_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.deadline.DeadlineService;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of collective-discussion.bpmn and every refusal, as the heads would act in Tasklist. */
@ApplicationTest
class CollectiveDiscussionProcessTest {

    static final String AMR = "agency-amr";
    static final List<String> YJ = OtherAgency.HEADS;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired DocumentService documents;
    @Autowired CaseRecord caseRecord;
    @Autowired CaseRegister cases;
    @Autowired DeadlineService deadlines;
    @Autowired DiscussionDriver driver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver.setUp();
    }

    @AfterEach
    void tearDown() {
        driver.tearDown();
    }

    /** A penalty put to the demo agency's two heads, 陈刚 (principal) and 周杰, convened by 陈刚. */
    private ProcessInstance demoMeeting(long caseId) {
        driver.reviewEnded(caseId, "APPROVED");
        ProcessInstance instance = driver.request("zhangwei", penaltyMatter(caseId));
        driver.convene(instance, "chengang");
        return instance;
    }

    /** A penalty put to the other agency's five heads, convened and presided by its principal head. */
    private ProcessInstance otherMeeting(long caseId) {
        driver.reviewEnded(caseId, "APPROVED_AFTER_COORDINATION");
        ProcessInstance instance = driver.request(OtherAgency.OFFICER, penaltyMatter(caseId));
        driver.convene(instance, OtherAgency.PRINCIPAL);
        return instance;
    }

    /** The other agency's meeting with the first {@code present} heads, each agreeing but those named. */
    private ProcessInstance otherMeetingHeard(long caseId, int present, String... dissenting) {
        ProcessInstance instance = otherMeeting(caseId);
        driver.attend(instance, OtherAgency.PRINCIPAL, YJ.subList(0, present));
        for (String head : YJ.subList(0, present)) {
            boolean dissent = List.of(dissenting).contains(head);
            driver.opinion(instance, head, dissent ? "DISAGREE" : "AGREE", dissent ? "罚款数额过高，应适用裁量基准第二档。" : null);
        }
        return instance;
    }

    private String result(ProcessInstance instance, String variable) {
        var value = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(variable).singleResult();
        return value == null ? null : String.valueOf(value.getValue());
    }

    private String minutesText(long caseId) throws Exception {
        StoredDocument minutes = documents.latest(caseId, DocumentType.COLLECTIVE_DISCUSSION).orElseThrow();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(documents.content(minutes)));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    private List<RecordEntry> refusals(long caseId, String code) {
        return caseRecord.entries(caseId).stream().filter(e -> e.action().equals("REFUSAL"))
                .filter(e -> e.data().contains("\"" + code + "\"")).toList();
    }

    @Nested
    class Outcomes {

        @Test
        void shouldAdoptTheProposedPenaltyAndFileTheMinutes() throws Exception {
            long caseId = driver.filedCase(AMR);
            ProcessInstance instance = demoMeeting(caseId);
            assertThat(instance).isWaitingAt(ATTENDANCE_TASK);
            assertThat(driver.task(instance, ATTENDANCE_TASK).getAssignee()).isEqualTo("chengang");

            driver.attend(instance, "chengang", List.of("chengang", "zhoujie"));
            assertThat(driver.tasks(instance, OPINION_TASK)).extracting(Task::getAssignee)
                    .containsExactlyInAnyOrder("chengang", "zhoujie");
            driver.opinion(instance, "zhoujie", "AGREE", "事实清楚，同意。");
            driver.opinion(instance, "chengang", "AGREE", null);
            assertThat((String) runtimeService.getVariable(instance.getId(), OPINION_SUMMARY))
                    .contains("出席2人，同意2人").contains("周杰：同意。事实清楚，同意。");
            driver.conclude(instance, "chengang", conclusion(DiscussionResult.PENALTY_AS_PROPOSED, "事实清楚，证据确凿，裁量适当。"));
            driver.renderMinutes(instance);

            assertThat(instance).isEnded();
            assertThat(result(instance, DISCUSSION_RESULT)).isEqualTo("PENALTY_AS_PROPOSED");
            assertThat(result(instance, DISCUSSION_CONCLUSION)).startsWith("同意按拟处理意见给予行政处罚")
                    .contains("理由：事实清楚");
            assertThat(result(instance, MINUTES_DOCUMENT_ID)).isEqualTo(String.valueOf(
                    documents.latest(caseId, DocumentType.COLLECTIVE_DISCUSSION).orElseThrow().id()));
            assertThat(minutesText(caseId)).contains("陈刚（主要负责人）", "陈刚、周杰（应到2人，实到2人）", "局三楼会议室",
                    "2026年10月12日 9时30分", "办公室 王秘书", "不同意见：无", "陈刚（签名）", "周杰（签名）");
            assertThat(driver.recordedActions(caseId)).containsSubsequence("DISCUSSION_REQUESTED",
                    "DISCUSSION_CONVENED", "DISCUSSION_ATTENDANCE", "DISCUSSION_OPINION", "DISCUSSION_OPINION",
                    "DISCUSSION_CONCLUDED", "DOCUMENT_GENERATED", "DISCUSSION_MINUTES");
            assertThat(caseRecord.verify(caseId).intact()).isTrue();
        }

        @Test
        void shouldChangeThePenaltyFlagItHeavierAndKeepTheDissentAndTheAbsentInTheMinutes() throws Exception {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeeting(caseId);
            Map<String, Object> present = attendance(YJ.subList(0, 4), "承办人员宋江（汇报案情）");
            present.put(ABSENCE_NOTE, "秦明出差");
            driver.complete(driver.task(instance, ATTENDANCE_TASK), OtherAgency.PRINCIPAL, present);
            for (String head : YJ.subList(0, 4)) {
                driver.opinion(instance, head, head.equals("yj-head4") ? "DISAGREE" : "AGREE",
                        head.equals("yj-head4") ? "违法所得应予没收，但罚款不宜提高。" : null);
            }
            Map<String, Object> changed = conclusion(DiscussionResult.PENALTY_CHANGED, "当事人拒不配合调查，情节严重。");
            changed.put(CHANGED_PENALTY, "罚款30万元，没收违法所得");
            changed.put(HEAVIER_THAN_PROPOSED, true);
            driver.conclude(instance, OtherAgency.PRINCIPAL, changed);
            driver.renderMinutes(instance);

            assertThat(result(instance, DISCUSSION_RESULT)).isEqualTo("PENALTY_CHANGED");
            assertThat(result(instance, CHANGED_PENALTY_HEAVIER)).isEqualTo("true");
            assertThat(result(instance, DISCUSSION_CONCLUSION)).contains("罚款30万元", "重于原拟作出的行政处罚");
            assertThat(minutesText(caseId)).contains("应到5人，实到4人", "秦明（秦明出差）", "承办人员宋江（汇报案情）",
                    "林冲：不同意。违法所得应予没收，但罚款不宜提高。", "出席4人，同意3人，不同意1人，缺席1人",
                    "不同意见：林冲：违法所得应予没收");
        }

        @Test
        void shouldDecideNoPenalty() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeetingHeard(caseId, 3, "yj-head2", "yj-head3");
            driver.conclude(instance, OtherAgency.PRINCIPAL,
                    conclusion(DiscussionResult.NO_PENALTY, "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）。"));
            driver.renderMinutes(instance);
            assertThat(result(instance, DISCUSSION_RESULT)).isEqualTo("NO_PENALTY");
            assertThat(result(instance, CHANGED_PENALTY_HEAVIER)).isNull();
        }

        @Test
        void shouldTransferToTheCompetentAuthority() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeetingHeard(caseId, 3, "yj-head2");
            Map<String, Object> transfer = conclusion(DiscussionResult.TRANSFER, "货值金额达到刑事立案追诉标准。");
            transfer.put(TRANSFER_AUTHORITY, "涉嫌犯罪，移送某县公安局");
            driver.conclude(instance, OtherAgency.PRINCIPAL, transfer);
            driver.renderMinutes(instance);
            assertThat(result(instance, DISCUSSION_RESULT)).isEqualTo("TRANSFER");
            assertThat(result(instance, DISCUSSION_CONCLUSION)).contains("移送某县公安局");
        }

        @Test
        void shouldSendTheCaseBackForFurtherInvestigation() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeetingHeard(caseId, 3, "yj-head2", "yj-head3");
            Map<String, Object> investigate = conclusion(DiscussionResult.FURTHER_INVESTIGATION, "违法所得数额证据不足。");
            investigate.put(INVESTIGATION_ITEMS, "调取当事人销售台账，核实违法所得");
            driver.conclude(instance, OtherAgency.PRINCIPAL, investigate);
            driver.renderMinutes(instance);
            assertThat(result(instance, DISCUSSION_RESULT)).isEqualTo("FURTHER_INVESTIGATION");
            assertThat(result(instance, DISCUSSION_CONCLUSION)).contains("调取当事人销售台账");
        }

        @Test
        void shouldRefuseAnOutcomeOfTheOtherMatterAndAnIncompleteOne() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeetingHeard(caseId, 3);
            Task conclusion = driver.task(instance, CONCLUSION_TASK);
            Map<String, Object> extension = conclusion(DiscussionResult.EXTENSION_GRANTED, "需要时间。");
            extension.put(EXTENSION_DAYS, 30);
            assertThatThrownBy(() -> driver.conclude(instance, OtherAgency.PRINCIPAL, extension))
                    .hasMessageContaining("请选择讨论决定");
            assertThatThrownBy(() -> driver.conclude(instance, OtherAgency.PRINCIPAL,
                    conclusion(DiscussionResult.PENALTY_CHANGED, "情节严重。"))).hasMessageContaining("变更后的行政处罚");
            assertThat(driver.task(instance, CONCLUSION_TASK).getId()).isEqualTo(conclusion.getId());
            assertThat(result(instance, DISCUSSION_RESULT)).isNull();
        }
    }

    @Nested
    class TheExtensionMatter {

        @Test
        void shouldGrantAFurtherExtensionWithItsLengthAndReason() throws Exception {
            long caseId = driver.filedCase(AMR);
            driver.decisionPeriodExtendedOnce(caseId, "zhoujie");
            ProcessInstance instance = driver.request("zhangwei", extensionMatter(caseId));
            assertThat((String) runtimeService.getVariable(instance.getId(), DECISION_PERIOD_TEXT))
                    .containsPattern("届满日：2026年1[01]月\\d+日").contains("已经批准延长1次");
            driver.convene(instance, "chengang");
            driver.attend(instance, "chengang", List.of("chengang", "zhoujie"));
            driver.opinion(instance, "chengang", "AGREE", null);
            driver.opinion(instance, "zhoujie", "AGREE", "复检确需时间。");
            Map<String, Object> granted = conclusion(DiscussionResult.EXTENSION_GRANTED, "复检结论是认定违法事实的关键证据。");
            granted.put(EXTENSION_DAYS, 30);
            driver.conclude(instance, "chengang", granted);
            driver.renderMinutes(instance);

            assertThat(result(instance, DISCUSSION_RESULT)).isEqualTo("EXTENSION_GRANTED");
            assertThat(result(instance, FURTHER_EXTENSION_DAYS)).isEqualTo("30");
            assertThat(result(instance, DISCUSSION_CONCLUSION)).isEqualTo("继续延长办案期限30日。理由：复检结论是认定违法事实的关键证据。");
            assertThat(minutesText(caseId)).contains("是否继续延长本案办案期限", "申请继续延期的理由：涉案产品需送省级检验机构复检",
                    "拟继续延长：30日", "继续延长办案期限30日");
        }

        @Test
        void shouldRefuseAFurtherExtension() {
            long caseId = driver.filedCase(AMR);
            driver.decisionPeriodExtendedOnce(caseId, "chengang");
            ProcessInstance instance = driver.request("chengang", extensionMatter(caseId));
            driver.convene(instance, "chengang");
            driver.attend(instance, "chengang", List.of("chengang", "zhoujie"));
            driver.opinion(instance, "chengang", "DISAGREE", "现有证据足以作出决定。");
            driver.opinion(instance, "zhoujie", "DISAGREE", "不宜再延期。");
            driver.conclude(instance, "chengang", conclusion(DiscussionResult.EXTENSION_REFUSED, "现有证据足以作出决定。"));
            driver.renderMinutes(instance);
            assertThat(result(instance, DISCUSSION_RESULT)).isEqualTo("EXTENSION_REFUSED");
            assertThat(result(instance, FURTHER_EXTENSION_DAYS)).isNull();
        }

        @Test
        void shouldNotDiscussAnExtensionWhileAHeadMayStillGrantOneOrNoPeriodRuns() {
            long caseId = driver.filedCase(AMR);
            assertThatThrownBy(() -> driver.request("zhangwei", extensionMatter(caseId)))
                    .hasMessageContaining("没有正在计算的办案期限");
            deadlines.track("penalty-case-of-" + caseId, String.valueOf(caseId), "DECISION",
                    Instant.parse("2026-08-01T02:00:00Z"));
            assertThatThrownBy(() -> driver.request("zhangwei", extensionMatter(caseId)))
                    .hasMessageContaining("尚可经负责人批准延长");
            assertThat(refusals(caseId, "DECISION_EXTENSION_NOT_USED")).hasSize(1);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .variableValueEquals("caseId", caseId).count()).isZero();
        }

        @Test
        void shouldRefuseAnExtensionMatterWithoutItsLength() {
            long caseId = driver.filedCase(AMR);
            driver.decisionPeriodExtendedOnce(caseId, "chengang");
            Map<String, Object> incomplete = extensionMatter(caseId);
            incomplete.put(PROPOSED_EXTENSION_DAYS, "三十");
            incomplete.remove(EXTENSION_GROUNDS);
            assertThatThrownBy(() -> driver.request("zhangwei", incomplete))
                    .hasMessageContaining("申请继续延期的理由").hasMessageContaining("拟继续延长的天数");
        }
    }

    @Nested
    class Quorum {

        @Test
        void shouldHoldTheMeetingWithMoreThanHalfOfTheHeads() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeeting(caseId);
            driver.attend(instance, OtherAgency.PRINCIPAL, YJ.subList(0, 3));
            assertThat(driver.tasks(instance, OPINION_TASK)).extracting(Task::getAssignee)
                    .containsExactlyInAnyOrderElementsOf(YJ.subList(0, 3));
            assertThat((String) runtimeService.getVariable(instance.getId(), ATTENDANCE_TEXT))
                    .contains("应到5人，实到3人", "缺席2人（林冲、秦明）", "不计入出席人数");
        }

        @Test
        void shouldRefuseAMeetingWithoutQuorumWithTheNumbersThenPostponeIt() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeeting(caseId);
            Task attendance = driver.task(instance, ATTENDANCE_TASK);
            // those attending without a vote never make up the number
            assertThatThrownBy(() -> driver.complete(attendance, OtherAgency.PRINCIPAL,
                    attendance(YJ.subList(0, 2), "承办人员宋江、卢俊；法制审核人员三人")))
                    .hasRootCauseInstanceOf(DiscussionRefusedException.class)
                    .hasMessageContaining("本机关负责人共5人").hasMessageContaining("过半数即至少3人")
                    .hasMessageContaining("实际出席2人");
            assertThat(driver.task(instance, ATTENDANCE_TASK).getId()).isEqualTo(attendance.getId());
            assertThat(driver.tasks(instance, OPINION_TASK)).isEmpty();
            assertThat(refusals(caseId, "QUORUM_NOT_MET")).singleElement()
                    .satisfies(e -> assertThat(e.data()).contains("\"required\":3", "\"present\":2", "\"heads\":5"));

            driver.complete(attendance, OtherAgency.PRINCIPAL, Map.of(MEETING_ACTION, "POSTPONE",
                    POSTPONE_REASON, "出席人数不足"));
            assertThat(instance).isWaitingAt("Task_ConveneDiscussion");
            assertThat(driver.recordedActions(caseId)).contains("DISCUSSION_POSTPONED");
            driver.convene(instance, "yj-head3");
            driver.attend(instance, OtherAgency.PRINCIPAL, YJ.subList(0, 3));
            assertThat(driver.tasks(instance, OPINION_TASK)).hasSize(3);
        }

        @Test
        void shouldCountTheQuorumTheAgencySets() {
            // two thirds or more of the heads (三分之二以上, the number itself included)
            driver.rule(OtherAgency.AGENCY, OtherAgency.PRINCIPAL, 2, 3, true,
                    DiscussionRule.Conclusion.PRESIDING_HEAD);
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeeting(caseId);
            assertThatThrownBy(() -> driver.attend(instance, OtherAgency.PRINCIPAL, YJ.subList(0, 3)))
                    .hasMessageContaining("须不少于2/3即至少4人出席，实际出席3人");
            driver.attend(instance, OtherAgency.PRINCIPAL, YJ.subList(0, 4));
            assertThat(driver.tasks(instance, OPINION_TASK)).hasSize(4);
        }

        @Test
        void shouldNotHoldTheMeetingBeforeItsDayOrWithoutThePresidingHead() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            driver.reviewEnded(caseId, "APPROVED");
            ProcessInstance instance = driver.request(OtherAgency.OFFICER, penaltyMatter(caseId));
            Map<String, Object> later = meeting(null);
            later.put(CollectiveDiscussionVariables.MEETING_AT, "2026-10-14T15:00");
            driver.work(instance, "Task_ConveneDiscussion", OtherAgency.PRINCIPAL, later);
            assertThatThrownBy(() -> driver.attend(instance, OtherAgency.PRINCIPAL, YJ))
                    .hasMessageContaining("尚未到会议日期");
            DiscussionDriver.clockAt("2026-10-14T15:05");
            assertThatThrownBy(() -> driver.attend(instance, OtherAgency.PRINCIPAL, YJ.subList(1, 5)))
                    .hasMessageContaining("主持人吴用未列为出席");
        }
    }

    @Nested
    class Members {

        @Test
        void shouldRefuseSomeoneWhoIsNotAHeadAsAMember() {
            long caseId = driver.filedCase(AMR);
            ProcessInstance instance = demoMeeting(caseId);
            // seed 002: a case committee or the legal-affairs unit cannot sit in the heads' place
            assertThatThrownBy(() -> driver.attend(instance, "chengang", List.of("chengang", "zhoujie", "zhaomin")))
                    .hasRootCauseInstanceOf(DiscussionRefusedException.class).hasMessageContaining("赵敏不是本机关负责人")
                    .hasMessageContaining("列席人员");
            assertThat(refusals(caseId, "NOT_A_MEMBER")).hasSize(1);
            assertThat(driver.tasks(instance, OPINION_TASK)).isEmpty();
        }

        @Test
        void shouldRefuseSomeoneWhoIsNotAHeadAsAVoter() {
            long caseId = driver.filedCase(AMR);
            ProcessInstance instance = demoMeeting(caseId);
            driver.attend(instance, "chengang", List.of("chengang", "zhoujie"));
            Task zhoujies = driver.opinionTaskOf(instance, "zhoujie");
            // an API caller with the right to reassign is stopped by the listener
            assertThatThrownBy(() -> taskService.setAssignee(zhoujies.getId(), "zhangwei"))
                    .hasMessageContaining("张伟不是该机关负责人");
            assertThatThrownBy(() -> taskService.setAssignee(zhoujies.getId(), "chengang"))
                    .hasMessageContaining("该意见属于周杰，陈刚不能代为发表");
            assertThat(driver.opinionTaskOf(instance, "zhoujie").getId()).isEqualTo(zhoujies.getId());
            assertThatThrownBy(() -> driver.opinion(instance, "zhoujie", "DISAGREE", " "))
                    .hasMessageContaining("请填写不同意的理由");
        }

        @Test
        void shouldRefuseAHeadOfAnotherAgency() {
            long caseId = driver.filedCase(AMR);
            driver.reviewEnded(caseId, "APPROVED");
            ProcessInstance instance = driver.request("zhangwei", penaltyMatter(caseId));
            Task convening = driver.task(instance, "Task_ConveneDiscussion");
            assertThatThrownBy(() -> taskService.setAssignee(convening.getId(), OtherAgency.PRINCIPAL))
                    .hasMessageContaining("吴用不是该机关负责人");
            assertThatThrownBy(() -> driver.work(instance, "Task_ConveneDiscussion", "chengang",
                    meeting(OtherAgency.PRINCIPAL))).hasMessageContaining("吴用不是本机关负责人，不能主持");
            driver.convene(instance, "chengang");
            assertThatThrownBy(() -> driver.attend(instance, "chengang", List.of("chengang", "zhoujie", "yj-head2")))
                    .hasMessageContaining("公孙胜不是本机关负责人");
            assertThat(refusals(caseId, "NOT_AGENCY_HEAD")).hasSize(1);
        }

        @Test
        void shouldLetOnlyThePrincipalHeadDesignateAnotherHeadToPreside() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            driver.reviewEnded(caseId, "APPROVED");
            ProcessInstance instance = driver.request(OtherAgency.OFFICER, penaltyMatter(caseId));
            assertThatThrownBy(() -> driver.work(instance, "Task_ConveneDiscussion", "yj-head2", meeting("yj-head2")))
                    .hasMessageContaining("由主要负责人吴用主持，或由其指定的负责人主持");
            taskService.setAssignee(driver.task(instance, "Task_ConveneDiscussion").getId(), null);
            driver.work(instance, "Task_ConveneDiscussion", OtherAgency.PRINCIPAL, meeting("yj-head2"));
            assertThat(driver.task(instance, ATTENDANCE_TASK).getAssignee()).isEqualTo("yj-head2");
            assertThat((String) runtimeService.getVariable(instance.getId(), MEETING_TEXT))
                    .contains("主持人公孙胜（受主要负责人指定）", "应出席负责人5人", "须过半数即至少3人出席");
            // only someone with the right to reassign could hand it to another head; the listener stops that too
            assertThatThrownBy(() -> taskService.setAssignee(driver.task(instance, ATTENDANCE_TASK).getId(),
                    OtherAgency.PRINCIPAL)).hasMessageContaining("由会议主持人公孙胜办理");
        }

        @Test
        void shouldNotConveneWhileTheAgencyHasNoPrincipalHead() {
            driver.rule(OtherAgency.AGENCY, null, 1, 2, false, DiscussionRule.Conclusion.PRESIDING_HEAD);
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            driver.reviewEnded(caseId, "APPROVED");
            ProcessInstance instance = driver.request(OtherAgency.OFFICER, penaltyMatter(caseId));
            assertThatThrownBy(() -> driver.convene(instance, "yj-head3")).hasMessageContaining("尚未设定主要负责人");
        }
    }

    @Nested
    class TheAgencysConclusionRule {

        @Test
        void shouldFollowTheMajorityWhereTheAgencySaysSo() {
            driver.rule(OtherAgency.AGENCY, OtherAgency.PRINCIPAL, 1, 2, false, DiscussionRule.Conclusion.MAJORITY);
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeetingHeard(caseId, 3, "yj-head2", "yj-head3");
            assertThatThrownBy(() -> driver.conclude(instance, OtherAgency.PRINCIPAL,
                    conclusion(DiscussionResult.PENALTY_AS_PROPOSED, "主持人认为适当。")))
                    .hasMessageContaining("出席3人，同意1人，不同意2人").hasMessageContaining("同意的未过半数");
            Map<String, Object> changed = conclusion(DiscussionResult.PENALTY_CHANGED, "多数意见认为罚款过高。");
            changed.put(CHANGED_PENALTY, "罚款10万元");
            driver.conclude(instance, OtherAgency.PRINCIPAL, changed);
            assertThat(result(instance, CHANGED_PENALTY_HEAVIER)).isEqualTo("false");
        }

        @Test
        void shouldAdoptWhatTheMajorityAgreedToWhereTheAgencySaysSo() {
            driver.rule(OtherAgency.AGENCY, OtherAgency.PRINCIPAL, 1, 2, false, DiscussionRule.Conclusion.MAJORITY);
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeetingHeard(caseId, 3, OtherAgency.PRINCIPAL);
            assertThatThrownBy(() -> driver.conclude(instance, OtherAgency.PRINCIPAL,
                    conclusion(DiscussionResult.NO_PENALTY, "主持人认为不予处罚。")))
                    .hasMessageContaining("应作出“同意按拟处理意见给予行政处罚”的决定");
        }

        @Test
        void shouldLetThePresidingHeadConcludeAgainstTheMajorityByDefaultAndRecordTheDissent() {
            long caseId = driver.filedCase(OtherAgency.AGENCY);
            ProcessInstance instance = otherMeetingHeard(caseId, 3, "yj-head2", "yj-head3");
            driver.conclude(instance, OtherAgency.PRINCIPAL,
                    conclusion(DiscussionResult.PENALTY_AS_PROPOSED, "裁量基准适用正确。"));
            assertThat(caseRecord.entries(caseId)).filteredOn(e -> e.action().equals("DISCUSSION_CONCLUDED"))
                    .singleElement().satisfies(e -> assertThat(e.summary()).contains("同意1人，不同意2人"));
        }
    }

    @Nested
    class Requests {

        @Test
        void shouldNotPutAPenaltyToTheHeadsWithoutAPassedLegalReview() {
            long caseId = driver.filedCase(AMR);
            assertThatThrownBy(() -> driver.request("zhangwei", penaltyMatter(caseId)))
                    .hasMessageContaining("未经法制审核");
            driver.reviewEnded(caseId, "TRANSFER");
            assertThatThrownBy(() -> driver.request("zhangwei", penaltyMatter(caseId)))
                    .hasMessageContaining("未通过法制审核");
            assertThat(refusals(caseId, "LEGAL_REVIEW_MISSING")).hasSize(1);
            assertThat(refusals(caseId, "LEGAL_REVIEW_NOT_PASSED")).hasSize(1);
            assertThat(driver.recordedActions(caseId)).doesNotContain("DISCUSSION_REQUESTED");
        }

        @Test
        void shouldRefuseARequestFromAnotherUnitAndAnIncompleteOne() {
            long caseId = driver.filedCase(AMR);
            driver.reviewEnded(caseId, "APPROVED");
            assertThatThrownBy(() -> driver.request("wangqiang", penaltyMatter(caseId)))
                    .hasMessageContaining("须由本案承办机构（执法一大队）或本机关负责人提请");
            Map<String, Object> incomplete = penaltyMatter(caseId);
            incomplete.put(DRAFT_DECISION, " ");
            assertThatThrownBy(() -> driver.request("zhangwei", incomplete))
                    .hasMessageContaining("拟处理意见（行政处罚决定书代拟稿）");
            assertThat(refusals(caseId, "DISCUSSION_REQUESTER_NOT_ALLOWED")).hasSize(1);
            assertThat(refusals(caseId, "DISCUSSION_MATERIALS_INCOMPLETE")).hasSize(1);
        }

        @Test
        void shouldDiscussAMajorDecisionOutsideAPenaltyCaseBeforeItHasACaseNumber() throws Exception {
            long caseId = cases.register(new NewCase(CaseKind.OTHER_DECISION, "吊销某公司食品经营许可证", "unit-squad-1",
                    List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "李四", "11010519491231002X", "某县某路2号")),
                    List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                            new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
            ProcessInstance instance = demoMeeting(caseId);
            assertThat(runtimeService.getVariable(instance.getId(), CASE_NO)).isEqualTo("（尚未编号）");
            driver.attend(instance, "chengang", List.of("chengang", "zhoujie"));
            driver.opinion(instance, "chengang", "AGREE", null);
            driver.opinion(instance, "zhoujie", "AGREE", null);
            driver.conclude(instance, "chengang", conclusion(DiscussionResult.PENALTY_AS_PROPOSED, "同意。"));
            driver.renderMinutes(instance);
            assertThat(minutesText(caseId)).contains("吊销某公司食品经营许可证").doesNotContain("{{");
        }

        @Test
        void shouldHoldOneDiscussionOfACaseAtATime() {
            long caseId = driver.filedCase(AMR);
            demoMeeting(caseId);
            assertThatThrownBy(() -> driver.request("lina", penaltyMatter(caseId)))
                    .hasMessageContaining("同一案件不能同时进行两次");
        }
    }
}

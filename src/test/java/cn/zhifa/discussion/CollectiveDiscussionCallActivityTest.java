package cn.zhifa.discussion;

import static cn.zhifa.discussion.CollectiveDiscussionVariables.*;
import static cn.zhifa.discussion.DiscussionDriver.conclusion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** collective-discussion as a called process: the caller hands over the matter and branches on discussionResult. */
@ApplicationTest
class CollectiveDiscussionCallActivityTest {

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired DiscussionDriver driver;

    @BeforeEach
    void deployCaller() {
        BpmnAwareTests.init(engine);
        driver.setUp();
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("collective-discussion-caller")
                .count() == 0) {
            repositoryService.createDeployment().addClasspathResource("bpmn/collective-discussion-caller.bpmn")
                    .deploy();
        }
    }

    @AfterEach
    void tearDown() {
        driver.tearDown();
    }

    /** The caller, started by trusted code for the case, and the discussion it called, heard by both demo heads. */
    private ProcessInstance[] heard(long caseId, Map<String, Object> matter, String... dissenting) {
        matter.remove("caseRef");
        matter.put("caseId", caseId);
        ProcessInstance caller = runtimeService.startProcessInstanceByKey("collective-discussion-caller",
                String.valueOf(caseId), matter);
        ProcessInstance discussion = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(caller.getId()).singleResult();
        assertThat(discussion.getBusinessKey()).isEqualTo(caller.getBusinessKey()).doesNotMatch("\\d+");
        driver.convene(discussion, "chengang");
        driver.attend(discussion, "chengang", List.of("chengang", "zhoujie"));
        for (String head : List.of("chengang", "zhoujie")) {
            boolean dissent = List.of(dissenting).contains(head);
            driver.opinion(discussion, head, dissent ? "DISAGREE" : "AGREE", dissent ? "应从重处罚。" : null);
        }
        return new ProcessInstance[] {caller, discussion};
    }

    @Test
    void shouldReturnTheResultTheConclusionAndTheMinutesToTheCaller() {
        long caseId = driver.filedCase(CollectiveDiscussionProcessTest.AMR);
        driver.reviewEnded(caseId, "APPROVED");
        ProcessInstance[] instances = heard(caseId, DiscussionDriver.penaltyMatter(caseId));
        driver.conclude(instances[1], "chengang", conclusion(DiscussionResult.PENALTY_AS_PROPOSED, "裁量适当。"));
        driver.renderMinutes(instances[1]);

        assertThat(instances[0]).isWaitingAt("Task_Decide").variables()
                .containsEntry(DISCUSSION_RESULT, "PENALTY_AS_PROPOSED").containsKey(MINUTES_DOCUMENT_ID)
                .containsEntry(DISCUSSION_CONCLUSION, "同意按拟处理意见给予行政处罚。理由：裁量适当。");
    }

    @Test
    void shouldSendAHeavierPenaltyBackForANewNotice() {
        long caseId = driver.filedCase(CollectiveDiscussionProcessTest.AMR);
        driver.reviewEnded(caseId, "APPROVED");
        ProcessInstance[] instances = heard(caseId, DiscussionDriver.penaltyMatter(caseId), "zhoujie");
        Map<String, Object> heavier = conclusion(DiscussionResult.PENALTY_CHANGED, "违法所得数额较大。");
        heavier.put(CHANGED_PENALTY, "罚款30万元");
        heavier.put(HEAVIER_THAN_PROPOSED, true);
        driver.conclude(instances[1], "chengang", heavier);
        driver.renderMinutes(instances[1]);

        assertThat(instances[0]).isWaitingAt("Task_NotifyAgain").variables()
                .containsEntry(CHANGED_PENALTY_HEAVIER, true);
    }

    @Test
    void shouldHandTheLengthOfAFurtherExtensionToTheCaller() {
        long caseId = driver.filedCase(CollectiveDiscussionProcessTest.AMR);
        driver.decisionPeriodExtendedOnce(caseId, "zhoujie");
        ProcessInstance[] instances = heard(caseId, DiscussionDriver.extensionMatter(caseId));
        Map<String, Object> granted = conclusion(DiscussionResult.EXTENSION_GRANTED, "复检结论尚未作出。");
        granted.put(EXTENSION_DAYS, 45);
        driver.conclude(instances[1], "chengang", granted);
        driver.renderMinutes(instances[1]);

        assertThat(instances[0]).isWaitingAt("Task_ExtendDecisionPeriod").variables()
                .containsEntry(FURTHER_EXTENSION_DAYS, 45).containsEntry(DISCUSSION_RESULT, "EXTENSION_GRANTED");
    }
}

package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewDriver.clockAt;
import static cn.zhifa.review.LegalReviewDriver.opinion;
import static cn.zhifa.review.LegalReviewDriver.submission;
import static cn.zhifa.review.LegalReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.CaseStage;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the first-case walkthrough found (issue 9 part 7): the written opinion's 送审日期, 案由 and point 7, and the
 * stage the case moves to when the review ends.
 */
@ApplicationTest
class LegalReviewOpinionTest {

    @Autowired LegalReviewDriver driver;
    @Autowired CaseRegister cases;
    @Autowired DocumentService documents;

    long caseId;

    @BeforeEach
    void submittedOnWednesday() {
        clockAt("2026-09-30T10:00:00");
        caseId = driver.registerCase();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldPrintTheSubmissionDateTheCaseTitleTheDecisionAndPointSevenAsAnswered() throws Exception {
        ProcessInstance instance = driver.submit("zhangwei", submission(caseId));
        clockAt("2026-10-08T09:00:00");
        driver.accept(instance, "zhaomin");
        Map<String, Object> agree = opinion("AGREE");
        agree.put(ReviewPoint.CRIME.commentVariable(), "未达到立案追诉标准");
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", agree);

        String text = opinionText();
        assertThat(text).contains("案件编号\t（尚未编号）", "案由\t某公司销售不合格产品案", "拟作出的执法决定\t对当事人罚款20万元",
                "承办机构\t执法一大队", "送审日期\t2026年9月30日", "审核人员\t赵敏", "审核日期\t2026年10月8日");
        assertThat(text).contains("7．是否涉嫌犯罪、需要移送司法机关：不涉嫌犯罪（未达到立案追诉标准）",
                "1．执法主体是否合法、执法人员是否具备执法资格：符合规定");
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.NOTIFICATION);
    }

    @Test
    void shouldDateTheOpinionOnAResubmissionByTheResubmission() throws Exception {
        ProcessInstance instance = driver.submit("zhangwei", submission(caseId));
        driver.accept(instance, "zhaomin");
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("PROBLEM"));
        assertThat(opinionText()).contains("送审日期\t2026年9月30日", "4．适用法律是否准确，裁量基准运用是否适当：存在问题（裁量档次适用不当）");
        driver.work(instance, "Task_RespondToFindings", "zhangwei", Map.of(FINDINGS_RESPONSE, "REVISE"));
        Map<String, Object> revised = LegalReviewDriver.resubmission(caseId);
        revised.put(RESUBMIT_ACTION, "RESUBMIT");
        clockAt("2026-10-12T09:30:00");
        driver.work(instance, "Task_ReviseSubmission", "zhangwei", revised);
        clockAt("2026-10-13T09:30:00");
        driver.accept(instance, "zhaomin");
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("AGREE"));

        assertThat(opinionText()).contains("送审日期\t2026年10月12日", "审核日期\t2026年10月13日");
    }

    @Test
    void shouldMoveTheCaseToTransferredAfterATransfer() {
        ProcessInstance instance = driver.submit("zhangwei", submission(caseId));
        driver.accept(instance, "zhaomin");
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("TRANSFER"));
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.TRANSFERRED);
    }

    @Test
    void shouldMoveTheCaseBackToTheInvestigationWhenTheUnitWithdraws() {
        ProcessInstance instance = driver.submit("zhangwei", submission(caseId));
        driver.work(instance, "Task_ReviewIntake", "zhaomin",
                Map.of(INTAKE_OUTCOME, "RETURN", RETURN_REASONS, "证据不足。"));
        driver.work(instance, "Task_ReviseSubmission", "zhangwei",
                Map.of(RESUBMIT_ACTION, "WITHDRAW", WITHDRAW_REASON, "补充调查后再报。"));
        assertThat(cases.find(caseId).orElseThrow().stage()).isEqualTo(CaseStage.INVESTIGATION);
    }

    @Test
    void shouldMoveAnotherDecisionToTheDecisionAfterApproval() {
        long other = cases.register(new NewCase(CaseKind.OTHER_DECISION, "某公司行政许可撤销案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        ProcessInstance instance = driver.submit("zhangwei", submission(other));
        driver.accept(instance, "zhaomin");
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", opinion("AGREE"));
        assertThat(cases.find(other).orElseThrow().stage()).isEqualTo(CaseStage.DECISION);
    }

    private String opinionText() throws Exception {
        StoredDocument opinion = documents.latest(caseId, DocumentType.LEGAL_REVIEW_OPINION).orElseThrow();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(documents.content(opinion)));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            return extractor.getText();
        }
    }
}

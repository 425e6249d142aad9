package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewVariables.DISAGREEMENT_REASONS;
import static cn.zhifa.review.LegalReviewVariables.FINDINGS_RESPONSE;
import static cn.zhifa.review.LegalReviewVariables.REVIEW_RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.browser.BrowserTest;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.AudioVideoMetadata;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.NewAttachment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The legal review as each role does it in Tasklist and Cockpit, in a real Chinese Chromium (issue 16, item 8): the
 * officer registers a case and starts a review by picking the case, and finds it under 我发起的; the reviewer sees his
 * overdue opinion marked red with its date and working days; the officer uploads an audio-video record with its
 * metadata in the 案卷 tab; the head settles a dispute; the supervisor follows the dashboard's link to an overdue case.
 *
 * <p>The reviews the reviewer, the head and the supervisor look at are prepared over the Java API with the engine
 * clock two months back, so their periods have run out by today's clock, which the browser session then uses.
 */
class LegalReviewBrowserTest extends BrowserTest {

    @Autowired LegalReviewDriver driver;
    @Autowired CaseRegister cases;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired CaseAttachments attachments;

    /** Waiting for 出具法制审核意见 by zhaomin, overdue. */
    private ProcessInstance overdue;
    private long overdueCase;
    /** Waiting for 研究审核意见 by the officers, its case numbered (audio-video records need the number). */
    private ProcessInstance findings;
    private long findingsCase;
    /** Waiting for 协调审核分歧 by the heads. */
    private ProcessInstance dispute;
    /** The reviews of these walks, ended after them (the one started in the browser joins them). */
    private final Set<String> mine = new HashSet<>();

    @BeforeAll
    void prepareReviewsTwoMonthsAgo() {
        // from the real time, whatever clock an earlier test left: the browser session runs on the real time
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(60))));
        try {
            overdueCase = driver.registerCase();
            overdue = driver.submit("zhangwei", LegalReviewDriver.submission(overdueCase));
            driver.accept(overdue, "zhaomin");

            findingsCase = driver.registerCase();
            findings = opinionGiven(findingsCase);
            cases.assignNumber(findingsCase);

            dispute = opinionGiven(driver.registerCase());
            driver.work(dispute, "Task_RespondToFindings", "zhangwei",
                    Map.of(FINDINGS_RESPONSE, "DISAGREE", DISAGREEMENT_REASONS, "裁量档次适用正确，当事人有从重情节。"));
        } finally {
            ClockUtil.reset();
        }
        // an audio-video record of the numbered case, uploaded three days after it was taken: late, on the dashboard
        byte[] video = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
        attachments.upload(findingsCase, new NewAttachment(AttachmentKind.AUDIO_VIDEO, "询问录像.mp4", "video/mp4",
                video.length, new ByteArrayInputStream(video), null, new AudioVideoMetadata(
                        cases.find(findingsCase).orElseThrow().caseNo(), OffsetDateTime.now().minusDays(3),
                        "某县市场监督管理局询问室", "李娜", "当事人陈述")), "zhangwei");
    }

    private ProcessInstance opinionGiven(long caseId) {
        ProcessInstance instance = driver.submit("zhangwei", LegalReviewDriver.submission(caseId));
        driver.accept(instance, "zhaomin");
        driver.complete(driver.task(instance, "Task_ReviewOpinion"), "zhaomin", LegalReviewDriver.opinion("PROBLEM"));
        return instance;
    }

    @AfterAll
    void endTheReviews() {
        Stream.of(overdue, findings, dispute).filter(Objects::nonNull)
                .forEach(pi -> mine.add(pi.getId()));
        runtime.createProcessInstanceQuery().processInstanceIds(mine).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "browser walk done"));
    }

    @Test
    void officerRegistersACaseStartsAReviewByPickingItAndFindsItUnderStarted() {
        logIn("tasklist", "zhangwei");
        waitFor(By.id("zhifa-open-register")).click();
        String party = "王" + (System.nanoTime() % 100000);
        waitFor(By.id("zhifa-reg-title")).sendKeys("某商店销售不合格电线案");
        browser.findElement(By.id("zhifa-reg-party-name")).sendKeys(party);
        browser.findElement(By.id("zhifa-reg-party-number")).sendKeys("11010519491231002X");
        new Select(browser.findElement(By.id("zhifa-reg-officer")))
                .selectByValue("lina");
        browser.findElement(By.cssSelector("#zhifa-register button[type=submit]")).click();
        String registered = waitFor(By.id("zhifa-registered")).getText();
        assertThat(registered).matches("(?s)已登记：登记号\\d+（某商店销售不合格电线案）.*");
        String reference = registered.replaceAll("(?s)^已登记：(登记号\\d+).*$", "$1");
        screenshot("tasklist-register-case");
        browser.findElement(By.cssSelector(".zhifa-dialog header button")).click();

        openStartForm("重大执法决定法制审核");
        for (Map.Entry<String, String> field : Map.of("Field_BasicFacts", "当事人销售不合格电线200卷。",
                "Field_AppliedLaw", "《中华人民共和国产品质量法》第四十九条。", "Field_DiscretionApplied", "一般情节，第二档。",
                "Field_Investigation", "现场检查、抽样检验。", "Field_HearingAssessment", "无",
                "Field_DraftDecision", "罚款1万元。", "Field_EvidenceList", "1. 现场检查笔录").entrySet()) {
            formField(field.getKey()).sendKeys(field.getValue());
        }
        // a case that is not in the register: the refusal stands under the case field, where the user looks
        WebElement caseField = formField("Field_CaseRef");
        caseField.sendKeys("登记号999999");
        clickButton(".modal-footer button", "发起");
        assertThat(waitFor(By.cssSelector(".modal .zhifa-field-error")).getText()).contains("登记号999999");

        // the case chosen in the picker by its number
        caseField.clear();
        caseField.sendKeys(reference);
        waitFor(By.cssSelector("#zhifa-case-options li[data-reference='" + reference + "']")).click();
        assertThat(caseField.getAttribute("value")).isEqualTo(reference);
        assertThat(browser.findElement(By.cssSelector(".zhifa-picked")).getText()).contains(reference, "不合格电线");
        assertThat(browser.findElements(By.cssSelector(".modal .zhifa-field-error"))).as("the old refusal").isEmpty();
        screenshot("tasklist-start-review-picker");
        clickButton(".modal-footer button", "发起");
        new WebDriverWait(browser, PATIENCE).until(d -> d.findElements(By.cssSelector(".modal .fjs-form")).isEmpty());

        waitFor(By.id("zhifa-open-started")).click();
        waitForText(By.id("zhifa-started"), reference);
        assertThat(browser.findElement(By.id("zhifa-started")).getText()).contains("重大执法决定法制审核", "进行中", "受理审查");
        screenshot("tasklist-started");
        long caseId = Long.parseLong(reference.substring("登记号".length()));
        runtime.createProcessInstanceQuery().variableValueEquals("caseId", caseId).list()
                .forEach(pi -> mine.add(pi.getId()));
        assertThat(mine).as("the review started in the browser").isNotEmpty();
        assertThat(cases.find(caseId)).get().satisfies(c -> assertThat(c.parties()).anySatisfy(
                p -> assertThat(p.name()).isEqualTo(party)));
    }

    @Test
    void reviewerSeesTheOverdueOpinionInRedWithItsDateAndWorkingDays() {
        Task opinion = driver.task(overdue, "Task_ReviewOpinion");
        LocalDateTime due = opinion.getDueDate().toInstant().atZone(LegalReviewDriver.ZONE).toLocalDateTime();
        String dueDay = due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日";

        logIn("tasklist", "zhaomin");
        openFilter("已逾期");
        WebElement mark = waitFor(By.cssSelector(".zhifa-card[data-task-id='" + opinion.getId() + "'] .zhifa-due"));
        assertThat(mark.getText()).matches("已逾期：" + dueDay + "到期，超过 [1-9]\\d* 个工作日");
        assertThat(mark.getAttribute("data-state")).isEqualTo("OVERDUE");
        assertThat(mark.getCssValue("background-color")).isEqualTo("rgba(201, 48, 44, 1)");
        assertThat(browser.findElement(By.cssSelector(".zhifa-card[data-task-id='" + opinion.getId() + "']"))
                .getText()).contains("登记号" + overdueCase + " · 张三");
        assertThat(browser.findElement(By.cssSelector(".task-filter.active, .task-filters .active")).getText())
                .containsPattern("已逾期\\s*\\([1-9]\\d*\\)");

        click(browser.findElement(By.cssSelector(".tasks-list a[href*='task=" + opinion.getId() + "']")));
        waitForText(By.cssSelector(".task-card h2.task"), "出具法制审核意见");
        clickButton(".task-card .nav-tabs a, .task-card ul.nav a", "说明");
        waitForText(By.cssSelector(".task-card"), "办理期限：" + dueDay + "前");
        settle();
        screenshot("tasklist-overdue");
    }

    @Test
    void officerUploadsAnAudioVideoRecordWithItsMetadataInTheCaseFileTab() throws IOException {
        Task respond = driver.task(findings, "Task_RespondToFindings");
        String caseNo = cases.find(findingsCase).orElseThrow().caseNo();
        Path video = Files.createTempFile("现场检查", ".mp4");
        Files.write(video, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'});

        logIn("tasklist", "zhangwei");
        openTask(respond);
        clickButton(".task-card .nav-tabs a, .task-card ul.nav a", "案卷");
        waitForText(By.cssSelector(".zhifa-tab .zhifa-case-reference"), caseNo);
        assertThat(waitFor(By.id("zhifa-record-verification")).getText()).contains("记录完整");

        new Select(browser.findElement(By.id("zhifa-upload-kind")))
                .selectByValue("AUDIO_VIDEO");
        WebElement form = browser.findElement(By.id("zhifa-upload"));
        form.findElement(By.id("zhifa-upload-file")).sendKeys(video.toString());
        form.findElement(By.name("description")).sendKeys("现场检查执法记录仪视频");
        assertThat(form.findElement(By.name("caseNo")).getAttribute("value")).isEqualTo(caseNo);
        // two days ago: more than the 24 hours allowed, so the record is marked late
        LocalDateTime captured = LocalDateTime.now(LegalReviewDriver.ZONE).minusDays(2).withNano(0).withSecond(0);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                form.findElement(By.name("capturedAt")), captured.toString());
        form.findElement(By.name("capturedPlace")).sendKeys("某县和平路3号某商店");
        form.findElement(By.name("capturedBy")).sendKeys("张伟、李娜");
        form.findElement(By.name("provesWhat")).sendKeys("当事人销售不合格电线的现场情况");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(waitFor(By.cssSelector("#zhifa-upload .zhifa-ok")).getText())
                .startsWith("已上传：现场检查").contains("迟延上传");
        WebElement row = waitFor(By.xpath("//div[contains(@class,'zhifa-tab')]//td[contains(., '采集人 张伟、李娜')]/.."));
        assertThat(row.getText()).contains("音像记录", ".mp4", "某县和平路3号某商店", "证明 当事人销售不合格电线的现场情况",
                "张伟", "迟延上传").doesNotContain("zhangwei");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
        screenshot("tasklist-case-file");
        Files.delete(video);
    }

    @Test
    void headSettlesTheDisputeInTheUnitsFavour() {
        Task coordinate = driver.task(dispute, "Task_CoordinateDispute");

        logIn("tasklist", "chengang");
        openFilter("本单位待办");
        waitFor(By.cssSelector(".tasks-list a[href*='task=" + coordinate.getId() + "']")).click();
        waitForText(By.cssSelector(".task-card h2.task"), "协调审核分歧");
        clickButton(".task-card button", "认领");
        settle();
        WebElement reasons = waitFor(By.cssSelector(".task-card [id$='-Field_CoordinationReasons']"));
        // what the two sides said stands in the form, for reading only
        assertThat(formField("Field_DisagreementReasons").getAttribute("value")).isEqualTo("裁量档次适用正确，当事人有从重情节。");
        assertThat(formField("Field_Corrections").getAttribute("value")).isEqualTo("应适用裁量基准第二档。");
        assertThat(formField("Field_Corrections").isEnabled()).isFalse();
        WebElement keep = browser.findElement(By.xpath("//*[contains(@class,'task-card')]"
                + "//*[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(.), '维持承办机构意见')]"));
        click(keep);
        assertThat(keep.findElement(By.xpath(".//input")).isSelected())
                .isTrue();
        reasons.sendKeys("情节严重，维持承办机构拟作出的决定。");
        screenshot("tasklist-coordinate-dispute");
        ((JavascriptExecutor) browser).executeScript("document.activeElement && document.activeElement.blur();");
        clickButton(".task-card button.btn-primary", "完成");

        new WebDriverWait(browser, PATIENCE).until(d -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(dispute.getId()).finished().count() == 1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(dispute.getId())
                .variableName(REVIEW_RESULT).singleResult().getValue()).isEqualTo("APPROVED_AFTER_COORDINATION");
    }

    @Test
    void supervisorFollowsTheDashboardsLinkToAnOverdueCase() {
        logIn("cockpit", "zhenghua");
        waitForText(By.id("zhifa-supervision"), "即将到期和已逾期的期限");
        WebElement link = waitFor(By.xpath("//section[@id='zhifa-supervision']//tr[.//span[@data-state='OVERDUE']]"
                + "//a[@data-case-id='" + overdueCase + "']"));
        WebElement row = link.findElement(By.xpath("./ancestor::tr"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});",
                browser.findElement(By.id("zhifa-supervision")));
        assertThat(row.getText()).contains("登记号" + overdueCase, "已逾期").containsPattern("已逾期 [1-9]\\d* 个工作日");
        screenshot("cockpit-supervision");

        link.click();
        WebElement detail = waitFor(By.cssSelector("#zhifa-case-detail[data-case-id='" + overdueCase + "']"));
        assertThat(detail.getText()).contains("登记号" + overdueCase, "张三", "法制审核", "已逾期", "超过");
        assertThat(pageText()).doesNotContain("Whitelabel", "Forbidden", "Error");
        // who uploaded late is named as people read names, not by the login id
        WebElement late = browser.findElement(By.xpath("//section[@id='zhifa-supervision']//tr[td[.='询问录像.mp4']]"));
        assertThat(late.getText()).contains("张伟").doesNotContain("zhangwei");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", detail);
        screenshot("cockpit-supervision-case");
    }

    // ------------------------------------------------------------------ Tasklist steps

    private void openStartForm(String processName) {
        clickButton("[cam-widget-header] a, .navbar a", "发起流程");
        waitFor(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + processName + "']")).click();
        waitFor(By.cssSelector(".modal .fjs-form"));
    }

    private WebElement formField(String id) {
        return waitFor(By.cssSelector(".fjs-form [id$='-" + id + "']"));
    }

    private void openFilter(String name) {
        waitFor(By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(), '" + name + "')]"))
                .click();
        settle();
    }

    private void openTask(Task task) {
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        waitForText(By.cssSelector(".task-card h2.task"), task.getName());
        settle();
    }

    /** Clicks the first visible element of the selector whose text is the given one. */
    private void clickButton(String selector, String text) {
        WebElement button = new WebDriverWait(browser, PATIENCE).until(d -> d.findElements(By.cssSelector(selector))
                .stream().filter(e -> e.isDisplayed() && e.isEnabled() && e.getText().trim().equals(text))
                .findFirst().orElse(null));
        click(button);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}

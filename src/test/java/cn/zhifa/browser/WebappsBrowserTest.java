package cn.zhifa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The four webapps as each role sees them in a Chinese Chromium (issue 16, items 7 and 8): Chinese text, names
 * without the space, the agency's brand, no action the role cannot perform, and a Chinese page for every error.
 * Each walk leaves a screenshot of its main screen (see {@link BrowserTest#screenshot}).
 */
class WebappsBrowserTest extends BrowserTest {

    @Test
    void supervisorSeesCockpitInChineseWithHumanTasksAndNoVariableEditing() {
        logIn("cockpit", "zhenghua");
        waitForText(By.cssSelector("[cam-widget-header]"), "流程");
        rightsKnown();

        assertThat(pageText()).contains("某县市场监督管理局 执法办案 · 流程监控", "流程", "决策", "人工任务", "郑华")
                .doesNotContain("Processes", "Camunda", "郑 华");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("end-of-life banner hidden").isTrue();
        assertThat(htmlClasses()).contains("zhifa-may-open-cockpit").doesNotContain("zhifa-may-edit-variables");
        screenshot("cockpit-dashboard");

        browser.get(url("/camunda/app/cockpit/default/#/tasks"));
        waitForText(By.cssSelector(".ctn-main"), "按组分配");
        settle();
        assertThat(pageText()).contains("按类型分配", "按组分配").doesNotContain("Could not", "Error", "无法获取");
        screenshot("cockpit-human-tasks");
    }

    @Test
    void administratorSeesAdminInChineseWithTheSurnameFirst() {
        logIn("admin", "admin");
        browser.get(url("/camunda/app/admin/default/#/users"));
        waitForText(By.cssSelector(".ctn-main"), "用户列表");
        settle();
        rightsKnown();

        assertThat(pageText()).contains("执法办案 · 系统管理", "用户", "组", "授权", "姓", "名", "张", "伟")
                .doesNotContain("List of Users", "First Name", "Camunda");
        assertThat(htmlClasses()).contains("zhifa-may-edit-variables");
        screenshot("admin-users");

        browser.get(url("/camunda/app/admin/default/#/user-create"));
        waitForText(By.cssSelector(".ctn-main"), "新建用户");
        // the directory stores the surname as Camunda's first name (StaffRegistry): the form asks for 姓 first
        List<String> labels = browser.findElements(By.cssSelector(".ctn-main label")).stream()
                .map(WebElement::getText).toList();
        assertThat(labels).contains("姓*", "名*");
        assertThat(labels.indexOf("姓*")).isLessThan(labels.indexOf("名*"));
    }

    @Test
    void officerSeesTasklistInChineseWithoutNewTask() {
        logIn("tasklist", "zhangwei");
        waitForText(By.cssSelector("[cam-widget-header]"), "发起流程");
        new WebDriverWait(browser, PATIENCE)
                .until(driver -> !pageText().contains("正在加载"));
        rightsKnown();

        assertThat(pageText()).contains("某县市场监督管理局 执法办案", "发起流程", "张伟")
                .doesNotContain("Start process", "Camunda", "张 伟", "新建任务");
        assertThat(htmlClasses()).doesNotContain("zhifa-may-create-task");
        screenshot("tasklist-officer");
    }

    @Test
    void reviewerFollowingALinkToCockpitGetsTheChineseErrorPage() {
        logIn("tasklist", "zhaomin");
        rightsKnown();
        // the ↗ beside a task's process name opens Cockpit, which reviewers may not use: it is not offered to them,
        // and the address typed or bookmarked answers in Chinese
        assertThat(htmlClasses()).doesNotContain("zhifa-may-open-cockpit");
        browser.get(url("/camunda/app/cockpit/default/"));

        assertThat(waitFor(By.id("error-title")).getText()).isEqualTo("您没有权限查看此页面");
        assertThat(pageText()).contains("错误代码 403", "返回任务列表").doesNotContain("Whitelabel", "Forbidden");
        screenshot("error-403");
    }

    private void rightsKnown() {
        new WebDriverWait(browser, PATIENCE)
                .until(driver -> htmlClasses().contains("zhifa-rights-known"));
    }

    private String htmlClasses() {
        return String.valueOf(((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.className;"));
    }
}

package cn.zhifa.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.browser.BrowserTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit's variable table of a running legal review: the supervisor, who may only read, is offered no edit, delete
 * or add button (they could only fail); the administrator, who may write, still is. Issue 16.
 */
class CockpitVariablesBrowserTest extends BrowserTest {

    private static final By EDIT_BUTTONS = By.cssSelector(
            "button[ng-click^='enableEditMode'], button[ng-click^='deleteVariable'], "
                    + "a.btn-toolbar[ng-click='openDialog()']:has(> .glyphicon-plus)");

    @Autowired LegalReviewDriver driver;

    private ProcessInstance review;

    @BeforeAll
    void startAReview() {
        review = driver.submit("zhangwei", LegalReviewDriver.submission(driver.registerCase()));
    }

    @Test
    void supervisorIsOfferedNoVariableEditing() {
        openVariables("zhenghua");
        screenshot("cockpit-process-instance");

        assertThat(visible(EDIT_BUTTONS)).as("edit buttons shown to the supervisor").isZero();
        assertThat(pageText()).contains("变量", "名称", "类型", "值", "范围");
    }

    @Test
    void administratorKeepsTheVariableButtons() {
        openVariables("admin");

        assertThat(visible(EDIT_BUTTONS)).as("edit buttons shown to the administrator").isPositive();
    }

    private void openVariables(String user) {
        logIn("cockpit", user);
        browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + review.getId()
                + "/runtime?tab=variables-tab"));
        waitForText(By.cssSelector(".ctn-main"), "basicFacts");
        settle();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, PATIENCE).until(driver -> String.valueOf(
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.className;")).contains("zhifa-rights-known"));
    }

    private long visible(By locator) {
        return browser.findElements(locator).stream().filter(WebElement::isDisplayed).count();
    }
}

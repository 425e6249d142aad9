package cn.zhifa.disclosure;

import static cn.zhifa.disclosure.DisclosureVariables.EXEMPTION;
import static cn.zhifa.disclosure.DisclosureVariables.PUBLIC_CONCLUSION;
import static cn.zhifa.disclosure.DisclosureVariables.PUBLIC_FACTS;
import static cn.zhifa.disclosure.DisclosureVariables.REVIEW_OUTCOME;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.browser.BrowserTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * The public page 行政执法公示 as a citizen sees it in a real browser, without logging in: a published record is found
 * by the party's reduced name and opened, and nothing of what was redacted reaches the page.
 */
class GongshiBrowserTest extends BrowserTest {

    @Autowired AutowireCapableBeanFactory beans;

    private DisclosurePublicApiTest published;

    @AfterEach
    void removeTheDisclosure() {
        if (published != null) {
            published.tearDown();
        }
    }

    @Test
    void aCitizenFindsAPublishedDecisionAndSeesItRedacted() {
        published = beans.createBean(DisclosurePublicApiTest.class);
        String instance = published.startAsZhangwei(Map.of());
        long record = published.recordOf(instance);
        published.complete("zhangwei", published.task(instance, DisclosureActorTaskListener.PREPARE),
                Map.of(PUBLIC_CONCLUSION, "给予行政处罚", PUBLIC_FACTS, "当事人王五销售过期食品。", EXEMPTION, "NONE"));
        published.complete("zhaomin", published.task(instance, DisclosureActorTaskListener.REVIEW),
                Map.of(REVIEW_OUTCOME, "APPROVE"));

        browser.get(url("/gongshi/?q=王某某"));
        waitForText(By.id("list"), "王某某");
        assertThat(pageText()).contains("行政执法公示", "王某某").doesNotContain("王五", "13812345678");
        screenshot("gongshi-list");

        browser.get(url("/gongshi/?id=" + record));
        waitForText(By.id("detail"), "王某某");
        assertThat(browser.findElement(By.id("detail")).getText()).contains("过期食品", "给予行政处罚")
                .doesNotContain("王五", "11010519491231002X", "13812345678", "某县和平路3号");
        assertThat(console()).doesNotContain("Refused to", "Uncaught");
    }
}

package cn.zhifa.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without chromium the walks skip on a developer's machine and fail in CI (.ci/run). Runs without Spring. */
class BrowserRequirementTest {

    private static final String MISSING = "/nonexistent/chromium";

    @Test
    void skipsWithAMessageWhenTheBrowserIsMissing() {
        assertThatThrownBy(() -> BrowserTest.requireBrowser(null, MISSING, BrowserTest.CHROMEDRIVER))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install chromium chromium-driver").hasMessageContaining(MISSING);
    }

    @Test
    void failsWhenCiRequiresTheBrowser() {
        assertThatThrownBy(() -> BrowserTest.requireBrowser("required", MISSING, MISSING))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("ZHIFA_BROWSER_TESTS=required");
    }

    @Test
    void acceptsBinariesThatExist() {
        // /bin/sh stands in for both: the check is only that they exist and can be executed
        assertThatCode(() -> BrowserTest.requireBrowser("required", "/bin/sh", "/bin/sh")).doesNotThrowAnyException();
    }
}

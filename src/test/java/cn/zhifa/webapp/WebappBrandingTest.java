package cn.zhifa.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upgrade guard for the 执法办案 branding: our config.js files set {@code app.name}, and the Camunda 7.24 bundles
 * still build the browser title and pick the locale the way docs/webapps-chinese.md describes. If a new Camunda
 * version changes that, this test fails and the doc's update checklist applies. Runs without Spring.
 */
class WebappBrandingTest {

    private static final String APP_PATH = "META-INF/resources/webjars/camunda/app/";

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void ourConfigBrandsTheAppAsZhifa(String app) {
        String config = read(APP_PATH + app + "/scripts/config.js");

        assertThat(config).startsWith("/*\n * Zhifa override").contains("export default {")
                .containsPattern("name: '执法办案( · [\\p{IsHan}]+)?'").contains("vendor: '某县市场监督管理局'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void camundaBundleSetsTheBrowserTitleFromConfigVendorAndName(String app) {
        String bundle = read(APP_PATH + app + "/camunda-" + app + "-bootstrap.js");

        // header widget: brandName = getAppVendor() + " " + getAppName(); $("head title").text(brandName)
        assertThat(bundle).containsPattern("brandName=\\w+\\.getAppVendor\\(\\)\\+\" \"\\+\\w+\\.getAppName\\(\\)")
                .containsPattern("\\(\"head title\"\\)\\.text\\(\\w+\\.brandName\\)")
                .containsPattern("getAppName=function\\(\\)\\{return \\w+\\.app&&\\w+\\.app\\.name\\?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void camundaBundlePicksTheLocaleFromTheFirstPartOfTheBrowserLanguage(String app) {
        String bundle = read(APP_PATH + app + "/camunda-" + app + "-bootstrap.js");

        // navigator.languages[0].split("-")[0].toLowerCase() must be in availableLocales, else fallbackLocale
        assertThat(bundle).contains("determinePreferredLanguage(")
                .containsPattern("\\w+\\.languages\\[0\\]:[^;]*\\)\\|\\|\"\"\\)\\.split\\(\"-\"\\)")
                .containsPattern("prefix:\\w+\\+\"/app/\"\\+\\w+\\+\"/locales/\",suffix:\".json\"");
    }

    private static String read(String path) {
        URL url = WebappBrandingTest.class.getClassLoader().getResource(path);
        assertThat(url).as("%s on the classpath", path).isNotNull();
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.zhifa.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Our zh.json and config.js override the webjar's files at the same classpath path when served over HTTP. */
@ApplicationTest
class WebappLocaleHttpTest {

    @Autowired TestRestTemplate http;

    @Test
    void shouldServeOurChineseTasklistLocale() throws Exception {
        JsonNode zh = new ObjectMapper().readTree(get("/camunda/app/tasklist/locales/zh.json"));

        assertThat(zh.at("/labels/CLAIM_TASK").asText()).isEqualTo("认领");
        assertThat(zh.at("/labels/FOLLOW_UP_DATE").asText()).isEqualTo("跟进日期");
        assertThat(zh.at("/dateLocales/months/0").asText()).isEqualTo("一月");
    }

    @Test
    void shouldServeOurChineseWelcomeLocale() throws Exception {
        JsonNode zh = new ObjectMapper().readTree(get("/camunda/app/welcome/locales/zh.json"));

        assertThat(zh.at("/labels/CHANGE_PASSWORD").asText()).isEqualTo("修改密码");
    }

    @Test
    void shouldServeOurTasklistAndWelcomeConfigWithBrandingAndChineseFirst() {
        for (String app : new String[] {"tasklist", "welcome"}) {
            assertThat(get("/camunda/app/" + app + "/scripts/config.js"))
                    .as("%s config.js", app)
                    .contains("name: '执法办案'")
                    .contains("availableLocales: ['zh', 'en']")
                    .contains("fallbackLocale: 'zh'");
        }
    }

    @Test
    void shouldLoadTheScriptThatTranslatesTheFormsValidationMessages() {
        assertThat(get("/camunda/app/tasklist/scripts/config.js"))
                .contains("'scripts/zh-form-messages.js'");
        assertThat(get("/camunda/app/tasklist/scripts/zh-form-messages.js"))
                .contains("Field is required").contains("此项为必填项");
    }

    @Test
    void shouldServeOurCockpitAndAdminConfigWithBranding() {
        assertThat(get("/camunda/app/cockpit/scripts/config.js")).contains("name: '执法办案 · 流程监控'");
        assertThat(get("/camunda/app/admin/scripts/config.js")).contains("name: '执法办案 · 系统管理'");
    }

    @Test
    void shouldStillServeTheWebjarEnglishLocale() {
        assertThat(get("/camunda/app/tasklist/locales/en.json")).contains("\"CLAIM_TASK\": \"Claim\"");
    }

    private String get(String path) {
        ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }
}

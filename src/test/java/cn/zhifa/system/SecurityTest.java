package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ApplicationTest
class SecurityTest {

    private static final String PASSWORD = "test-secret";
    /** Wrong-password calls use a user no other test logs in as, so the login throttle never gets in their way. */
    private static final String LOCKOUT_VICTIM = "huangtao";

    @Autowired TestRestTemplate rest;

    @Test
    void engineRestAnswers401WithoutCredentials() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestAnswers401ForAWrongPassword() {
        assertThat(rest.withBasicAuth(LOCKOUT_VICTIM, "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestAnswers200ForTheDemoOfficer() {
        ResponseEntity<String> response = rest.withBasicAuth("zhangwei", PASSWORD)
                .getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).startsWith("[");
    }

    @Test
    void engineRestAnswers403WhenCamundaAuthorizationRefuses() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<Map<String, String>> newGroup = new HttpEntity<>(Map.of("id", "intruders", "name", "x"), headers);
        ResponseEntity<String> response = rest.withBasicAuth("zhangwei", PASSWORD)
                .exchange("/engine-rest/group/create", HttpMethod.POST, newGroup, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void colleaguesSeeEachOthersNamesForTasklist() {
        String users = rest.withBasicAuth("zhangwei", PASSWORD).getForObject("/engine-rest/user?id=zhaomin", String.class);
        assertThat(users).contains("\"firstName\":\"赵\"").contains("\"lastName\":\"敏\"");
        assertThat(rest.withBasicAuth("zhangwei", PASSWORD).getForObject("/engine-rest/group?id=unit-legal", String.class))
                .contains("法制审核科");
    }

    @Test
    void apiAnswers401WithAProblemDetailWithoutCredentials() {
        ResponseEntity<Map> response = rest.getForEntity("/api/me", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody()).containsEntry("code", "UNAUTHENTICATED");
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void apiAnswers401ForAWrongPassword() {
        assertThat(rest.withBasicAuth(LOCKOUT_VICTIM, "wrong").getForEntity("/api/me", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void apiAnswers200WithTheCallersCertificate() {
        ResponseEntity<Map> response = rest.withBasicAuth("zhangwei", PASSWORD).getForEntity("/api/me", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("name", "张伟");
        assertThat((Map<String, Object>) response.getBody().get("validCertificate"))
                .containsEntry("certificateNo", "ZF-2024-0001");
    }

    @Test
    void apiAnswers403WithAProblemDetailForAUserWithoutTheRight() {
        ResponseEntity<Map> response = rest.withBasicAuth("zhangwei", PASSWORD)
                .getForEntity("/api/staff/lina", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).containsEntry("code", "FORBIDDEN");
        assertThat(rest.withBasicAuth("zhenghua", PASSWORD).getForEntity("/api/staff/lina", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void metricsNeedAnAuthorisedUserWhileHealthProbesAreOpen() {
        assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("zhangwei", PASSWORD).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("zhenghua", PASSWORD).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownApiPathsAnswerAProblemDetailWithoutStackTrace() {
        ResponseEntity<String> response = rest.withBasicAuth("zhangwei", PASSWORD)
                .getForEntity("/api/no-such-thing", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("\"code\":\"NOT_FOUND\"").doesNotContain("at cn.zhifa", "Exception");
    }

    @Test
    void tasklistIsServedUnderCamunda() {
        ResponseEntity<String> response = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}

package cn.zhifa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8 §9: wrong passwords lock nobody out for good. A guesser is blocked per client address (X-Forwarded-For from
 * the trusted proxy, here the test's own loopback), the account's owner keeps logging in from his own computer, on
 * /api, /engine-rest and the webapps' login alike, and an administrator sees and lifts a block.
 */
@ApplicationTest
class LoginThrottleTest {

    static final String PASSWORD = "Kopf-2026-geheim";
    static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired LoginThrottle throttle;
    @LocalServerPort int port;

    String head;

    @BeforeEach
    void aHead() {
        head = "head-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(head);
        user.setFirstName("周");
        user.setLastName("局");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(head, Roles.AGENCY_HEAD);
    }

    static String address() {
        // documentation addresses (RFC 5737), one per caller of this test class
        return "203.0.113." + NEXT_ADDRESS.incrementAndGet();
    }

    ResponseEntity<JsonNode> me(String user, String password, String from) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", from);
        return rest.withBasicAuth(user, password).exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers),
                JsonNode.class);
    }

    @Test
    void shouldBlockTheGuessersAddressButNotTheOwnerEvenAfterMoreThanCamundasTenAttempts() {
        String guesser = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(me(head, "guess" + attempt, guesser).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> blocked = me(head, PASSWORD, guesser);
        assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(blocked.getBody().get("code").asText()).isEqualTo("LOGIN_BLOCKED");
        assertThat(blocked.getBody().get("detail").asText()).contains("登录失败次数过多");
        assertThat(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        // two more guessers bring the account past Camunda's ten wrong passwords (its permanent lock-out)
        for (String other : new String[] {address(), address()}) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                me(head, "guess" + attempt, other);
            }
        }

        assertThat(me(head, PASSWORD, address()).getStatusCode()).as("the owner from his own computer")
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(head, PASSWORD).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldBlockAnAddressThatTriesManyAccounts() {
        String sprayer = address();
        for (int i = 0; i < 20; i++) {
            me("nobody-" + i, "guess", sprayer);
        }

        assertThat(me(head, PASSWORD, sprayer).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(me(head, PASSWORD, address()).getStatusCode()).isEqualTo(HttpStatus.OK);
        throttle.lift(null, sprayer);
    }

    @Test
    void shouldNotAddUpTheTypingErrorsOfAnOfficeWherePeopleLogIn() {
        String office = address();
        for (int i = 0; i < 19; i++) {
            me("colleague-" + i, "typo", office);
        }
        assertThat(me(head, PASSWORD, office).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (int i = 0; i < 19; i++) {
            me("colleague-" + i, "typo again", office);
        }

        assertThat(me(head, PASSWORD, office).getStatusCode()).isEqualTo(HttpStatus.OK);
        throttle.lift(null, office);
    }

    @Test
    void shouldLetAnAdministratorSeeAndLiftABlock() {
        String guesser = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            me(head, "guess" + attempt, guesser);
        }
        assertThat(rest.withBasicAuth("zhangwei", "test-secret").getForEntity("/api/admin/login-blocks", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode blocks = rest.withBasicAuth("admin", "test-secret").getForObject("/api/admin/login-blocks",
                JsonNode.class);
        assertThat(blocks.findValuesAsText("userId")).contains(head);
        assertThat(blocks.findValuesAsText("source")).contains(guesser);

        ResponseEntity<JsonNode> lifted = rest.withBasicAuth("admin", "test-secret").exchange(
                "/api/admin/login-blocks?userId=" + head, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lifted.getBody().get("lifted").asInt()).isPositive();
        assertThat(me(head, PASSWORD, guesser).getStatusCode()).isEqualTo(HttpStatus.OK);
        throttle.lift(null, guesser);
    }

    @Test
    void shouldThrottleTheWebappsLoginFormToo() throws Exception {
        String guesser = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(webappLogin(head, "guess" + attempt, guesser)).isEqualTo(401);
        }

        assertThat(webappLogin(head, PASSWORD, guesser)).isEqualTo(401);
        assertThat(webappLogin(head, PASSWORD, address())).isEqualTo(200);
        throttle.lift(null, guesser);
    }

    int webappLogin(String user, String password, String from) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        client.send(HttpRequest.newBuilder(URI.create(tasklist)).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", tasklist)
                        .header("X-XSRF-TOKEN", xsrf).header("X-Forwarded-For", from)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

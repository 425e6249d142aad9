package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8 §8, the generic check: whatever the endpoint, a lone surrogate or a control character in any JSON string
 * (value or name) or query parameter is refused with 400 TEXT_MALFORMED before anything is stored, and a body over
 * 1MB with 413 REQUEST_TOO_LARGE, on /api, /engine-rest alike.
 */
@ApplicationTest
class RequestInputGuardTest {

    static final String CASE = """
            {"kind":"PENALTY","title":"%s","handlingUnitId":"unit-squad-1",
             "parties":[{"kind":"INDIVIDUAL","name":"%s","idNumber":"11010519491231002X","address":"某县"}],
             "officers":[{"userId":"zhangwei"},{"userId":"lina"}]}""";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired CaseRegister register;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    ResponseEntity<String> postJson(String path, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("zhangwei", "test-secret").exchange(path, HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> postJson(String path, String body) {
        return postJson(path, body.getBytes(StandardCharsets.UTF_8));
    }

    long cases() {
        return jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
    }

    JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    @Test
    void shouldRefuseALoneSurrogateInACaseTitleAndStoreNothing() throws Exception {
        long before = cases();

        ResponseEntity<String> response = postJson("/api/cases", CASE.formatted("销售\\ud800过期食品案", "张三"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(response).get("code").asText()).isEqualTo("TEXT_MALFORMED");
        assertThat(body(response).get("detail").asText()).contains("/title").contains("代理字符");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void shouldRefuseALoneSurrogateSentAsRawUtf8Bytes() throws Exception {
        byte[] template = CASE.formatted("@", "张三").getBytes(StandardCharsets.UTF_8);
        String text = new String(template, StandardCharsets.ISO_8859_1);
        // U+D800 encoded the way a careless client encodes it: ED A0 80
        byte[] body = text.replace("@", "\u00ED\u00A0\u0080").getBytes(StandardCharsets.ISO_8859_1);
        long before = cases();

        ResponseEntity<String> response = postJson("/api/cases", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void shouldRefuseNulInAPartyNameAndInAFieldName() throws Exception {
        ResponseEntity<String> inValue = postJson("/api/cases", CASE.formatted("无证经营案", "张\\u0000三"));
        assertThat(inValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(inValue).get("detail").asText()).contains("/parties/0/name").contains("U+0000");

        ResponseEntity<String> inName = postJson("/api/cases", "{\"ti\\u0000tle\":\"x\"}");
        assertThat(inName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(inName).get("code").asText()).isEqualTo("TEXT_MALFORMED");
    }

    @Test
    void shouldLetLineBreaksTabsAndPairedSurrogatesThrough() {
        long caseId = register.register(new NewCase(CaseKind.OTHER_DECISION, "输入检查", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();

        // one-line fields refuse line breaks in the request records (CaseInputLimitsTest); this is the generic rule
        ResponseEntity<String> response = postJson("/api/cases/" + caseId + "/documents", """
                {"type":"CASE_FILING_APPROVAL","data":{"caseSource":"举报","filingBasis":"《行政处罚法》第五十四条",
                 "caseSummary":"第一行\\n\\t第二行 \\ud842\\udfb7"}}""");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void shouldRefuseNulInAQueryParameter() throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("zhangwei", "test-secret")
                .getForEntity(URI.create("http://localhost:" + port + "/api/cases?party=%E5%BC%A0%00"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(response).get("code").asText()).isEqualTo("TEXT_MALFORMED");
        assertThat(body(response).get("detail").asText()).contains("party");
    }

    @Test
    void shouldRefuseAProcessVariableWithALoneSurrogateOverEngineRest() throws Exception {
        long instances = jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST").query(Long.class).single();

        ResponseEntity<String> response = postJson("/engine-rest/process-definition/key/deployment-probe/start",
                "{\"variables\":{\"note\":{\"value\":\"意见\\udc00\",\"type\":\"String\"}}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = body(response);
        assertThat(problem.get("code").asText()).isEqualTo("TEXT_MALFORMED");
        assertThat(problem.get("message").asText()).as("Tasklist shows message").contains("/variables/note/value");
        assertThat(problem.get("type").asText()).doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST").query(Long.class).single()).isEqualTo(instances);
    }

    @Test
    void shouldRefuseAVariableNameWithNulOverEngineRest() throws Exception {
        ResponseEntity<String> response = postJson("/engine-rest/process-definition/key/deployment-probe/start",
                "{\"variables\":{\"no\\u0000te\":{\"value\":\"x\",\"type\":\"String\"}}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(response).get("code").asText()).isEqualTo("TEXT_MALFORMED");
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimitByItsContentLength() throws Exception {
        String big = "{\"title\":\"" + "案".repeat(400_000) + "\"}";

        ResponseEntity<String> response = postJson("/api/cases", big);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(body(response).get("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(body(response).get("detail").asText()).contains("1024KB");
    }

    @Test
    void shouldAnswer413ForAChunkedBodyOverTheLimit() throws Exception {
        byte[] big = ("{\"title\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "zhangwei:test-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                // no length known in advance: sent chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("REQUEST_TOO_LARGE");
    }

    @Test
    void shouldLetAnOrdinaryBodyThrough() {
        ResponseEntity<String> response = postJson("/engine-rest/task", "{\"nameLike\":\"%审核%\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}

package cn.zhifa.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casefile.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The setup API as the tests call it: as a named user with HTTP Basic, answers read as JSON. */
final class SetupClient {

    static final String ADMIN = "admin";
    static final String PASSWORD = "test-secret";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    SetupClient(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    record Answer(HttpStatus status, JsonNode body) {

        String code() {
            return body.path("code").asText();
        }

        String detail() {
            return body.path("detail").asText();
        }
    }

    Answer get(String user, String password, String path) {
        return answer(rest.withBasicAuth(user, password).getForEntity(path, String.class));
    }

    Answer get(String user, String path) {
        return get(user, PASSWORD, path);
    }

    Answer post(String user, String password, String path, Object body) {
        return answer(rest.withBasicAuth(user, password).postForEntity(path, jsonEntity(body), String.class));
    }

    Answer post(String user, String path, Object body) {
        return post(user, PASSWORD, path, body);
    }

    Answer put(String user, String path, Object body) {
        return answer(rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.PUT, jsonEntity(body),
                String.class));
    }

    Answer anonymous(String path) {
        return answer(rest.getForEntity(path, String.class));
    }

    Answer upload(String user, String agencyId, byte[] file, String fileName, String initialPassword) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (initialPassword != null) {
            form.add("initialPassword", initialPassword);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return answer(rest.withBasicAuth(user, PASSWORD).postForEntity(
                "/api/admin/agencies/" + agencyId + "/staff-import", new HttpEntity<>(form, headers), String.class));
    }

    byte[] download(String user, String path) {
        ResponseEntity<byte[]> response = rest.withBasicAuth(user, PASSWORD).getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** A new agency created by the platform administrator, with a fresh id and credit code; its id. */
    String newAgency(String name, String prefix) {
        String id = "t" + randomLower(8);
        Answer created = post(ADMIN, "/api/admin/agencies",
                Map.of("id", id, "name", name + id, "creditCode", creditCode(), "caseNumberPrefix", prefix));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    String newUnit(String agencyId, String name, String kind) {
        Answer unit = post(ADMIN, "/api/admin/agencies/" + agencyId + "/units", Map.of("name", name, "kind", kind));
        assertThat(unit.status()).as(unit.body().toString()).isEqualTo(HttpStatus.CREATED);
        return unit.body().get("id").asText();
    }

    /** A staff member with password {@link #PASSWORD}, created by {@code admin}. */
    void newStaff(String admin, String agencyId, String userId, String unitId, List<String> roles) {
        Map<String, Object> member = new HashMap<>(Map.of("userId", userId, "familyName", "测", "givenName", userId,
                "roles", roles, "initialPassword", PASSWORD));
        if (unitId != null) {
            member.put("unitId", unitId);
        }
        Answer created = post(admin, "/api/admin/agencies/" + agencyId + "/staff", member);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(HttpStatus.CREATED);
    }

    void newCertificate(String agencyId, String userId, String certificateNo, String validFrom, String validTo) {
        Answer added = post(ADMIN, "/api/admin/agencies/" + agencyId + "/staff/" + userId + "/certificates",
                Map.of("certificateNo", certificateNo, "enforcementField", "市场监管", "issuer", "某省人民政府",
                        "validFrom", validFrom, "validTo", validTo));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(HttpStatus.CREATED);
    }

    /** The ids of a JSON array's elements (not of what they contain). */
    static List<String> ids(JsonNode array) {
        return field(array, "id");
    }

    /** One field of each element of a JSON array. */
    static List<String> field(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    static String creditCode() {
        StringBuilder first17 = new StringBuilder("11");
        for (int i = 0; i < 15; i++) {
            first17.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return first17.toString() + UnifiedSocialCreditCode.checkCharacter(first17.toString());
    }

    static String randomLower(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append("abcdefghijkmnpqrstuvwxyz23456789".charAt(RANDOM.nextInt(32)));
        }
        return s.toString();
    }

    private static HttpEntity<Object> jsonEntity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private Answer answer(ResponseEntity<String> response) {
        try {
            String body = response.getBody();
            return new Answer(HttpStatus.valueOf(response.getStatusCode().value()),
                    body == null || body.isEmpty() ? json.createObjectNode() : json.readTree(body));
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.getBody(), e);
        }
    }
}

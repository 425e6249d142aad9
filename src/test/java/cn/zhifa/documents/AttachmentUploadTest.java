package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Evidence and audio-video uploads: size limit (1MB in tests), empty files and wrong types refused; audio-video
 * records need their five items and are flagged late after 24 hours (seeds 004-K L320, 003 L95).
 */
@ApplicationTest
class AttachmentUploadTest {

    static final byte[] PDF = "%PDF-1.4\n%test evidence\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister register;
    @Autowired CaseRecord record;
    @Autowired CaseAttachments attachments;
    @Autowired ObjectMapper json;

    long caseId;
    String caseNo;

    @BeforeEach
    void numberedCase() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "无证经营案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        caseNo = register.assignNumber(caseId);
    }

    ResponseEntity<String> upload(String user, byte[] content, String fileName, String contentType,
            Map<String, String> fields) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType));
        ByteArrayResource resource = new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(resource, partHeaders));
        fields.forEach(body::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "test-secret")
                .postForEntity("/api/cases/" + caseId + "/attachments", new HttpEntity<>(body, headers), String.class);
    }

    Map<String, String> audioVideo(LocalDateTime capturedAt) {
        return Map.of("kind", "AUDIO_VIDEO", "caseNo", caseNo, "capturedAt", ISO.format(capturedAt),
                "capturedPlace", "某县人民路88号店内", "capturedBy", "张伟", "provesWhat", "当事人销售过期食品的现场情况");
    }

    JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    LocalDateTime now() {
        return LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void shouldStoreEvidenceByItsContentHash() throws Exception {
        ResponseEntity<String> response = upload("lina", PDF, "询问笔录.pdf", "application/pdf",
                Map.of("kind", "EVIDENCE", "description", "询问笔录扫描件"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        JsonNode stored = body(response);
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256);
        assertThat(stored.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(stored.get("fileName").asText()).isEqualTo("询问笔录.pdf");
        Path file = Path.of("target/test-files", sha256.substring(0, 2), sha256.substring(2, 4), sha256);
        assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
        RecordEntry last = record.entries(caseId).get(record.entries(caseId).size() - 1);
        assertThat(last.action()).isEqualTo("ATTACHMENT_UPLOADED");
        assertThat(last.summary()).isEqualTo("上传证据材料：询问笔录.pdf");

        ResponseEntity<byte[]> download = rest.withBasicAuth("zhangwei", "test-secret").getForEntity(
                "/api/cases/" + caseId + "/attachments/" + stored.get("id").asLong() + "/content", byte[].class);
        assertThat(download.getBody()).isEqualTo(PDF);
    }

    @Test
    void shouldRefuseAnEmptyFile() throws Exception {
        ResponseEntity<String> response = upload("lina", new byte[0], "空.pdf", "application/pdf",
                Map.of("kind", "EVIDENCE"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(response).get("code").asText()).isEqualTo("ATTACHMENT_EMPTY");
        assertThat(body(response).get("detail").asText()).isEqualTo("不能上传空文件");
        assertThat(attachments.attachments(caseId)).isEmpty();
        assertThat(record.entries(caseId)).extracting(RecordEntry::action).contains("ATTACHMENT_REFUSED");
    }

    @Test
    void shouldRefuseAFileOverTheConfiguredLimit() throws Exception {
        byte[] tooBig = new byte[1024 * 1024 + 1];
        ResponseEntity<String> response = upload("lina", tooBig, "大文件.txt", "text/plain", Map.of("kind", "EVIDENCE"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(body(response).get("code").asText()).isEqualTo("ATTACHMENT_TOO_LARGE");
        assertThat(body(response).get("detail").asText()).isEqualTo("上传文件超过大小限制（最大1MB）");
        assertThat(attachments.attachments(caseId)).isEmpty();
    }

    @Test
    void shouldAcceptAFileOfExactlyTheLimit() {
        ResponseEntity<String> response = upload("lina", new byte[1024 * 1024], "正好.txt", "text/plain",
                Map.of("kind", "EVIDENCE"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void shouldRefuseAContentTypeThatIsNotAllowed() throws Exception {
        ResponseEntity<String> response = upload("lina", new byte[] {'M', 'Z', 1, 2}, "tool.exe",
                "application/x-msdownload", Map.of("kind", "EVIDENCE"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(body(response).get("code").asText()).isEqualTo("ATTACHMENT_TYPE_NOT_ALLOWED");
        assertThat(body(response).get("detail").asText()).isEqualTo("不允许上传该类型的文件：application/x-msdownload");
    }

    @Test
    void shouldRefuseContentThatIsNotWhatItsTypeSays() throws Exception {
        ResponseEntity<String> response = upload("lina", new byte[] {'M', 'Z', 1, 2}, "photo.png", "image/png",
                Map.of("kind", "EVIDENCE"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(body(response).get("code").asText()).isEqualTo("ATTACHMENT_TYPE_MISMATCH");
    }

    @Test
    void shouldRefuseAnAudioVideoRecordThatIsNotAudioOrVideo() throws Exception {
        ResponseEntity<String> response = upload("lina", PDF, "x.pdf", "application/pdf", audioVideo(now()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void shouldRefuseAnAudioVideoRecordWithoutItsRequiredItems() throws Exception {
        ResponseEntity<String> response = upload("zhangwei", MP4, "现场.mp4", "video/mp4",
                Map.of("kind", "AUDIO_VIDEO", "caseNo", caseNo, "capturedBy", "张伟"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(body(response).get("code").asText()).isEqualTo("AV_METADATA_MISSING");
        assertThat(body(response).get("detail").asText()).isEqualTo("音像记录缺少以下信息：采集时间、采集地点、证明对象");
    }

    @Test
    void shouldRefuseAnAudioVideoRecordOfAnotherCase() throws Exception {
        Map<String, String> fields = new java.util.HashMap<>(audioVideo(now().minusHours(1)));
        fields.put("caseNo", "某县市监处罚〔1999〕1号");

        ResponseEntity<String> response = upload("zhangwei", MP4, "现场.mp4", "video/mp4", fields);

        assertThat(body(response).get("code").asText()).isEqualTo("AV_CASE_NO_MISMATCH");
    }

    @Test
    void shouldAcceptAnAudioVideoRecordWithinTwentyFourHoursAsOnTime() throws Exception {
        ResponseEntity<String> response = upload("zhangwei", MP4, "现场.mp4", "video/mp4",
                audioVideo(now().minusHours(23)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode stored = body(response);
        assertThat(stored.get("lateUpload").asBoolean()).isFalse();
        assertThat(stored.get("audioVideo").get("capturedPlace").asText()).isEqualTo("某县人民路88号店内");
        assertThat(stored.get("audioVideo").get("caseNo").asText()).isEqualTo(caseNo);
    }

    @Test
    void shouldAcceptButFlagAnAudioVideoRecordUploadedAfterTwentyFourHours() throws Exception {
        long lateBefore = attachments.countLateAudioVideo();

        ResponseEntity<String> response = upload("zhangwei", MP4, "现场.mp4", "video/mp4",
                audioVideo(now().minusHours(30)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(response).get("lateUpload").asBoolean()).isTrue();
        assertThat(attachments.countLateAudioVideo()).isEqualTo(lateBefore + 1);
        RecordEntry last = record.entries(caseId).get(record.entries(caseId).size() - 1);
        assertThat(last.summary()).isEqualTo("上传音像记录：现场.mp4（采集后超过24小时上传）");
        assertThat(last.data()).contains("\"lateUpload\":true");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldLetOnlyOfficersWhoSeeTheCaseUpload() {
        assertThat(upload("wangqiang", PDF, "a.pdf", "application/pdf", Map.of("kind", "EVIDENCE")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(upload("chengang", PDF, "a.pdf", "application/pdf", Map.of("kind", "EVIDENCE")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}

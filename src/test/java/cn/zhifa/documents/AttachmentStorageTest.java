package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 8 §8: an attachment the system refuses leaves no file behind. Stored content moves into place only when the
 * transaction that registers it commits; a refusal or a rollback deletes it.
 */
@ApplicationTest
class AttachmentStorageTest {

    static final Path STORE = Path.of("target/test-files");

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister register;
    @Autowired CaseAttachments attachments;
    @Autowired TransactionTemplate transaction;

    long caseId;

    @BeforeEach
    void newCase() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "无证经营案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
    }

    static byte[] uniqueContent() {
        return ("询问笔录 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    static Path stored(byte[] content) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return STORE.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static long temporaryFiles() throws IOException {
        if (!Files.isDirectory(STORE.resolve("tmp"))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(STORE.resolve("tmp"))) {
            return files.count();
        }
    }

    ResponseEntity<String> upload(byte[] content, String description) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.TEXT_PLAIN);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "询问笔录.txt";
            }
        }, partHeaders));
        body.add("kind", "EVIDENCE");
        body.add("description", description);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("lina", "test-secret")
                .postForEntity("/api/cases/" + caseId + "/attachments", new HttpEntity<>(body, headers), String.class);
    }

    NewAttachment evidence(byte[] content) {
        return new NewAttachment(AttachmentKind.EVIDENCE, "询问笔录.txt", "text/plain", content.length,
                new ByteArrayInputStream(content), "询问笔录", null);
    }

    @Test
    void shouldRefuseADescriptionLongerThanItsColumnAndKeepNoFile() throws Exception {
        byte[] content = uniqueContent();
        long temporary = temporaryFiles();

        ResponseEntity<String> response = upload(content, "说".repeat(1001));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"code\":\"TEXT_TOO_LONG\"").contains("description");
        assertThat(stored(content)).doesNotExist();
        assertThat(temporaryFiles()).isEqualTo(temporary);
        assertThat(attachments.attachments(caseId)).isEmpty();
    }

    @Test
    void shouldDeleteTheFileWhenTheTransactionThatStoredItRollsBack() throws Exception {
        byte[] content = uniqueContent();
        Path target = stored(content);
        long temporary = temporaryFiles();

        transaction.executeWithoutResult(status -> {
            Attachment attachment = attachments.upload(caseId, evidence(content), "lina");
            try (var in = attachments.content(attachment)) {
                // the same transaction reads what it stored before it is in place
                assertThat(in.readAllBytes()).isEqualTo(content);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(target).as("not in place before commit").doesNotExist();
            status.setRollbackOnly();
        });

        assertThat(stored(content)).doesNotExist();
        assertThat(temporaryFiles()).isEqualTo(temporary);
        assertThat(attachments.attachments(caseId)).isEmpty();
    }

    @Test
    void shouldPutTheFileInPlaceWhenTheTransactionCommits() throws Exception {
        byte[] content = uniqueContent();

        Attachment attachment = transaction.execute(status -> attachments.upload(caseId, evidence(content), "lina"));

        assertThat(stored(content)).exists().hasBinaryContent(content);
        try (var in = attachments.content(attachment)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }
}

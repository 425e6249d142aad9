package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** 执法全过程记录: entries are chained by hash and the verifier names the first broken link (seeds-catalogue §5). */
@ApplicationTest
class CaseRecordTest {

    @Autowired CaseRecord record;
    @Autowired CaseRegister register;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired TransactionTemplate transaction;
    @Autowired RecordStartup startup;

    long caseId;

    @BeforeEach
    void caseWithFiveEntries() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "无照经营案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "王五", "440524188001010014", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        for (int i = 2; i <= 5; i++) {
            record.append(caseId, "zhangwei", "NOTE_ADDED", "第" + i + "条", Map.of("n", i, "text", "记录" + i));
        }
    }

    @Test
    void shouldChainEntriesWithGapFreeSequenceAndVerifyIntact() {
        List<RecordEntry> entries = record.entries(caseId);

        assertThat(entries).extracting(RecordEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.get(0).action()).isEqualTo("CASE_REGISTERED");
        assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).entryHash());
        }
        assertThat(entries.get(1).data()).isEqualTo("{\"n\":2,\"text\":\"记录2\"}");
        assertThat(entries.get(1).dataDigest()).isEqualTo(RecordHashing.sha256("{\"n\":2,\"text\":\"记录2\"}"));
        assertThat(entries).extracting(RecordEntry::keyId).containsOnly("demo");
        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(5);
        assertThat(result.lastCheckpointSeq()).isEqualTo(5L);
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void shouldSignEntriesSoThatAPlainSha256OfTheFieldsIsNotTheirHash() {
        RecordEntry e = record.entries(caseId).get(2);

        assertThat(e.entryHash()).isNotEqualTo(RecordHashing.legacyEntryHash(e.caseId(), e.seq(),
                e.recordedAt().toInstant(), e.actor(), e.action(), e.summary(), e.dataDigest(), e.previousHash()));
    }

    // ------------------------------------------------------------ forgeries (database-independent part of issue 8.6)

    @Test
    void shouldFindAForgedAppendedEntryHashedWithoutTheKey() {
        RecordEntry last = record.entries(caseId).get(4);
        insertForged(6, last.entryHash(), "demo");

        VerificationResult result = record.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(6L);
        assertThat(result.problem()).isEqualTo("ENTRY_ALTERED");
    }

    @Test
    void shouldFindAForgedAppendedEntryWithoutKeyId() {
        RecordEntry last = record.entries(caseId).get(4);
        insertForged(6, last.entryHash(), null);

        VerificationResult result = record.verify(caseId);

        assertThat(result.brokenAtSeq()).isEqualTo(6L);
        assertThat(result.problem()).isEqualTo("ENTRY_UNSIGNED");
        // a later append goes on without sealing the forgery as if it were history
        startup.sealUnsignedRecords();
        assertThat(record.append(caseId, "zhangwei", "NOTE_ADDED", "伪造之后", null).seq()).isEqualTo(7L);
        assertThat(record.entries(caseId)).extracting(RecordEntry::action).doesNotContain("RECORD_SEALED");
        assertThat(record.verify(caseId).brokenAtSeq()).isEqualTo(6L);
    }

    @Test
    void shouldFindAForgedEntryUnderAKeyIdThatIsNotConfigured() {
        RecordEntry last = record.entries(caseId).get(4);
        insertForged(6, last.entryHash(), "stolen-1");

        VerificationResult result = record.verify(caseId);

        assertThat(result.brokenAtSeq()).isEqualTo(6L);
        assertThat(result.problem()).isEqualTo("KEY_UNKNOWN");
    }

    /** HEAD_APPROVED by a head who never approved, with every hash an attacker without the key can compute. */
    private void insertForged(long seq, String previousHash, String keyId) {
        OffsetDateTime at = OffsetDateTime.now();
        String data = "{\"approved\":true}";
        String digest = RecordHashing.sha256(data);
        String hash = RecordHashing.legacyEntryHash(caseId, seq, at.toInstant(), "chengang", "HEAD_APPROVED", "批准",
                digest, previousHash);
        jdbc.sql("""
                INSERT INTO case_record_entry (case_id, seq, recorded_at, actor, action, summary, data_json,
                    data_digest, previous_hash, key_id, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, seq, at, "chengang", "HEAD_APPROVED", "批准", data, digest, previousHash, keyId, hash)
                .update();
        jdbc.sql("UPDATE case_record_head SET last_seq = ?, last_hash = ? WHERE case_id = ?")
                .params(seq, hash, caseId).update();
    }

    @Test
    void shouldFindATruncatedTailBehindARewoundHeadThroughTheCheckpoints() {
        RecordEntry third = record.entries(caseId).get(2);
        jdbc.sql("DELETE FROM case_record_entry WHERE case_id = ? AND seq > 3").param(caseId).update();
        jdbc.sql("UPDATE case_record_head SET last_seq = 3, last_hash = ? WHERE case_id = ?")
                .params(third.entryHash(), caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.brokenAtSeq()).isEqualTo(4L);
        assertThat(result.problem()).isEqualTo("CHAIN_TRUNCATED");
        assertThat(result.message()).isEqualTo(
                "第4条及以后的记录缺失：检查点表明记录已有第5条，数据库中只有3条（记录链被截断或回退）");
    }

    @Test
    void shouldReportADeletedHeadRowAndRebuildItOnTheNextAppend() {
        jdbc.sql("DELETE FROM case_record_head WHERE case_id = ?").param(caseId).update();
        assertThat(record.verify(caseId).problem()).isEqualTo("HEAD_MISSING");

        RecordEntry next = record.append(caseId, "zhangwei", "NOTE_ADDED", "头部删除后", null);

        assertThat(next.seq()).isEqualTo(7L);
        RecordEntry restored = record.entries(caseId).get(5);
        assertThat(restored.action()).isEqualTo("RECORD_HEAD_RESTORED");
        assertThat(restored.actor()).isEqualTo("system");
        assertThat(restored.data()).contains("\"reason\":\"HEAD_MISSING\"", "\"restoredSeq\":5");
        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.notices()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("HEAD_RESTORED");
            assertThat(n.seq()).isEqualTo(6L);
            assertThat(n.message()).isEqualTo("第6条：记录链头部缺失，已按第5条记录重建");
        });
    }

    @Test
    void shouldReportARewoundHeadAndRebuildItFromTheEntriesOnTheNextAppend() {
        RecordEntry second = record.entries(caseId).get(1);
        jdbc.sql("UPDATE case_record_head SET last_seq = 2, last_hash = ? WHERE case_id = ?")
                .params(second.entryHash(), caseId).update();
        VerificationResult rewound = record.verify(caseId);
        assertThat(rewound.problem()).isEqualTo("HEAD_MISMATCH");
        assertThat(rewound.brokenAtSeq()).isEqualTo(3L);

        assertThat(record.append(caseId, "zhangwei", "NOTE_ADDED", "头部回退后", null).seq()).isEqualTo(7L);

        assertThat(record.entries(caseId).get(5).summary())
                .isEqualTo("记录链头部（第2条）与记录（第5条）不一致，已按记录重建");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    // --------------------------------------------------------------------- entries written before the record was signed

    @Test
    void shouldSealEntriesWrittenBeforeSigningAndThenCatchTheirRewriting() {
        long legacyCase = caseWithUnsignedEntries(3);
        assertThat(record.verify(legacyCase).problem()).isEqualTo("ENTRY_UNSIGNED");

        startup.sealUnsignedRecords();

        List<RecordEntry> entries = record.entries(legacyCase);
        assertThat(entries).extracting(RecordEntry::action).containsExactly("NOTE_ADDED", "NOTE_ADDED", "NOTE_ADDED",
                "RECORD_SEALED");
        assertThat(entries.get(3).summary()).isEqualTo("启用签名：封存此前未签名的3条记录");
        VerificationResult sealed = record.verify(legacyCase);
        assertThat(sealed.intact()).isTrue();
        assertThat(sealed.notices()).extracting(VerificationResult.Notice::code).containsExactly("LEGACY_ENTRIES");
        assertThat(sealed.notices().get(0).message()).isEqualTo("第1至3条是启用签名前的记录（SHA-256），由第4条签名封存");
        startup.sealUnsignedRecords();
        assertThat(record.entries(legacyCase)).hasSize(4);

        // rewriting an unsigned entry with recomputed SHA-256 hashes breaks no link, but the seal remembers
        RecordEntry second = entries.get(1);
        String hash2 = RecordHashing.legacyEntryHash(legacyCase, 2, second.recordedAt().toInstant(), second.actor(),
                second.action(), "改写", second.dataDigest(), second.previousHash());
        RecordEntry third = entries.get(2);
        String hash3 = RecordHashing.legacyEntryHash(legacyCase, 3, third.recordedAt().toInstant(), third.actor(),
                third.action(), third.summary(), third.dataDigest(), hash2);
        jdbc.sql("UPDATE case_record_entry SET summary = '改写', entry_hash = ? WHERE case_id = ? AND seq = 2")
                .params(hash2, legacyCase).update();
        jdbc.sql("UPDATE case_record_entry SET previous_hash = ?, entry_hash = ? WHERE case_id = ? AND seq = 3")
                .params(hash2, hash3, legacyCase).update();

        VerificationResult rewritten = record.verify(legacyCase);
        assertThat(rewritten.brokenAtSeq()).isEqualTo(2L);
        assertThat(rewritten.problem()).isEqualTo("ENTRY_ALTERED");
        assertThat(rewritten.message()).isEqualTo("第2条记录的内容已被改动（与第4条封存时的哈希不符）");
    }

    @Test
    void shouldSealUnsignedEntriesBeforeTheFirstSignedAppend() {
        long legacyCase = caseWithUnsignedEntries(2);

        RecordEntry appended = record.append(legacyCase, "zhangwei", "NOTE_ADDED", "签名后的第一条", null);

        assertThat(appended.seq()).isEqualTo(4L);
        assertThat(record.entries(legacyCase).get(2).action()).isEqualTo("RECORD_SEALED");
        assertThat(record.verify(legacyCase).intact()).isTrue();
    }

    @Test
    void shouldSealUnsignedEntriesBeforeRestoringADeletedHead() {
        long legacyCase = caseWithUnsignedEntries(2);
        jdbc.sql("DELETE FROM case_record_head WHERE case_id = ?").param(legacyCase).update();

        record.append(legacyCase, "zhangwei", "NOTE_ADDED", "头部删除后", null);

        assertThat(record.entries(legacyCase)).extracting(RecordEntry::action).containsExactly("NOTE_ADDED",
                "NOTE_ADDED", "RECORD_SEALED", "RECORD_HEAD_RESTORED", "NOTE_ADDED");
        VerificationResult result = record.verify(legacyCase);
        assertThat(result.intact()).isTrue();
        assertThat(result.notices()).extracting(VerificationResult.Notice::code)
                .containsExactly("LEGACY_ENTRIES", "HEAD_RESTORED");
    }

    /** A case as an existing demo database has it: entries with plain SHA-256 hashes and no key id. */
    private long caseWithUnsignedEntries(int count) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_file (kind, agency_id, handling_unit_id, title, stage, created_at, created_by,
                    stage_changed_at)
                VALUES ('PENALTY', 'agency-amr', 'unit-squad-1', '旧记录案', 'CLUE', CURRENT_TIMESTAMP, 'test',
                    CURRENT_TIMESTAMP)""").update(key, "id");
        long legacyCase = key.getKey().longValue();
        String previous = RecordHashing.GENESIS;
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T09:00:00+08:00");
        for (int seq = 1; seq <= count; seq++) {
            String data = "{\"n\":" + seq + "}";
            String digest = RecordHashing.sha256(data);
            String hash = RecordHashing.legacyEntryHash(legacyCase, seq, at.toInstant(), "zhangwei", "NOTE_ADDED",
                    "旧" + seq, digest, previous);
            jdbc.sql("""
                    INSERT INTO case_record_entry (case_id, seq, recorded_at, actor, action, summary, data_json,
                        data_digest, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(legacyCase, seq, at, "zhangwei", "NOTE_ADDED", "旧" + seq, data, digest, previous, hash)
                    .update();
            previous = hash;
            at = at.plusMinutes(1);
        }
        jdbc.sql("INSERT INTO case_record_head (case_id, last_seq, last_hash) VALUES (?, ?, ?)")
                .params(legacyCase, count, previous).update();
        return legacyCase;
    }

    @Test
    void shouldFindAnEditedEntry() {
        jdbc.sql("UPDATE case_record_entry SET summary = '被改过' WHERE case_id = ? AND seq = 3").param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3L);
        assertThat(result.problem()).isEqualTo("ENTRY_ALTERED");
        assertThat(result.message()).isEqualTo("第3条记录的内容已被改动");
    }

    @Test
    void shouldFindEditedData() {
        jdbc.sql("UPDATE case_record_entry SET data_json = '{\"n\":2,\"text\":\"改\"}' WHERE case_id = ? AND seq = 2")
                .param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.brokenAtSeq()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("DATA_ALTERED");
    }

    @Test
    void shouldFindADeletedEntry() {
        jdbc.sql("DELETE FROM case_record_entry WHERE case_id = ? AND seq = 4").param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(4L);
        assertThat(result.problem()).isEqualTo("ENTRY_MISSING");
        assertThat(result.entriesChecked()).isEqualTo(3);
    }

    @Test
    void shouldFindADeletedLastEntry() {
        jdbc.sql("DELETE FROM case_record_entry WHERE case_id = ? AND seq = 5").param(caseId).update();

        VerificationResult result = record.verify(caseId);

        assertThat(result.brokenAtSeq()).isEqualTo(5L);
        assertThat(result.problem()).isEqualTo("ENTRY_MISSING");
    }

    @Test
    void shouldFindTwoSwappedEntries() {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE case_record_entry SET seq = -1 WHERE case_id = ? AND seq = 2").param(caseId).update();
            jdbc.sql("UPDATE case_record_entry SET seq = 2 WHERE case_id = ? AND seq = 3").param(caseId).update();
            jdbc.sql("UPDATE case_record_entry SET seq = 3 WHERE case_id = ? AND seq = -1").param(caseId).update();
        });

        VerificationResult result = record.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("LINK_BROKEN");
    }

    @Test
    void shouldKeepAnEntryAppendedInANewTransactionWhenTheCallerRollsBack() {
        transaction.executeWithoutResult(tx -> {
            record.append(caseId, "zhangwei", "WILL_ROLL_BACK", "回滚", null);
            tx.setRollbackOnly();
        });
        transaction.executeWithoutResult(tx -> {
            record.appendInNewTransaction(caseId, "zhangwei", "REFUSED", "拒绝：测试", Map.of("code", "X"));
            tx.setRollbackOnly();
        });

        List<RecordEntry> entries = record.entries(caseId);
        assertThat(entries).extracting(RecordEntry::action).doesNotContain("WILL_ROLL_BACK").contains("REFUSED");
        assertThat(entries.get(entries.size() - 1).seq()).isEqualTo(6L);
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldWriteTheAppendsOfOneTransactionAsOneChainThatReadsInTheTransactionAndVerifies() {
        List<Long> seen = transaction.execute(tx -> {
            record.append(caseId, "zhangwei", "NOTE_ADDED", "第6条", Map.of("n", 6));
            record.append(caseId, "lina", "NOTE_ADDED", "第7条", null);
            // not yet in the table: the head row still names the entry before the transaction
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_record_entry WHERE case_id = ?").param(caseId)
                    .query(Long.class).single()).isEqualTo(5L);
            List<Long> inTransaction = record.entries(caseId).stream().map(RecordEntry::seq).toList();
            record.append(caseId, "zhangwei", "NOTE_ADDED", "第8条", null);
            return inTransaction;
        });

        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        List<RecordEntry> entries = record.entries(caseId);
        assertThat(entries).extracting(RecordEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).entryHash());
        }
        assertThat(entries.get(6).actor()).isEqualTo("lina");
        assertThat(jdbc.sql("SELECT last_seq FROM case_record_head WHERE case_id = ?").param(caseId)
                .query(Long.class).single()).isEqualTo(8L);
        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.lastCheckpointSeq()).isEqualTo(8L);

        transaction.executeWithoutResult(tx -> {
            record.append(caseId, "zhangwei", "WILL_ROLL_BACK", "回滚", null);
            record.append(caseId, "zhangwei", "WILL_ROLL_BACK", "回滚", null);
            tx.setRollbackOnly();
        });
        record.append(caseId, "zhangwei", "NOTE_ADDED", "第9条", null);
        assertThat(record.entries(caseId)).extracting(RecordEntry::seq).endsWith(8L, 9L);
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldRefuseLowerCaseActionsAndUnknownCases() {
        assertThatThrownBy(() -> record.append(caseId, "zhangwei", "note", "x", null))
                .isInstanceOfSatisfying(ZhifaException.class, e -> assertThat(e.code()).isEqualTo("RECORD_ACTION_INVALID"));
        assertThatThrownBy(() -> record.append(987654321L, "zhangwei", "NOTE", "x", null))
                .isInstanceOfSatisfying(ZhifaException.class, e -> assertThat(e.code()).isEqualTo("CASE_NOT_FOUND"));
    }

    @Test
    void shouldRecordEveryTaskCompletionOfAProcessOfTheCase() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("deployment-probe", String.valueOf(caseId),
                Map.of("caseId", caseId));
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.setAssignee(task.getId(), "lina");

        taskService.complete(task.getId(), Map.of("checked", true, "note", "已检查"));

        RecordEntry last = record.entries(caseId).get(5);
        assertThat(last.action()).isEqualTo("TASK_COMPLETED");
        assertThat(last.actor()).isEqualTo("lina");
        assertThat(last.summary()).isEqualTo("完成任务：填写自检表（办理人：lina）");
        assertThat(last.data()).contains("\"taskDefinitionKey\":\"Task_Probe\"", "\"variablesDigest\":\"",
                "\"variableNames\":[", "\"checked\"", "\"note\"");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldServeTheRecordAndItsVerificationToThoseWhoSeeTheCase() throws Exception {
        ResponseEntity<String> entries = rest.withBasicAuth("lina", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record", String.class);
        assertThat(entries.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode list = json.readTree(entries.getBody());
        assertThat(list).hasSize(5);
        assertThat(list.get(1).get("data").get("text").asText()).isEqualTo("记录2");

        ResponseEntity<String> verify = rest.withBasicAuth("zhenghua", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record/verify", String.class);
        assertThat(json.readTree(verify.getBody()).get("intact").asBoolean()).isTrue();

        assertThat(rest.withBasicAuth("wangqiang", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldNameTheFirstFailingEntryInTheVerificationTheApiServes() throws Exception {
        jdbc.sql("UPDATE case_record_entry SET summary = '被改过' WHERE case_id = ? AND seq = 3").param(caseId).update();

        ResponseEntity<String> verify = rest.withBasicAuth("zhenghua", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/record/verify", String.class);

        JsonNode body = json.readTree(verify.getBody());
        assertThat(body.get("intact").asBoolean()).isFalse();
        assertThat(body.get("brokenAtSeq").asLong()).isEqualTo(3);
        assertThat(body.get("problem").asText()).isEqualTo("ENTRY_ALTERED");
        assertThat(body.get("message").asText()).isEqualTo("第3条记录的内容已被改动");
        assertThat(body.get("lastCheckpointSeq").asLong()).isEqualTo(5);
        assertThat(body.get("notices").isArray()).isTrue();
    }
}

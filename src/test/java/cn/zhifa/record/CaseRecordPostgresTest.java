package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.casefile.MigratedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** On PostgreSQL the record is append-only in the database itself, and concurrent appends keep a gap-free chain. */
class CaseRecordPostgresTest {

    HikariDataSource dataSource;
    JdbcClient jdbc;
    CaseRecord record;
    TransactionTemplate transaction;

    @BeforeEach
    void connect() {
        dataSource = MigratedPostgres.node(8);
        jdbc = JdbcClient.create(dataSource);
        record = new CaseRecord(new RecordStore(jdbc, dataSource), Clock.system(ZoneId.of("Asia/Shanghai")));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void disconnect() {
        dataSource.close();
    }

    RecordEntry append(long caseId, String summary) {
        return transaction.execute(tx -> record.append(caseId, "zhangwei", "NOTE_ADDED", summary, Map.of("s", summary)));
    }

    @Test
    void shouldRefuseUpdateAndDeleteOfEntriesInTheDatabase() {
        long caseId = MigratedPostgres.insertCase(dataSource, "只可追加案");
        append(caseId, "一");
        append(caseId, "二");

        assertThatThrownBy(() -> jdbc.sql("UPDATE case_record_entry SET summary = '改' WHERE case_id = ?")
                .param(caseId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("执法全过程记录不得修改或删除");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM case_record_entry WHERE case_id = ?").param(caseId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("执法全过程记录不得修改或删除");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE case_record_entry").update())
                .isInstanceOf(DataAccessException.class);

        assertThat(record.entries(caseId)).extracting(RecordEntry::summary).containsExactly("一", "二");
        assertThat(record.verify(caseId).intact()).isTrue();
    }

    @Test
    void shouldSerialiseConcurrentAppendsToOneCaseWithoutGaps() throws Exception {
        long caseId = MigratedPostgres.insertCase(dataSource, "并发记录案");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RecordEntry>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String summary = "并发" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return append(caseId, summary);
                }));
            }
            start.countDown();
            for (Future<RecordEntry> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(record.entries(caseId)).extracting(RecordEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        VerificationResult result = record.verify(caseId);
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(40);
    }
}

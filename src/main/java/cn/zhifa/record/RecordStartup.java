package cn.zhifa.record;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start: checks that the application's database user cannot change the record's entries (on PostgreSQL: not
 * their owner, not a superuser, no UPDATE, DELETE or TRUNCATE; see postgresql/V21__record_privileges.sql), refusing
 * to start where zhifa.record.require-restricted-database-user is set (prod) and warning otherwise; once ready,
 * seals the records that still end in entries written before the record was signed.
 */
@Component
class RecordStartup {

    private static final Logger log = LoggerFactory.getLogger(RecordStartup.class);

    private final CaseRecord record;
    private final RecordStore store;
    private final TransactionTemplate transaction;

    RecordStartup(JdbcClient jdbc, RecordProperties properties, CaseRecord record, RecordStore store,
            TransactionTemplate transaction) {
        this.record = record;
        this.store = store;
        this.transaction = transaction;
        String problem = store.isPostgres() ? privilegeProblem(jdbc)
                : "the database is not PostgreSQL, so nothing but the application keeps the record append-only";
        if (problem == null) {
            return;
        }
        if (properties.requireRestrictedDatabaseUser()) {
            throw new IllegalStateException("生产环境中应用的数据库账号不得能够修改执法全过程记录（应由迁移账号"
                    + " ZHIFA_DB_MIGRATION_USER 拥有记录表），拒绝启动 / In prod the application's database user must "
                    + "not be able to change the case record: " + problem);
        }
        if (store.isPostgres()) {
            log.warn("The application's database user can change the case record ({}); set ZHIFA_DB_MIGRATION_USER "
                    + "to a role that owns the tables (docs/case-register.md)", problem);
        }
    }

    private static String privilegeProblem(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT CASE
                    WHEN r.rolsuper THEN 'it is a superuser'
                    WHEN pg_has_role(c.relowner, 'MEMBER') THEN 'it owns case_record_entry'
                    WHEN has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE')
                        OR has_table_privilege(c.oid, 'TRUNCATE') THEN 'it may UPDATE, DELETE or TRUNCATE entries'
                    END
                FROM pg_class c CROSS JOIN pg_roles r
                WHERE c.oid = 'case_record_entry'::regclass AND r.rolname = current_user""")
                .query(String.class).list().stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealUnsignedRecords() {
        List<Long> cases = store.casesWithUnsealedEntries();
        for (long caseId : cases) {
            transaction.executeWithoutResult(tx -> record.sealUnsignedEntries(caseId));
        }
        if (!cases.isEmpty()) {
            log.info("Sealed the unsigned entries of {} case records", cases.size());
        }
    }
}

package cn.zhifa.worklist;

import cn.zhifa.system.StartupLock;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The index the Tasklist filters' ordering needs on the engine's task table: every shared filter lists by due date,
 * earliest first, and Camunda has no index on ACT_RU_TASK.DUE_DATE_, so the first page of 本单位待办 meant reading and
 * sorting every task the user may read (bench/results/2026-12-01-analysis-3.md). Not a Flyway migration: on a fresh
 * database Flyway runs before the engine creates its tables; here the engine's schema exists (created by the engine,
 * or by Camunda's scripts in production). Created once, under the start-up lock so that two nodes starting together
 * do not both build it; later starts find it in the catalogue and do nothing, without touching the table's lock. On
 * PostgreSQL the build holds a SHARE lock on ACT_RU_TASK: task writes wait for it, reads do not (about a second per
 * 100,000 tasks).
 */
@Component
@Order(90)
class WorklistIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorklistIndexes.class);
    static final String TABLE = "ACT_RU_TASK";
    static final String INDEX = "ACT_IDX_TASK_DUE_DATE";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final StartupLock startupLock;

    WorklistIndexes(DataSource dataSource, JdbcClient jdbc, StartupLock startupLock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.startupLock = startupLock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (exists()) {
            return;
        }
        startupLock.holdUntilCommit();
        if (!exists()) {
            jdbc.sql("CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + TABLE + " (DUE_DATE_)").update();
            log.info("Created the index {} on {} (DUE_DATE_)", INDEX, TABLE);
        }
    }

    boolean exists() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            boolean lower = meta.storesLowerCaseIdentifiers();
            String table = lower ? TABLE.toLowerCase(Locale.ROOT) : TABLE;
            try (ResultSet rs = meta.getIndexInfo(null, connection.getSchema(), table, false, false)) {
                while (rs.next()) {
                    if (INDEX.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the indexes of " + TABLE, e);
        }
    }
}

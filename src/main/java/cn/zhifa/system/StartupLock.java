package cn.zhifa.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cluster-wide lock of start-up seeding (db/migration/common/V221__startup_lock.sql). Seeding checks what exists
 * and creates what is missing; two nodes starting together would both find a group missing and both create it, and
 * the second start fails. Held from {@link #holdUntilCommit()} to the end of the caller's transaction, so the nodes
 * seed one after the other and the second finds everything there.
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;

    StartupLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run in a transaction: waits for any other node's seeding, then holds the lock until commit. */
    public void holdUntilCommit() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the start-up lock is held by a transaction; there is none");
        }
        jdbc.sql("SELECT name FROM startup_lock WHERE name = 'seeding' FOR UPDATE").query(String.class).single();
    }
}

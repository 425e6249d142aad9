package cn.zhifa.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The row lock that serialises writers of a row other rows refer to. PostgreSQL's FOR UPDATE also blocks the KEY
 * SHARE lock a foreign key check takes on the referred row, so a transaction holding it and waiting for another that
 * goes on to insert a referring row deadlocks with it; FOR NO KEY UPDATE serialises the writers and lets the checks
 * through. H2 knows only FOR UPDATE and takes no lock for a foreign key check.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** The locking clause to append to a SELECT of a referred row. */
    public static String referredRowLock(boolean postgres) {
        return postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product", e);
        }
    }
}

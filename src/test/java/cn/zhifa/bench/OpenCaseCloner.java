package cn.zhifa.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the database with open cases fast: a few real cases, started and moved on by the project's engine, are
 * copied row by row inside the database (INSERT ... SELECT), with every id of the copied rows made unique. The copies
 * are complete to the engine (executions, tasks, candidate groups, variables, waiting timers, history) and to the
 * project (case, parties, officers, proceeding, deadline, record), so the queries see what real open cases make them
 * see; only the case record's hash chain of a copy does not verify (the hashes name the original). Copies carry "~n"
 * at the end of every engine id and case ids from {@link #OFFSET} up, which is how {@link #removeCopies} finds them.
 */
final class OpenCaseCloner {

    static final long OFFSET = 1_000_000L;
    private static final List<String> ENGINE_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
            "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_RU_AUTHORIZATION", "ACT_GE_BYTEARRAY",
            "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
            "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_COMMENT", "ACT_HI_JOB_LOG");
    private static final List<String> LINKS = List.of("PROC_INST_ID_", "ROOT_PROC_INST_ID_", "PROCESS_INSTANCE_ID_",
            "TASK_ID_", "RESOURCE_ID_");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, List<Column>> columns = new LinkedHashMap<>();

    OpenCaseCloner(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    record Column(String name, int type) {

        boolean text() {
            return type == Types.VARCHAR || type == Types.NVARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR;
        }

        boolean integer() {
            return type == Types.BIGINT || type == Types.INTEGER;
        }

        String upper() {
            return name.toUpperCase(Locale.ROOT);
        }
    }

    /** Makes {@code copies} copies of each template case; answers the seconds it took. */
    double copy(Collection<Long> templateCases, Collection<String> templateInstances, int copies) {
        long started = System.nanoTime();
        readColumns();
        boolean h2 = h2();
        jdbc.execute("CREATE TABLE bench_seq (g INTEGER PRIMARY KEY)");
        jdbc.execute("CREATE TABLE bench_ids (id VARCHAR(255) PRIMARY KEY)");
        try {
            List<Object[]> seq = new ArrayList<>();
            for (int g = 1; g <= copies; g++) {
                seq.add(new Object[] {g});
            }
            jdbc.batchUpdate("INSERT INTO bench_seq (g) VALUES (?)", seq);
            Set<String> ids = engineIds(templateInstances);
            jdbc.batchUpdate("INSERT INTO bench_ids (id) VALUES (?)", ids.stream().map(id -> new Object[] {id}).toList());
            if (h2) {
                // H2 checks a foreign key row by row: a copied child execution may come before its parent
                jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
            }
            for (String table : projectTables()) {
                jdbc.update(projectCopy(table, templateCases, templateInstances));
            }
            for (String table : ENGINE_TABLES) {
                if (columns.containsKey(table)) {
                    jdbc.update(engineCopy(table));
                }
            }
        } finally {
            if (h2) {
                jdbc.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
            jdbc.execute("DROP TABLE bench_seq");
            jdbc.execute("DROP TABLE bench_ids");
        }
        jdbc.execute("ANALYZE");
        return (System.nanoTime() - started) / 1e9;
    }

    /** Every id of a row that belongs to the template instances: their copies get new ones. */
    private Set<String> engineIds(Collection<String> instances) {
        Set<String> base = new LinkedHashSet<>(instances);
        base.addAll(select("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + quoted(instances) + ")"));
        Set<String> ids = new LinkedHashSet<>(base);
        for (String table : ENGINE_TABLES) {
            List<Column> cols = columns.get(table);
            if (cols == null || table.equals("ACT_GE_BYTEARRAY")) {
                continue;
            }
            String where = cols.stream().map(Column::upper).filter(LINKS::contains)
                    .map(c -> c + " IN (" + quoted(base) + ")").collect(Collectors.joining(" OR "));
            if (where.isEmpty()) {
                continue;
            }
            ids.addAll(select("SELECT ID_ FROM " + table + " WHERE " + where));
            for (String reference : List.of("BYTEARRAY_ID_", "EXCEPTION_STACK_ID_", "ACT_INST_ID_",
                    "PARENT_ACT_INST_ID_")) {
                if (cols.stream().anyMatch(c -> c.upper().equals(reference))) {
                    ids.addAll(select("SELECT " + reference + " FROM " + table + " WHERE (" + where + ") AND "
                            + reference + " IS NOT NULL"));
                }
            }
        }
        return ids;
    }

    private String engineCopy(String table) {
        List<Column> cols = columns.get(table);
        Set<String> names = cols.stream().map(Column::upper).collect(Collectors.toSet());
        List<String> values = new ArrayList<>();
        for (Column c : cols) {
            String n = c.upper();
            String x = "x." + c.name();
            if (n.equals("ID_")) {
                values.add(copyId(x));
            } else if (c.text() && (n.endsWith("_ID_") || n.equals("SUPER_EXEC_") || n.equals("VAR_SCOPE_"))
                    && !n.startsWith("PROC_DEF") && !n.equals("DEPLOYMENT_ID_") && !n.equals("JOB_DEF_ID_")) {
                values.add("CASE WHEN " + x + " IN (SELECT id FROM bench_ids) THEN " + copyId(x) + " ELSE " + x + " END");
            } else if (names.contains("NAME_") && n.equals("LONG_")) {
                values.add("CASE WHEN x.NAME_ = 'caseId' THEN " + x + " + CAST(s.g AS BIGINT) * " + OFFSET + " ELSE " + x + " END");
            } else if (names.contains("NAME_") && names.contains("LONG_") && n.equals("TEXT_")) {
                values.add("CASE WHEN x.NAME_ = 'caseId' THEN CAST(x.LONG_ + CAST(s.g AS BIGINT) * " + OFFSET
                        + " AS VARCHAR(40)) ELSE " + x + " END");
            } else {
                values.add(x);
            }
        }
        return "INSERT INTO " + table + " (" + cols.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") SELECT " + String.join(", ", values) + " FROM " + table + " x, bench_seq s"
                + " WHERE x.ID_ IN (SELECT id FROM bench_ids)";
    }

    /**
     * The copy's id, as long as the original's (ids fill their columns): the last 7 characters, in the engine's ids
     * the node part of a time-based UUID and the same in all of them, become "~" and the copy's number.
     */
    private static String copyId(String column) {
        return "SUBSTRING(" + column + ", 1, CHAR_LENGTH(" + column + ") - 7) || '~' || LPAD(CAST(s.g AS VARCHAR(10)), 6, '0')";
    }

    /** The project's tables that hang on a case or a process instance, the case table first. */
    private List<String> projectTables() {
        List<String> tables = new ArrayList<>();
        tables.add("CASE_FILE");
        columns.forEach((table, cols) -> {
            Set<String> names = cols.stream().map(Column::upper).collect(Collectors.toSet());
            if (!table.startsWith("ACT_") && !table.equals("CASE_FILE")
                    && (names.contains("CASE_ID") || names.contains("PROCESS_INSTANCE_ID"))) {
                tables.add(table);
            }
        });
        return tables;
    }

    private String projectCopy(String table, Collection<Long> cases, Collection<String> instances) {
        List<Column> cols = columns.get(table);
        Set<String> names = cols.stream().map(Column::upper).collect(Collectors.toSet());
        List<String> values = new ArrayList<>();
        for (Column c : cols) {
            String n = c.upper();
            String x = "x." + c.name();
            if (c.integer() && (n.equals("ID") || n.equals("CASE_ID") || n.equals("DEADLINE_ID"))) {
                values.add(x + " + CAST(s.g AS BIGINT) * " + OFFSET);
            } else if (n.equals("NUMBER_SEQ")) {
                values.add(x + " + s.g * 100000");
            } else if (n.equals("CASE_NO") || n.equals("RUNNING_KEY")) {
                values.add(x + " || '~' || CAST(s.g AS VARCHAR(10))");
            } else if (n.equals("PROCESS_INSTANCE_ID")) {
                values.add("CASE WHEN " + x + " IN (SELECT id FROM bench_ids) THEN " + copyId(x) + " ELSE " + x + " END");
            } else {
                values.add(x);
            }
        }
        String where = table.equals("CASE_FILE") ? "x.id IN (" + joined(cases) + ")"
                : names.contains("CASE_ID") ? "x.case_id IN (" + joined(cases) + ")"
                : "x.process_instance_id IN (" + quoted(instances) + ")";
        return "INSERT INTO " + table + " (" + cols.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") SELECT " + String.join(", ", values) + " FROM " + table + " x, bench_seq s WHERE " + where;
    }

    /** Removes every copy again (the smoke run shares its database with the other tests). */
    void removeCopies() {
        readColumns();
        List<String> project = projectTables();
        for (int i = project.size() - 1; i >= 0; i--) {
            String table = project.get(i);
            Set<String> names = columns.get(table).stream().map(Column::upper).collect(Collectors.toSet());
            jdbc.update("DELETE FROM " + table + " WHERE " + (table.equals("CASE_FILE") ? "id >= " + OFFSET
                    : names.contains("CASE_ID") ? "case_id >= " + OFFSET : "process_instance_id LIKE '%~%'"));
        }
        for (String table : List.of("ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR",
                "ACT_RU_TASK", "ACT_RU_AUTHORIZATION")) {
            jdbc.update("DELETE FROM " + table + " WHERE ID_ LIKE '%~%'");
        }
        // children before parents: the execution tree references itself
        while (jdbc.update("DELETE FROM ACT_RU_EXECUTION WHERE ID_ LIKE '%~%' AND ID_ NOT IN (SELECT PARENT_ID_ FROM"
                + " ACT_RU_EXECUTION WHERE PARENT_ID_ IS NOT NULL) AND ID_ NOT IN (SELECT PROC_INST_ID_ FROM"
                + " ACT_RU_EXECUTION WHERE PROC_INST_ID_ <> ID_)") > 0) {
            // next level up
        }
        for (String table : ENGINE_TABLES) {
            if (table.startsWith("ACT_HI_") || table.equals("ACT_GE_BYTEARRAY")) {
                jdbc.update("DELETE FROM " + table + " WHERE ID_ LIKE '%~%'");
            }
        }
    }

    private boolean h2() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readColumns() {
        if (!columns.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(null, connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                    if (table.startsWith("BENCH_")) {
                        continue;
                    }
                    columns.computeIfAbsent(table, t -> new ArrayList<>())
                            .add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> select(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    private static String quoted(Collection<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    private static String joined(Collection<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}

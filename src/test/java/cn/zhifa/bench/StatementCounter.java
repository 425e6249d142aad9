package cn.zhifa.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements an engine sends, by wrapping its pooled DataSource: every execute and every batched
 * statement is one statement, every execute and executeBatch one round trip. With {@link #attribute} on, each
 * statement is also charged, with its time, to the project class that caused it (the innermost cn.zhifa frame on the
 * stack outside the benchmark), which shows where the project's extra statements come from.
 */
final class StatementCounter extends DelegatingDataSource {

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    final LongAdder statements = new LongAdder();
    final LongAdder roundTrips = new LongAdder();
    final Map<String, long[]> byCaller = new ConcurrentHashMap<>();
    /** Statements by kind (verb and first table, e.g. "INSERT ACT_HI_DETAIL"), always counted: where two sides differ. */
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private static final Map<String, String> KINDS = new ConcurrentHashMap<>();
    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:INTO|UPDATE|FROM)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    volatile boolean attribute;

    /** The harness's own look-ups (finding a task, polling for jobs) are not the workload's statements. */
    private static final ThreadLocal<Boolean> UNCOUNTED = ThreadLocal.withInitial(() -> false);

    /** Statements this thread has sent through any counter: what a listener's invocation cost. */
    static final ThreadLocal<long[]> THREAD_STATEMENTS = ThreadLocal.withInitial(() -> new long[1]);

    static <T> T uncounted(java.util.function.Supplier<T> action) {
        boolean before = UNCOUNTED.get();
        UNCOUNTED.set(true);
        try {
            return action.get();
        } finally {
            UNCOUNTED.set(before);
        }
    }

    StatementCounter(DataSource target) {
        super(target);
    }

    long statements() {
        return statements.sum();
    }

    long roundTrips() {
        return roundTrips.sum();
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws java.sql.SQLException {
        return wrap(super.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                        return wrap(statement, method.getReturnType(), sql == null ? null : kind(sql));
                    }
                    return result;
                });
    }

    private Object wrap(Statement statement, Class<?> type, String preparedKind) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (UNCOUNTED.get()) {
                return invoke(statement, method, args);
            }
            boolean execute = EXECUTE.contains(name);
            boolean batch = name.equals("executeBatch") || name.equals("executeLargeBatch");
            if (name.equals("addBatch") || execute) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                byKind.computeIfAbsent(sql != null ? kind(sql) : preparedKind == null ? "?" : preparedKind,
                        k -> new LongAdder()).increment();
            }
            if (name.equals("addBatch")) {
                statements.increment();
                THREAD_STATEMENTS.get()[0]++;
            }
            if (!execute && !batch) {
                return invoke(statement, method, args);
            }
            roundTrips.increment();
            if (execute) {
                statements.increment();
            }
            THREAD_STATEMENTS.get()[0] += execute ? 1 : 0;
            if (!attribute) {
                return invoke(statement, method, args);
            }
            long started = System.nanoTime();
            try {
                return invoke(statement, method, args);
            } finally {
                long[] slot = byCaller.computeIfAbsent(caller(), k -> new long[2]);
                synchronized (slot) {
                    slot[0]++;
                    slot[1] += System.nanoTime() - started;
                }
            }
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** How many statements of each kind this counter has seen so far (a snapshot; rounds take differences). */
    Map<String, Long> kinds() {
        Map<String, Long> copy = new java.util.HashMap<>();
        byKind.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    static String kind(String sql) {
        return KINDS.computeIfAbsent(sql, text -> {
            String trimmed = text.strip();
            String verb = trimmed.split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
            var table = TABLE.matcher(trimmed);
            return table.find() ? verb + " " + table.group(1).toUpperCase(java.util.Locale.ROOT) : verb;
        });
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("cn.zhifa.") && !f.getClassName().startsWith("cn.zhifa.bench."))
                .findFirst().map(f -> simple(f.getClassName()) + "." + f.getMethodName()).orElse("(engine)"));
    }

    static String simple(String className) {
        String s = className.substring(className.lastIndexOf('.') + 1);
        int inner = s.indexOf('$');
        return inner > 0 ? s.substring(0, inner) : s;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Snapshot and reset of the per-caller statements: caller, statements, SQL time in ns. */
    Map<String, long[]> drainByCaller() {
        Map<String, long[]> copy = new java.util.TreeMap<>(byCaller);
        byCaller.clear();
        return copy;
    }

}

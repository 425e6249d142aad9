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
                        return wrap(statement, method.getReturnType());
                    }
                    return result;
                });
    }

    private Object wrap(Statement statement, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (UNCOUNTED.get()) {
                return invoke(statement, method, args);
            }
            boolean execute = EXECUTE.contains(name);
            boolean batch = name.equals("executeBatch") || name.equals("executeLargeBatch");
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

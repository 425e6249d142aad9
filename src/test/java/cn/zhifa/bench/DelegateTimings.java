package cn.zhifa.bench;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;

/**
 * Times every listener, delegate and expression the engine invokes through its delegate interceptor, and counts the
 * statements each sends: the project's listeners, one by one. Wraps whatever interceptor the project's plugins set.
 */
final class DelegateTimings extends AbstractProcessEnginePlugin {

    volatile boolean enabled;
    private final Map<String, long[]> byTarget = new ConcurrentHashMap<>();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor next = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> {
            if (!enabled) {
                next.handleInvocation(invocation);
                return;
            }
            long statements = StatementCounter.THREAD_STATEMENTS.get()[0];
            long started = System.nanoTime();
            try {
                next.handleInvocation(invocation);
            } finally {
                long[] slot = byTarget.computeIfAbsent(nameOf(invocation), k -> new long[3]);
                synchronized (slot) {
                    slot[0]++;
                    slot[1] += System.nanoTime() - started;
                    slot[2] += StatementCounter.THREAD_STATEMENTS.get()[0] - statements;
                }
            }
        });
    }

    /** invocations, total ns, statements; reset. */
    Map<String, long[]> drain() {
        Map<String, long[]> copy = new TreeMap<>(byTarget);
        byTarget.clear();
        return copy;
    }

    /** The listener's or delegate's class (a Spring proxy's user class), or the expression's text. */
    private static String nameOf(DelegateInvocation invocation) {
        for (Class<?> type = invocation.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType().getName().startsWith("java.") || field.getName().equals("contextExecution")
                        || field.getName().equals("contextResource") || field.getName().equals("invocationResult")) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(invocation);
                    if (value instanceof Expression expression) {
                        return expression.getExpressionText();
                    }
                    if (value != null && value.getClass().getName().contains("ValueExpression")) {
                        return (String) value.getClass().getMethod("getExpressionString").invoke(value);
                    }
                    if (value != null && !(value instanceof org.camunda.bpm.engine.delegate.VariableScope)) {
                        return StatementCounter.simple(org.springframework.util.ClassUtils.getUserClass(value).getName());
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: try the next field
                }
            }
        }
        return StatementCounter.simple(invocation.getClass().getName());
    }
}

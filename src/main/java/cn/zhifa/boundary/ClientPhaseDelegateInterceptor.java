package cn.zhifa.boundary;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.delegate.ExpressionGetInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;

/**
 * The engine invokes a delegate, listener or expression: from here on, what is written is the engine's. A literal
 * (an expression without {@code ${}}, such as the message name of an event subprocess's start event, which the engine
 * resolves when it creates the instance, before the start variables are set) runs no code and writes nothing: the
 * client's phase goes on through it, so the start variables of such a process are still the client's.
 */
class ClientPhaseDelegateInterceptor implements DelegateInterceptor {

    /**
     * ExpressionGetInvocation keeps its expression to itself. Without the field every literal would end the client's
     * phase, and the start variables of a process with an event subprocess would pass for the engine's: after a
     * Camunda upgrade that renames it the engine must not start rather than guard less.
     */
    private static final Field VALUE_EXPRESSION = valueExpressionField();

    private final DelegateInterceptor next;
    private final ClientWriteCheck writes;

    ClientPhaseDelegateInterceptor(DelegateInterceptor next, ClientWriteCheck writes) {
        this.next = next;
        this.writes = writes;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        ClientPhase phase = ClientPhase.current();
        if (phase != null && !isLiteral(invocation)) {
            phase.stopCollecting();
            writes.refuseViolation(phase, invocation.getContextExecution());
        }
        next.handleInvocation(invocation);
    }

    static boolean isLiteral(DelegateInvocation invocation) {
        if (!(invocation instanceof ExpressionGetInvocation)) {
            return false;
        }
        try {
            return VALUE_EXPRESSION.get(invocation) instanceof ValueExpression expression && expression.isLiteralText();
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Field valueExpressionField() {
        try {
            Field field = ExpressionGetInvocation.class.getDeclaredField("valueExpression");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Camunda's ExpressionGetInvocation.valueExpression is gone: the client-write "
                    + "guard cannot tell literals from code (boundary.ClientPhaseDelegateInterceptor)", e);
        }
    }
}

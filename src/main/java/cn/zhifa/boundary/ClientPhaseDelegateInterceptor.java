package cn.zhifa.boundary;

import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;

/** The engine invokes a delegate, listener or expression: from here on, what is written is the engine's. */
class ClientPhaseDelegateInterceptor implements DelegateInterceptor {

    private final DelegateInterceptor next;
    private final ClientWriteCheck writes;

    ClientPhaseDelegateInterceptor(DelegateInterceptor next, ClientWriteCheck writes) {
        this.next = next;
        this.writes = writes;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        ClientPhase phase = ClientPhase.current();
        if (phase != null) {
            phase.stopCollecting();
            writes.refuseViolation(phase, invocation.getContextExecution());
        }
        next.handleInvocation(invocation);
    }
}

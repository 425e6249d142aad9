package cn.zhifa.boundary;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Installs the boundary in the engine: the client phase around every logged-in command, the write guard among the
 * history handlers, the delegate interceptor that ends the client phase, the parse listener that adds the
 * proceeding and task-rights listeners to every process, and TASK_WORK instead of UPDATE as what a task's candidate
 * and assignee are granted (claim and complete, but not change the due date, reassign, or set variables).
 */
@Component
class BoundaryPlugin extends AbstractProcessEnginePlugin {

    private final ClientWriteGuard guard;
    private final ClientWriteCheck writes;
    private final BoundaryRefusals refusals;
    private final ProcessRules rules;
    private final ProceedingListener proceedings;
    private final TaskRightsListener taskRights;
    private final TaskContextListener taskContext;

    BoundaryPlugin(ClientWriteGuard guard, ClientWriteCheck writes, BoundaryRefusals refusals, ProcessRules rules,
            ProceedingListener proceedings, TaskRightsListener taskRights, TaskContextListener taskContext) {
        this.guard = guard;
        this.writes = writes;
        this.refusals = refusals;
        this.rules = rules;
        this.proceedings = proceedings;
        this.taskRights = taskRights;
        this.taskContext = taskContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // an interceptor is a link of one chain: each command executor gets its own
        configuration.setCustomPostCommandInterceptorsTxRequired(with(
                configuration.getCustomPostCommandInterceptorsTxRequired(), clientPhase()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPostCommandInterceptorsTxRequiresNew(), clientPhase()));
        configuration.setCustomHistoryEventHandlers(with(configuration.getCustomHistoryEventHandlers(), guard));
        configuration.setDelegateInterceptor(new ClientPhaseDelegateInterceptor(
                configuration.getDelegateInterceptor() != null ? configuration.getDelegateInterceptor()
                        : new DefaultDelegateInterceptor(), writes));
        configuration.setCustomPostBPMNParseListeners(with(configuration.getCustomPostBPMNParseListeners(),
                new BoundaryParseListener(rules, proceedings, taskRights, taskContext)));
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    }

    private CommandInterceptor clientPhase() {
        return new ClientCommandInterceptor(writes, refusals);
    }

    private static <T> List<T> with(List<T> list, T element) {
        List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}

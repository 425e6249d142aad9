package cn.zhifa.boundary;

import cn.zhifa.identity.Roles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.http.HttpStatus;

/**
 * Opens the client's phase for every command a logged-in person runs (REST, Tasklist, Cockpit) and closes it when
 * the command ends, refusing then what nobody checked. Also refuses the task actions a person never needs: throwing a
 * BPMN error or escalation from a user task would leave a task by a path no form and no listener sees.
 */
class ClientCommandInterceptor extends CommandInterceptor {

    private final ClientWriteCheck writes;
    private final BoundaryRefusals refusals;

    ClientCommandInterceptor(ClientWriteCheck writes, BoundaryRefusals refusals) {
        this.writes = writes;
        this.refusals = refusals;
    }

    @Override
    public <T> T execute(Command<T> command) {
        ClientPhase phase = ClientPhase.current();
        if (phase != null) {
            phase.enter();
            try {
                return next.execute(command);
            } finally {
                phase.leave();
            }
        }
        CommandContext context = Context.getCommandContext();
        String userId = context == null ? null : context.getAuthenticatedUserId();
        if (userId == null) {
            return next.execute(command);
        }
        List<String> groups = context.getAuthenticatedGroupIds();
        boolean admin = groups != null && groups.contains(Roles.ADMIN);
        if (!admin && (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd)) {
            throw refusals.refuse(null, userId, HttpStatus.FORBIDDEN, "TASK_ACTION_FORBIDDEN",
                    "任务只能认领、办理（提交表单）或添加意见，不能以其他方式结束", Map.of());
        }
        phase = ClientPhase.begin(userId, admin, command);
        try {
            T result = next.execute(command);
            writes.refuseUncheckedWrites(phase);
            return result;
        } finally {
            ClientPhase.end();
        }
    }
}

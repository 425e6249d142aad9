package cn.zhifa.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;

/** A round through the engine's Java services as the authenticated user: the calls Tasklist's REST calls end in. */
final class EngineSide implements Side {

    private final String name;
    private final ProcessEngine engine;
    private final StatementCounter statements;
    private final LongSupplier register;
    private final BiFunction<Long, String, String> attach;
    private final Map<String, List<String>> groups;
    private final boolean bare;

    EngineSide(String name, ProcessEngine engine, StatementCounter statements, LongSupplier register,
            BiFunction<Long, String, String> attach, Map<String, List<String>> fixedGroups) {
        this.name = name;
        this.engine = engine;
        this.statements = statements;
        this.register = register;
        this.attach = attach;
        this.bare = fixedGroups != null;
        this.groups = fixedGroups != null ? fixedGroups : new ConcurrentHashMap<>();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean bare() {
        return bare;
    }

    @Override
    public ProcessEngine engine() {
        return engine;
    }

    @Override
    public StatementCounter statements() {
        return statements;
    }

    @Override
    public long registerCase() {
        return register.getAsLong();
    }

    @Override
    public String attach(long caseId, String description) {
        return attach.apply(caseId, description);
    }

    @Override
    public String start(String user, String processKey, Map<String, Object> variables) {
        return as(user, () -> engine.getRuntimeService().startProcessInstanceByKey(processKey, variables).getId());
    }

    @Override
    public void claim(String user, String taskId) {
        as(user, () -> {
            engine.getTaskService().claim(taskId, user);
            return null;
        });
    }

    @Override
    public void complete(String user, String taskId, Map<String, Object> variables) {
        as(user, () -> {
            engine.getTaskService().complete(taskId, variables);
            return null;
        });
    }

    /** The groups Tasklist's authentication carries: those the identity service knows for the user. */
    List<String> groupsOf(String user) {
        return groups.computeIfAbsent(user, u -> engine.getIdentityService().createGroupQuery().groupMember(u).list()
                .stream().map(Group::getId).toList());
    }

    <T> T as(String user, java.util.function.Supplier<T> action) {
        var identity = engine.getIdentityService();
        identity.setAuthentication(user, groupsOf(user));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}

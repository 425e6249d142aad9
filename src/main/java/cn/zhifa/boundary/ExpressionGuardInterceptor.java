package cn.zhifa.boundary;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of every command: an ad-hoc query (a query runs as its own command) carries no expression, and the
 * engine's refusal of a Java-serialized variable (ENGINE-17007, {@code javaSerializationFormatEnabled=false}) reaches
 * the user as a Chinese 403 instead of a wrapped 500.
 */
class ExpressionGuardInterceptor extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ExpressionGuardInterceptor.class);
    /** CoreLogger's numbered message "Cannot set variable with name {}. Java serialization format is prohibited". */
    private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

    private final ExpressionAllowList allowList;
    private final Supplier<Authentication> currentAuthentication;

    ExpressionGuardInterceptor(ExpressionAllowList allowList, Supplier<Authentication> currentAuthentication) {
        this.allowList = allowList;
        this.currentAuthentication = currentAuthentication;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            allowList.checkAdhoc(query);
        }
        boolean outermost = Context.getCommandContext() == null;
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            if (outermost && refusesJavaSerialization(e)) {
                Authentication user = currentAuthentication.get();
                log.warn("Refused a Java-serialized variable by {}: {}", user == null ? null : user.getUserId(),
                        ExpressionForbiddenException.JAVA_SERIALIZATION_FORBIDDEN);
                throw new ExpressionForbiddenException(ExpressionForbiddenException.JAVA_SERIALIZATION_FORBIDDEN,
                        "不接受 Java 序列化格式（application/x-java-serialized-object）的变量：请以字符串、数字、日期或 JSON 提交");
            }
            throw e;
        }
    }

    private static boolean refusesJavaSerialization(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
                return true;
            }
        }
        return false;
    }
}

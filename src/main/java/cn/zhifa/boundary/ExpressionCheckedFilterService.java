package cn.zhifa.boundary;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;

/**
 * The engine's filter service (REST, Tasklist and Java callers all use it) with the {@link ExpressionAllowList}: a
 * filter is saved only with allow-listed expressions, whoever saves it; it runs only if its stored query still is
 * (a filter stored before this rule); a query extending it carries no expression.
 */
class ExpressionCheckedFilterService extends FilterServiceImpl {

    private final ExpressionAllowList allowList;

    ExpressionCheckedFilterService(ExpressionAllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    public Filter saveFilter(Filter filter) {
        allowList.checkStored(filter.getQuery());
        return super.saveFilter(filter);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> list(String filterId) {
        return (List<T>) checked(filterId, null, new ExecuteFilterListCmd(filterId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
        return (List<T>) checked(filterId, extendingQuery, new ExecuteFilterListCmd(filterId, extendingQuery));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> listPage(String filterId, int firstResult, int maxResults) {
        return (List<T>) checked(filterId, null, new ExecuteFilterListPageCmd(filterId, firstResult, maxResults));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult,
            int maxResults) {
        return (List<T>) checked(filterId, extendingQuery,
                new ExecuteFilterListPageCmd(filterId, extendingQuery, firstResult, maxResults));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T singleResult(String filterId) {
        return (T) checked(filterId, null, new ExecuteFilterSingleResultCmd(filterId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, Q extends Query<?, T>> T singleResult(String filterId, Q extendingQuery) {
        return (T) checked(filterId, extendingQuery, new ExecuteFilterSingleResultCmd(filterId, extendingQuery));
    }

    @Override
    public Long count(String filterId) {
        return checked(filterId, null, new ExecuteFilterCountCmd(filterId));
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
        return checked(filterId, extendingQuery, new ExecuteFilterCountCmd(filterId, extendingQuery));
    }

    /**
     * One command: the filter is read once (the execution finds it in the command's entity cache). A refusal leaves
     * the command as a result and is thrown outside it, so that the engine does not log it as a failure.
     */
    private <T> T checked(String filterId, Query<?, ?> extendingQuery, Command<T> execution) {
        if (extendingQuery != null) {
            allowList.checkAdhoc(extendingQuery);
        }
        FilterRun<T> run = commandExecutor.execute(commandContext -> {
            FilterEntity stored = commandContext.getFilterManager().findFilterById(filterId);
            Optional<String> refused = stored == null ? Optional.empty()
                    : allowList.disallowedInStored(stored.getQuery());
            return refused.isPresent() ? new FilterRun<T>(null, refused.get())
                    : new FilterRun<>(execution.execute(commandContext), null);
        });
        if (run.refusedField() != null) {
            throw allowList.refusedInStored(run.refusedField());
        }
        return run.result();
    }

    private record FilterRun<T>(T result, String refusedField) {
    }
}

package cn.zhifa.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which expressions a query may carry. A stored filter may use exactly the functions the shared Tasklist filters need
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code dateTime()} with day arithmetic); an
 * ad-hoc query, or one that extends a filter, may use none. Anything else would be evaluated by JUEL with every
 * Spring bean and every Java class in reach ({@code ''.getClass().forName(...)}).
 */
final class ExpressionAllowList {

    private static final Logger log = LoggerFactory.getLogger(ExpressionAllowList.class);
    private static final Pattern STORED_FILTER_EXPRESSION = Pattern.compile("\\$\\{\\s*(currentUser\\(\\)"
            + "|currentUserGroups\\(\\)|now\\(\\)|dateTime\\(\\)("
            + "\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes)\\(\\d{1,4}\\)"
            + "|\\.withTimeAtStartOfDay\\(\\))*)\\s*}");
    static final String ALLOWED = "${currentUser()}、${currentUserGroups()}、${now()}、${dateTime()}（可加减天、周、月等）";

    private final Supplier<Authentication> currentAuthentication;

    ExpressionAllowList(Supplier<Authentication> currentAuthentication) {
        this.currentAuthentication = currentAuthentication;
    }

    /** A filter's stored query: only the allow-listed functions. */
    void checkStored(Query<?, ?> query) {
        Optional<String> field = disallowedInStored(query);
        if (field.isPresent()) {
            throw refusedInStored(field.get());
        }
    }

    /** The first field of a stored query whose expression is not allow-listed. */
    Optional<String> disallowedInStored(Query<?, ?> query) {
        return expressionsOf(query).stream()
                .filter(entry -> !STORED_FILTER_EXPRESSION.matcher(entry.getValue()).matches())
                .map(Map.Entry::getKey).findFirst();
    }

    ExpressionForbiddenException refusedInStored(String field) {
        return refused(field, "筛选器条件 " + field + " 中的表达式不被接受：筛选器只能使用 " + ALLOWED);
    }

    /** An ad-hoc query, or one that extends a stored filter: no expression at all. */
    void checkAdhoc(Query<?, ?> query) {
        Optional<String> field = expressionsOf(query).stream().map(Map.Entry::getKey).findFirst();
        if (field.isPresent()) {
            throw refused(field.get(), "查询条件 " + field.get() + " 中不接受表达式：请直接填写要查询的值");
        }
    }

    private ExpressionForbiddenException refused(String field, String message) {
        Authentication user = currentAuthentication.get();
        log.warn("Refused an expression in query field {} by {}: {}", field, user == null ? null : user.getUserId(),
                ExpressionForbiddenException.EXPRESSION_FORBIDDEN);
        return new ExpressionForbiddenException(ExpressionForbiddenException.EXPRESSION_FORBIDDEN, message);
    }

    /**
     * Field and expression, over a task query's or-branches too (Camunda's own validators look at the first only);
     * a list, as two branches may use the same field.
     */
    private static List<Map.Entry<String, String>> expressionsOf(Query<?, ?> query) {
        List<Map.Entry<String, String>> expressions = new ArrayList<>();
        if (query instanceof TaskQueryImpl taskQuery) {
            taskQuery.getQueries().forEach(branch -> expressions.addAll(branch.getExpressions().entrySet()));
        } else if (query instanceof AbstractQuery<?, ?> abstractQuery) {
            expressions.addAll(abstractQuery.getExpressions().entrySet());
        }
        return expressions;
    }
}

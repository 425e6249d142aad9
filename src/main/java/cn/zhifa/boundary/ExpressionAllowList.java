package cn.zhifa.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
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
        expressionsOf(query).forEach((field, expression) -> {
            if (!STORED_FILTER_EXPRESSION.matcher(expression).matches()) {
                throw refused(field, "筛选器条件 " + field + " 中的表达式不被接受：筛选器只能使用 " + ALLOWED);
            }
        });
    }

    /** An ad-hoc query, or one that extends a stored filter: no expression at all. */
    void checkAdhoc(Query<?, ?> query) {
        expressionsOf(query).keySet().stream().findFirst().ifPresent(field -> {
            throw refused(field, "查询条件 " + field + " 中不接受表达式：请直接填写要查询的值");
        });
    }

    private ExpressionForbiddenException refused(String field, String message) {
        Authentication user = currentAuthentication.get();
        log.warn("Refused an expression in query field {} by {}: {}", field, user == null ? null : user.getUserId(),
                ExpressionForbiddenException.EXPRESSION_FORBIDDEN);
        return new ExpressionForbiddenException(ExpressionForbiddenException.EXPRESSION_FORBIDDEN, message);
    }

    /** Field to expression, over a task query's or-branches too (Camunda's own validators look at the first only). */
    private static Map<String, String> expressionsOf(Query<?, ?> query) {
        Map<String, String> expressions = new LinkedHashMap<>();
        if (query instanceof TaskQueryImpl taskQuery) {
            taskQuery.getQueries().forEach(branch -> expressions.putAll(branch.getExpressions()));
        } else if (query instanceof AbstractQuery<?, ?> abstractQuery) {
            expressions.putAll(abstractQuery.getExpressions());
        }
        return expressions;
    }
}

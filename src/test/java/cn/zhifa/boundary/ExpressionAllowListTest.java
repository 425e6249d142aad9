package cn.zhifa.boundary;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which expressions a stored filter may carry: the shared Tasklist filters' functions, nothing that reaches Java. */
class ExpressionAllowListTest {

    private final ExpressionAllowList allowList = new ExpressionAllowList(() -> null);

    @ParameterizedTest
    @ValueSource(strings = {"${currentUser()}", "${currentUserGroups()}", "${ now() }", "${dateTime()}",
            "${dateTime().plusDays(2)}", "${dateTime().minusWeeks(1).withTimeAtStartOfDay()}"})
    void aStoredFilterMayUseTheTasklistFunctions(String expression) {
        assertThatCode(() -> allowList.checkStored(assignee(expression))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
            "${jdbcTemplate.update('DELETE FROM case_file')}",
            "${identityService.createMembership('huangtao', 'camunda-admin')}",
            "${currentUser().getClass()}", "${dateTime().plusDays(2).getClass()}", "#{currentUser()}",
            "${currentUser()}${jdbcTemplate}", "${currentUser}", "${execution.processEngineServices}"})
    void aStoredFilterMayUseNothingElse(String expression) {
        assertThatThrownBy(() -> allowList.checkStored(assignee(expression)))
                .isInstanceOf(ExpressionForbiddenException.class).hasMessageContaining("筛选器只能使用")
                .extracting(e -> ((ExpressionForbiddenException) e).code()).isEqualTo("EXPRESSION_FORBIDDEN");
    }

    @Test
    void anOrBranchIsCheckedToo() {
        TaskQuery query = new TaskQueryImpl().taskAssigneeExpression("${currentUser()}").or()
                .taskCandidateGroupExpression("${jdbcTemplate}").endOr();

        assertThatThrownBy(() -> allowList.checkStored(query)).isInstanceOf(ExpressionForbiddenException.class);
    }

    @Test
    void anAllowedExpressionInOneBranchDoesNotHideTheSameFieldInAnother() {
        TaskQuery query = new TaskQueryImpl().taskAssigneeExpression("${jdbcTemplate}").or()
                .taskAssigneeExpression("${currentUser()}").endOr();

        assertThatThrownBy(() -> allowList.checkStored(query)).isInstanceOf(ExpressionForbiddenException.class);
    }

    @Test
    void anAdhocQueryMayCarryNoExpressionAtAll() {
        assertThatThrownBy(() -> allowList.checkAdhoc(assignee("${currentUser()}")))
                .isInstanceOf(ExpressionForbiddenException.class).hasMessageContaining("不接受表达式");
        assertThatCode(() -> allowList.checkAdhoc(new TaskQueryImpl().taskAssignee("zhangwei")))
                .doesNotThrowAnyException();
    }

    private static TaskQuery assignee(String expression) {
        return new TaskQueryImpl().taskAssigneeExpression(expression);
    }
}

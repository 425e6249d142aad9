package cn.zhifa.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.delegate.ExpressionGetInvocation;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.junit.jupiter.api.Test;

/**
 * Pins the engine detail the client-write guard reads by reflection: a literal (the message name of an event
 * subprocess) is no code, an expression is. After a Camunda upgrade that hides the expression this fails first.
 */
class ClientPhaseDelegateInterceptorTest {

    @Test
    void aLiteralIsNoCodeAndAnExpressionIs() {
        ExpressionFactoryImpl factory = new ExpressionFactoryImpl();
        SimpleContext context = new SimpleContext();
        var literal = new ExpressionGetInvocation(factory.createValueExpression(context, "Message_CorrectionRequested",
                Object.class), context, null);
        var code = new ExpressionGetInvocation(factory.createValueExpression(context, "${1 + 1}", Object.class),
                context, null);

        assertThat(ClientPhaseDelegateInterceptor.isLiteral(literal)).isTrue();
        assertThat(ClientPhaseDelegateInterceptor.isLiteral(code)).isFalse();
    }
}

package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import cn.zhifa.penalty.rules.DiscretionBand;
import cn.zhifa.penalty.rules.Penalty;
import cn.zhifa.penalty.rules.PenaltyKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A {@link Penalty} from what the report, the notice or the head's decision holds: the heaviest kind chosen, a fine
 * when an amount is given, a confiscation when a value is given.
 */
final class Penalties {

    static final Set<String> KINDS = Arrays.stream(PenaltyKind.values()).map(Enum::name).collect(Collectors.toSet());
    static final Set<String> BANDS = Arrays.stream(DiscretionBand.values()).map(Enum::name)
            .collect(Collectors.toSet());

    private Penalties() {
    }

    static Penalty proposed(VariableScope scope) {
        return of(scope, PENALTY_KIND, FINE_AMOUNT, CONFISCATION_AMOUNT);
    }

    static Penalty notified(VariableScope scope) {
        return of(scope, NOTIFIED_PENALTY_KIND, NOTIFIED_FINE_AMOUNT, NOTIFIED_CONFISCATION_AMOUNT);
    }

    private static Penalty of(VariableScope scope, String kindVariable, String fineVariable, String confiscationVariable) {
        Set<PenaltyKind> kinds = EnumSet.noneOf(PenaltyKind.class);
        String kind = FormValues.text(scope, kindVariable);
        if (kind != null) {
            kinds.add(PenaltyKind.valueOf(kind));
        }
        long fine = fen(FormValues.amount(scope, fineVariable));
        long confiscation = fen(FormValues.amount(scope, confiscationVariable));
        if (fine > 0) {
            kinds.add(PenaltyKind.FINE);
        }
        if (confiscation > 0) {
            kinds.add(PenaltyKind.CONFISCATION);
        }
        return new Penalty(kinds, fine, confiscation);
    }

    private static long fen(Double yuan) {
        return yuan == null ? 0 : BigDecimal.valueOf(yuan).movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}

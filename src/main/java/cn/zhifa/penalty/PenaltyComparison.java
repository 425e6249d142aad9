package cn.zhifa.penalty;

import static cn.zhifa.penalty.PenaltyCaseVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Whether the penalty the head decides is heavier than the one notified to the party (行政处罚法 第四十五条). */
@Component
class PenaltyComparison {

    private static final List<String> ORDER = List.copyOf(PenaltyKinds.NAMES.keySet());

    /** Why the decided penalty is heavier, or null when it is not. */
    String heavierThanNotified(VariableScope scope) {
        String kind = FormValues.text(scope, PENALTY_KIND);
        String notifiedKind = FormValues.text(scope, NOTIFIED_PENALTY_KIND);
        if (kind != null && notifiedKind != null && ORDER.indexOf(kind) > ORDER.indexOf(notifiedKind)) {
            return "处罚种类由" + PenaltyKinds.NAMES.get(notifiedKind) + "加重为" + PenaltyKinds.NAMES.get(kind);
        }
        String more = more(scope, FINE_AMOUNT, NOTIFIED_FINE_AMOUNT, "罚款");
        return more != null ? more : more(scope, CONFISCATION_AMOUNT, NOTIFIED_CONFISCATION_AMOUNT, "没收金额");
    }

    private static String more(VariableScope scope, String decided, String notified, String label) {
        Double now = FormValues.amount(scope, decided);
        Double before = FormValues.amount(scope, notified);
        if (now != null && now > (before == null ? 0 : before)) {
            return label + "由" + (before == null ? "0" : plain(before)) + "元增加为" + plain(now) + "元";
        }
        return null;
    }

    private static String plain(double amount) {
        return amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount);
    }
}

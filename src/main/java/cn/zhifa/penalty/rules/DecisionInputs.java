package cn.zhifa.penalty.rules;

import cn.zhifa.casefile.PartyKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables the decision tables {@code hearing-right}, {@code legal-review-required} and
 * {@code collective-discussion-required} read, from a proposed penalty and the facts the investigation report
 * states; {@code reviewAll} comes from the agency's {@link PenaltyRuleSet}. Every input is set (a table never sees a
 * missing one); a process that evaluates the tables sets these variables in the engine, never from a client, since each
 * of them can spare a case a review. Amounts are in yuan.
 */
public record DecisionInputs(PartyKind partyKind, Penalty proposed, boolean hearingHeld, boolean complex,
        boolean majorPublicInterest, boolean severeViolation, boolean extensionBeyondFirst, boolean reviewAll) {

    public Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("partyKind", partyKind.name());
        variables.put("penaltyKind", proposed.heaviestKind().map(Enum::name).orElse(null));
        // a double, a type the engine stores as it is; amounts in fen stay exact enough that no threshold in yuan errs
        variables.put("fineAmount", proposed.fineYuan().doubleValue());
        variables.put("confiscationAmount", proposed.confiscationYuan().doubleValue());
        variables.put("hearingHeld", hearingHeld);
        variables.put("complex", complex);
        variables.put("majorPublicInterest", majorPublicInterest);
        variables.put("severeViolation", severeViolation);
        variables.put("extensionBeyondFirst", extensionBeyondFirst);
        variables.put("reviewAll", reviewAll);
        return variables;
    }
}

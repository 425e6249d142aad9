package cn.zhifa.penalty.rules;

/**
 * What an agency sets for the decision tables beyond their own entries: {@code reviewAll}, every penalty decision
 * under the general procedure is legally reviewed (the table {@code legal-review-required} reads it as
 * {@code reviewAll}). The amounts that make a fine 较大数额 are entries of the tables, changed in the Modeler.
 */
public record PenaltyRuleSet(String agencyId, boolean reviewAll) {

    /** An agency that set nothing: legal review as the table lists it (第五十八条 and the catalogue's entries). */
    public static PenaltyRuleSet defaults(String agencyId) {
        return new PenaltyRuleSet(agencyId, false);
    }
}

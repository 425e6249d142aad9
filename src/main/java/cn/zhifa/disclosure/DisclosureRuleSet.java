package cn.zhifa.disclosure;

/**
 * What an agency's own disclosure rules say beyond the catalogue: {@code fullText}, the redacted full text of the
 * decision document is published with the record (seeds: Hebei, 一般程序的行政处罚决定书全文公示);
 * {@code lowFineLimitFen}, the 较低数额罚款 of 市场监督管理行政处罚信息公示规定 第十三条第二款 (null: none set, so no fine
 * is low); {@code legalBasis}, the rule that says so.
 */
record DisclosureRuleSet(String agencyId, boolean fullText, Long lowFineLimitFen, String legalBasis) {

    static DisclosureRuleSet defaults(String agencyId) {
        return new DisclosureRuleSet(agencyId, false, null, null);
    }
}

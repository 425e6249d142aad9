package cn.zhifa.disclosure;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a record stays public (市场监督管理行政处罚信息公示规定 第十三条): a penalty that is only 通报批评 or a fine
 * not above the agency's 较低数额 ({@link DisclosureRuleSet#lowFineLimitFen()}) gets the short term of the catalogue
 * ({@value #SHORT}), every other decision the standard one ({@value #STANDARD}). Read from the 处罚内容 as reviewed,
 * the text the public sees: any other kind of penalty named there (警告、没收、吊销、责令停产停业……) means the
 * standard term.
 */
record PublicationTerm(String entry, String reason) {

    static final String SHORT = "DISCLOSURE_TERM_SHORT";
    static final String STANDARD = "DISCLOSURE_TERM";

    private static final Pattern FINE = Pattern.compile("罚款(?:人民币)?\\s*([0-9][0-9,，]*(?:\\.[0-9]{1,2})?)\\s*(万)?元");
    private static final Pattern CONNECTIVES = Pattern.compile("[\\s，,、；;。和及并处]+");

    static PublicationTerm of(DecisionKind kind, String penalty, DisclosureRuleSet rules) {
        if (kind != DecisionKind.PENALTY || penalty == null || penalty.isBlank()) {
            return new PublicationTerm(STANDARD, kind == DecisionKind.PENALTY ? "未载明处罚内容" : kind.chineseName());
        }
        Matcher fines = FINE.matcher(penalty);
        boolean fined = false;
        while (fines.find()) {
            fined = true;
            BigDecimal yuan = new BigDecimal(fines.group(1).replace(",", "").replace("，", ""));
            if (fines.group(2) != null) {
                yuan = yuan.multiply(BigDecimal.valueOf(10_000));
            }
            if (rules.lowFineLimitFen() == null) {
                return new PublicationTerm(STANDARD, "本机关未规定较低数额罚款");
            }
            if (yuan.movePointRight(2).compareTo(BigDecimal.valueOf(rules.lowFineLimitFen())) > 0) {
                return new PublicationTerm(STANDARD, "罚款" + yuan.stripTrailingZeros().toPlainString()
                        + "元，高于本机关规定的较低数额" + limitText(rules) + "元");
            }
        }
        boolean criticised = penalty.contains("通报批评");
        String rest = CONNECTIVES.matcher(FINE.matcher(penalty).replaceAll("").replace("通报批评", "")).replaceAll("");
        if (!rest.isEmpty() || !(fined || criticised)) {
            return new PublicationTerm(STANDARD, "处罚内容不限于通报批评或者较低数额罚款");
        }
        return new PublicationTerm(SHORT, criticised && !fined ? "仅受到通报批评"
                : "仅受到" + (criticised ? "通报批评和" : "") + "较低数额罚款（本机关规定" + limitText(rules) + "元以下）");
    }

    private static String limitText(DisclosureRuleSet rules) {
        return BigDecimal.valueOf(rules.lowFineLimitFen(), 2).stripTrailingZeros().toPlainString();
    }
}

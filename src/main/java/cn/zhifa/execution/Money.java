package cn.zhifa.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are kept in fen (long); people read and type yuan with at most two decimals. */
final class Money {

    private Money() {
    }

    /** "1234.5" → 123450; null when the text is no amount in yuan with at most two decimals, or not positive. */
    static Long parseYuan(Object text) {
        if (text == null || text.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal yuan = new BigDecimal(text.toString().trim().replace(",", "").replace("，", ""));
            if (yuan.scale() > 2 || yuan.signum() < 0 || yuan.compareTo(new BigDecimal("1000000000000")) > 0) {
                return null;
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString() + "元";
    }
}

package cn.zhifa.penalty.rules;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts in fen as a Chinese reader sees them: 12,000.50元. */
public final class Yuan {

    private Yuan() {
    }

    public static String format(long fen) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(fen, 2)) + "元";
    }
}

package cn.zhifa.system;

import java.util.Optional;

/**
 * What text the system stores: well-formed UTF-16 (no lone surrogate, which no encoder can write and which made a
 * case record unreadable), no NUL (PostgreSQL text cannot hold it) and no other control character, except tab and line
 * breaks where free text allows them. One rule for the request guard, {@link WellFormedText} and the case record.
 */
public final class TextRules {

    private static final char REPLACEMENT = '\uFFFD';

    private TextRules() {
    }

    /** The first problem of {@code text} in Chinese, or empty when it may be stored. */
    public static Optional<String> problemOf(CharSequence text, boolean lineBreaks) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("第" + (i + 1) + "个字符是不成对的代理字符（无效的 Unicode 文本）");
            } else if (isLineBreakOrTab(c)) {
                if (!lineBreaks) {
                    return Optional.of("第" + (i + 1) + "个字符是换行符或制表符，此处不能换行");
                }
            } else if (Character.isISOControl(c)) {
                return Optional.of(String.format("第%d个字符是控制字符 U+%04X，不能保存", i + 1, (int) c));
            }
        }
        return Optional.empty();
    }

    /** {@code text} with every lone surrogate and control character (tab and line breaks kept) replaced by U+FFFD. */
    public static String clean(String text) {
        if (text == null || problemOf(text, true).isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) && !isLineBreakOrTab(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\n' || c == '\r' || c == '\t';
    }
}

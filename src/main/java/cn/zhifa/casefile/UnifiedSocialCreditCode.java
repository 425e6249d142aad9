package cn.zhifa.casefile;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) of a legal person or other
 * organisation. Characters come from 0–9 and the capitals without I, O, Z, S, V; the last one is a check character
 * computed modulo 31 with the weights of the standard.
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Whether the code has 18 allowed characters and the right check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        String upper = code.toUpperCase();
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(upper.charAt(i)) < 0) {
                return false;
            }
        }
        return upper.charAt(17) == checkCharacter(upper.substring(0, 17));
    }

    /** The check character of the first 17 characters (which must come from the code's alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character at " + i);
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}

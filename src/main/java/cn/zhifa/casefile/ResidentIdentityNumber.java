package cn.zhifa.casefile;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-digit citizen identity number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit date of birth,
 * 3-digit sequence and a check character computed with ISO 7064 MOD 11-2 (0–9 or X).
 */
public final class ResidentIdentityNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

    private ResidentIdentityNumber() {
    }

    /** Whether the number has 18 characters, a real date of birth and the right check character. */
    public static boolean isValid(String number) {
        if (number == null || number.length() != 18) {
            return false;
        }
        String upper = number.toUpperCase();
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(upper.charAt(i)) || upper.charAt(i) > '9') {
                return false;
            }
        }
        return hasValidBirthDate(upper) && upper.charAt(17) == checkCharacter(upper.substring(0, 17));
    }

    /** The check character (ISO 7064 MOD 11-2) of the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static boolean hasValidBirthDate(String number) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            return birth.getYear() >= 1800 && !birth.isAfter(LocalDate.of(2199, 12, 31));
        } catch (DateTimeException e) {
            return false;
        }
    }
}

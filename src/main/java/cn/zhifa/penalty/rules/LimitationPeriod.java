package cn.zhifa.penalty.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The limitation period of 行政处罚法 第三十六条: an act not discovered within two years is no longer penalised; five
 * years when it concerns the life, health or safety of citizens or financial safety and had harmful consequences.
 * The period runs from the day of the act, or from the day a continuing or repeated act ended (连续或者继续状态).
 * <p>
 * Counting: the day of the act is not counted (R1) and a period in years ends on the same date of the last year, on
 * the month's last day when that date does not exist (民法典 第二百零二条, applied by analogy: law.md §1.3). The last
 * day is not moved off a holiday: discovery is the agency's finding, not a party's act due on a working day, and not
 * moving it is the reading that favours the party (docs/penalty-rules.md; to be confirmed with the agency). A special
 * law that sets another period (法律另有规定的除外) is not covered.
 */
public final class LimitationPeriod {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The answer for the head: the period's last day, whether the act is beyond it, and why, in Chinese. */
    public record Assessment(LocalDate lastDay, int years, boolean beyondLimitation, String reason) {
    }

    private LimitationPeriod() {
    }

    /**
     * @param actDate the day of the act, or of its beginning when it continued
     * @param actEnded the day a continuing or repeated act ended, or null if it did not continue
     * @param lifeHealthOrFinancialSafetyHarmed the act concerns citizens' life, health or safety or financial safety
     *        and had harmful consequences
     * @param discoveryDate the day the agency discovered the act
     */
    public static Assessment assess(LocalDate actDate, LocalDate actEnded, boolean lifeHealthOrFinancialSafetyHarmed,
            LocalDate discoveryDate) {
        if (actEnded != null && actEnded.isBefore(actDate)) {
            throw new IllegalArgumentException("the act ended on " + actEnded + ", before it began on " + actDate);
        }
        if (discoveryDate.isBefore(actDate)) {
            throw new IllegalArgumentException("discovered on " + discoveryDate + ", before the act on " + actDate);
        }
        LocalDate start = actEnded == null ? actDate : actEnded;
        int years = lifeHealthOrFinancialSafetyHarmed ? 5 : 2;
        LocalDate lastDay = start.plusYears(years);
        boolean beyond = discoveryDate.isAfter(lastDay);
        String from = actEnded == null ? "违法行为发生于" + CHINESE_DATE.format(actDate)
                : "违法行为有连续或者继续状态，自行为终了之日" + CHINESE_DATE.format(actEnded) + "起计算";
        String period = lifeHealthOrFinancialSafetyHarmed
                ? "涉及公民生命健康安全、金融安全且有危害后果，追责期限五年"
                : "追责期限二年";
        String outcome = beyond
                ? "于" + CHINESE_DATE.format(discoveryDate) + "发现，已超过追责期限，不再给予行政处罚，不予立案"
                : "于" + CHINESE_DATE.format(discoveryDate) + "发现，在追责期限内";
        String reason = from + "，" + period + "（行政处罚法第三十六条），至" + CHINESE_DATE.format(lastDay) + "届满；"
                + outcome + "。";
        return new Assessment(lastDay, years, beyond, reason);
    }
}

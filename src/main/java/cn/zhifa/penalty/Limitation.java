package cn.zhifa.penalty;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * 行政处罚法 第三十六条 as the filing decision reads it: whether the act was discovered within the limitation period,
 * and a sentence saying how it was counted.
 */
@Component
class Limitation {

    record Result(boolean within, LocalDate endsOn, String explanation) {
    }

    Result check(LocalDate actDate, LocalDate continuingUntil, boolean harmful, LocalDate discoveredOn) {
        LocalDate from = continuingUntil != null ? continuingUntil : actDate;
        int years = harmful ? 5 : 2;
        LocalDate endsOn = from.plusYears(years);
        boolean within = !discoveredOn.isAfter(endsOn);
        String start = continuingUntil != null ? "违法行为终了之日 " + from : "违法行为发生之日 " + from;
        String basis = harmful ? "涉及公民生命健康安全、金融安全且有危害后果，期限为五年" : "期限为二年";
        String verdict = within ? "发现于 " + discoveredOn + "，在追责期限内"
                : "发现于 " + discoveredOn + "，已超过追责期限，不再给予行政处罚，不能立案";
        return new Result(within, endsOn, "自" + start + "起算，" + basis + "，至 " + endsOn + "；" + verdict
                + "（《行政处罚法》第三十六条）");
    }
}

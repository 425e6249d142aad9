package cn.zhifa.onthespot;

import java.util.Map;
import java.util.Set;

/**
 * The periods of the procedure with a reminder and a supervision when they run out: which task each watches, what the
 * catalogue calls it. The reminder's and the supervision's activity ids name the watched task.
 */
enum OnTheSpotPeriods {

    HAND_IN("FINE_HAND_IN", "Task_HandInCollectedFine", "上交当场收缴的罚款"),
    DEPOSIT("FINE_DEPOSIT", "Task_DepositCollectedFine", "将当场收缴的罚款缴付指定银行"),
    FILING("SIMPLE_PROCEDURE_FILING", "Task_FileOnTheSpotDecision", "备案并移交案卷材料");

    private static final Map<String, OnTheSpotPeriods> BY_ACTIVITY = Map.of(
            "Task_RemindHandIn", HAND_IN, "Task_SuperviseHandIn", HAND_IN,
            "Task_RemindDeposit", DEPOSIT, "Task_SuperviseDeposit", DEPOSIT,
            "Task_RemindFiling", FILING, "Task_SuperviseFiling", FILING);

    /** The head's supervisions, the user tasks among them. */
    static final Set<String> SUPERVISIONS = Set.of("Task_SuperviseHandIn", "Task_SuperviseDeposit",
            "Task_SuperviseFiling");

    final String entry;
    final String watchedTask;
    final String matter;

    OnTheSpotPeriods(String entry, String watchedTask, String matter) {
        this.entry = entry;
        this.watchedTask = watchedTask;
        this.matter = matter;
    }

    static OnTheSpotPeriods ofActivity(String activityId) {
        OnTheSpotPeriods period = BY_ACTIVITY.get(activityId);
        if (period == null) {
            throw new IllegalStateException("no on-the-spot period watched by " + activityId);
        }
        return period;
    }
}

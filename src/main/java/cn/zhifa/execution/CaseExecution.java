package cn.zhifa.execution;

import cn.zhifa.system.ZhifaException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money a served decision obliges the party to pay, and what became of it. Amounts in fen. The process
 * {@code case-execution} opens it; payments, deferrals and remedies change it; {@link #state} says where it stands.
 */
@Service
public class CaseExecution {

    private static final Map<String, String> STATUS_NAMES = Map.of(ExecutionState.OPEN, "执行中",
            ExecutionState.CARRIED_OUT, "已履行", ExecutionState.ENDED, "执行终结");

    private final ExecutionStore store;

    CaseExecution(ExecutionStore store) {
        this.store = store;
    }

    /** Whether the execution of the case has been opened (by the process, or for a case decided before the system). */
    @Transactional(readOnly = true)
    public boolean isOpened(long caseId) {
        return store.obligation(caseId).isPresent();
    }

    @Transactional(readOnly = true)
    public Optional<ExecutionState> state(long caseId, LocalDate asOf) {
        return store.obligation(caseId).map(obligation -> state(obligation, asOf));
    }

    /**
     * The money of one case in a period (amounts in fen): the fine and the confiscated amount of its decision if the
     * decision was served in the period, and what the party paid at the bank in the period (fine, confiscation and
     * surcharge alike, as the receipts show).
     */
    public record PeriodFigures(long caseId, long fineFen, long confiscationFen, long paidFen) {
    }

    /** For the yearly statistics: every case with a decision served or a payment received in [from, to). */
    @Transactional(readOnly = true)
    public List<PeriodFigures> figuresBetween(LocalDate from, LocalDate toExclusive) {
        return store.figuresBetween(from, toExclusive);
    }

    /** Whether an agency may enforce on its own (行政强制法 第四十六条); without a setting it may not. */
    @Transactional(readOnly = true)
    public boolean ownEnforcementPower(String agencyId) {
        return store.ownEnforcementPower(agencyId).orElse(false);
    }

    @Transactional
    public void setOwnEnforcementPower(String agencyId, boolean power, String actor) {
        store.ownEnforcementPower(agencyId, power, actor);
    }

    /** The obligation of a decision served on {@code servedOn}, due (principal and confiscation) on {@code dueOn}. */
    @Transactional
    void open(long caseId, long fineFen, long confiscationFen, LocalDate servedOn, LocalDate dueOn) {
        if (store.obligation(caseId).isPresent()) {
            throw new ZhifaException(HttpStatus.CONFLICT, "EXECUTION_ALREADY_OPENED", "本案的执行已登记，不能重复登记");
        }
        long total = fineFen + confiscationFen;
        store.insertObligation(caseId, fineFen, confiscationFen, servedOn,
                total == 0 ? ExecutionState.CARRIED_OUT : ExecutionState.OPEN);
        if (total > 0) {
            store.replaceSchedule(caseId, List.of(new Instalment(dueOn, total)));
        }
    }

    @Transactional
    ExecutionState recordPayment(long caseId, Payment payment) {
        store.insertPayment(caseId, payment);
        return settle(caseId, payment.paidOn());
    }

    boolean receiptRecorded(long caseId, String receiptNo) {
        return store.receiptRecorded(caseId, receiptNo);
    }

    @Transactional
    void reschedule(long caseId, List<Instalment> schedule) {
        store.replaceSchedule(caseId, schedule);
    }

    /** The fine as a reconsideration decision or judgment changed it; the schedule follows the new total. */
    @Transactional
    ExecutionState changeFine(long caseId, long fineFen, LocalDate decidedOn) {
        ExecutionStore.Obligation obligation = store.obligation(caseId).orElseThrow();
        long oldTotal = obligation.fineFen() + obligation.confiscationFen();
        long newTotal = fineFen + obligation.confiscationFen();
        store.fine(caseId, fineFen);
        List<Instalment> schedule = store.schedule(caseId);
        if (!schedule.isEmpty() && oldTotal != newTotal) {
            // the last instalment absorbs the difference; a reduction below what earlier instalments ask
            // collapses them into one due on the first date
            long earlier = schedule.stream().limit(schedule.size() - 1).mapToLong(Instalment::amountFen).sum();
            Instalment last = schedule.get(schedule.size() - 1);
            List<Instalment> changed = newTotal - earlier > 0
                    ? Stream.concat(schedule.stream().limit(schedule.size() - 1),
                            Stream.of(new Instalment(last.dueOn(), newTotal - earlier))).toList()
                    : newTotal > 0 ? List.of(new Instalment(schedule.get(0).dueOn(), newTotal)) : List.of();
            store.replaceSchedule(caseId, changed);
        }
        return settle(caseId, decidedOn);
    }

    @Transactional
    void end(long caseId) {
        store.status(caseId, ExecutionState.ENDED);
    }

    /** Carried out by compulsory enforcement (the agency's own or the court's): nothing is owed any more. */
    @Transactional
    void enforced(long caseId) {
        store.status(caseId, ExecutionState.CARRIED_OUT);
    }

    private ExecutionState settle(long caseId, LocalDate day) {
        ExecutionState state = state(store.obligation(caseId).orElseThrow(), day);
        if (ExecutionState.OPEN.equals(state.status()) && state.outstandingFen() == 0) {
            store.status(caseId, ExecutionState.CARRIED_OUT);
            return state(store.obligation(caseId).orElseThrow(), day);
        }
        return state;
    }

    private ExecutionState state(ExecutionStore.Obligation obligation, LocalDate asOf) {
        List<Instalment> schedule = store.schedule(obligation.caseId());
        List<Payment> payments = store.payments(obligation.caseId());
        List<Remedy> remedies = store.remedies(obligation.caseId());
        Surcharge.Result surcharge = Surcharge.compute(obligation.fineFen(), schedule, payments, remedies, asOf);
        long paid = payments.stream().mapToLong(Payment::amountFen).sum();
        long owed = obligation.fineFen() + obligation.confiscationFen() + surcharge.surchargeFen();
        long outstanding = ExecutionState.OPEN.equals(obligation.status()) ? Math.max(0, owed - paid) : 0;
        LocalDate nextDue = null;
        long cumulative = 0;
        for (Instalment instalment : schedule) {
            cumulative += instalment.amountFen();
            if (cumulative > paid) {
                nextDue = instalment.dueOn();
                break;
            }
        }
        boolean suspended = remedies.stream().anyMatch(remedy -> remedy.suspends(asOf));
        StringBuilder summary = new StringBuilder();
        summary.append("罚款").append(Money.yuan(obligation.fineFen()));
        if (obligation.fineFen() != obligation.originalFineFen()) {
            summary.append("（原决定").append(Money.yuan(obligation.originalFineFen())).append("）");
        }
        if (obligation.confiscationFen() > 0) {
            summary.append("，没收违法所得").append(Money.yuan(obligation.confiscationFen()));
        }
        if (surcharge.days() > 0) {
            summary.append("，加处罚款").append(Money.yuan(surcharge.surchargeFen())).append("（计").append(surcharge.days())
                    .append("日").append(surcharge.capped() ? "，已达罚款数额" : "").append("）");
        }
        summary.append("；已缴").append(Money.yuan(paid)).append("，尚欠").append(Money.yuan(outstanding));
        if (nextDue != null && outstanding > 0) {
            summary.append("；缴纳期限").append(nextDue);
        }
        if (suspended) {
            summary.append("；复议或诉讼期间，加处罚款不予计算");
        }
        return new ExecutionState(obligation.caseId(), obligation.status(), STATUS_NAMES.get(obligation.status()),
                asOf, obligation.servedOn(), obligation.originalFineFen(), obligation.fineFen(),
                obligation.confiscationFen(), surcharge.surchargeFen(), surcharge.days(), surcharge.capped(),
                surcharge.cappedOn(), suspended, paid, outstanding, outstanding > 0 ? nextDue : null, schedule,
                payments, remedies, summary.toString());
    }
}

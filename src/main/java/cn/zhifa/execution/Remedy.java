package cn.zhifa.execution;

import java.time.LocalDate;

/** A reconsideration or suit: pending while {@code decidedOn} is null; the surcharge does not run in between. */
public record Remedy(long id, RemedyKind kind, LocalDate filedOn, LocalDate decidedOn, RemedyOutcome outcome,
        Long changedFineFen, String documentNo) {

    /** Whether {@code day} lies in the remedy's period, filing and decision day included (party-favourable). */
    boolean suspends(LocalDate day) {
        return !day.isBefore(filedOn) && (decidedOn == null || !day.isAfter(decidedOn));
    }
}

package cn.zhifa.execution;

import java.time.LocalDate;

/** An amount due on a day: the decision's single due date, or one of the instalments a head approved. */
public record Instalment(LocalDate dueOn, long amountFen) {
}

package cn.zhifa.execution;

import java.time.LocalDate;

/** A payment at the designated bank, identified by the bank's receipt number. */
public record Payment(String receiptNo, long amountFen, LocalDate paidOn, String recordedBy) {
}

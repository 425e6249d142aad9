/**
 * Execution, closing and archiving of a served decision (执行、结案与归档), the process {@code case-execution}: the
 * fine and confiscated amounts are due 15 days after the party received the decision and paid at the designated
 * bank (罚缴分离, 行政处罚法 第六十七条), recorded by the bank's receipt; a head may defer or split the payment
 * (第六十六条); late payment accrues the surcharge (加处罚款, 第七十二条第一项) except while a reconsideration or suit is
 * pending (第七十三条第三款); unpaid, the 催告书 is served and the agency enforces or applies to the court (行政强制法
 * 第四十六条、第五十三条、第五十四条); a reconsideration decision or judgment arrives as the message {@code RemedyDecided};
 * the case is closed by a head's approval and archived (立卷归档, read-only afterwards; the case file exported as a ZIP; certified copies for outsiders on a head's approval). The public API: {@link cn.zhifa.execution.CaseExecution} (the state shown
 * on the case), {@link cn.zhifa.execution.Remedies} (remedies filed and decided) and the events
 * {@link cn.zhifa.execution.DecisionRevoked} and {@link cn.zhifa.execution.DecisionChanged}.
 */
package cn.zhifa.execution;

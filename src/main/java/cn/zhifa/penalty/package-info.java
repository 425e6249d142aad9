/**
 * The general procedure of administrative penalty (行政处罚一般程序), the process {@code penalty-case}: from the clue an
 * officer registers (which opens the case in the register, {@link cn.zhifa.boundary.CaseOpener}) through filing,
 * investigation, notice and defence, hearing, legal review and collective discussion to the head's decision and its
 * service, after which the case is handed on to execution. The task listeners of this package enforce 行政处罚法
 * 第三十六条、第四十二条至第四十五条、第五十六条至第六十一条; docs/penalty-case.md describes them.
 */
package cn.zhifa.penalty;

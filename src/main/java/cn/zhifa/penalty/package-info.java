/**
 * The general procedure of administrative penalty (行政处罚一般程序), the process {@code penalty-case}: from the clue an
 * officer registers (which opens the case in the register, {@link cn.zhifa.boundary.CaseOpener}) through filing,
 * investigation, notice and defence, hearing, legal review and collective discussion to the head's decision and its
 * service, after which the case is handed on to execution. The task listeners of this package enforce 行政处罚法
 * 第三十六条、第四十二条至第四十五条、第五十六条至第六十一条; docs/penalty-case.md describes them.
 * <p>
 * Its rules, which the process and the on-the-spot procedure share, are the named interface
 * {@code cn.zhifa.penalty.rules}: the kinds of penalty of 行政处罚法 第九条 in their order of severity, the discretion
 * bands, the comparison of 第四十五条 (no heavier penalty after the party's defence), the limitation period of
 * 第三十六条 and each agency's rule set for the decision tables of {@code processes/}.
 */
package cn.zhifa.penalty;

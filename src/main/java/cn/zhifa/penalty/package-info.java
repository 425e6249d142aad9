/**
 * The general procedure of administrative penalty (行政处罚一般程序). Its rules, which the process and the on-the-spot
 * procedure share, are the named interface {@code cn.zhifa.penalty.rules}: the kinds of penalty of 行政处罚法 第九条 in
 * their order of severity, the discretion bands, the comparison of 第四十五条 (no heavier penalty after the party's
 * defence), the limitation period of 第三十六条 and each agency's rule set for the decision tables of {@code processes/}.
 */
package cn.zhifa.penalty;

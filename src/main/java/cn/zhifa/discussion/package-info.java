/**
 * Collective discussion by the agency's heads (负责人集体讨论, 行政处罚法 第五十七条第二款; for an organisation
 * authorised by law the leadership meeting, 领导班子会议), the process {@code collective-discussion}: the matter (a
 * proposed penalty, or the further extension of the decision period under SAMR 第六十四条) is put to a meeting that
 * the principal head, or the head he designates, presides; only the heads of the case's agency are members (seed 002
 * forbids a case committee or review group in their place), the quorum is the agency's, each head present gives his
 * own opinion, the conclusion follows the agency's rule, and the minutes go into the case file. The caller branches
 * on {@link cn.zhifa.discussion.DiscussionResult}; each agency's rule is {@link cn.zhifa.discussion.DiscussionRules}.
 */
package cn.zhifa.discussion;

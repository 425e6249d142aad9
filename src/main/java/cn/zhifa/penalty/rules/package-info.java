/**
 * The rules of the general procedure as plain Java, shared by the module's process and by other modules (the
 * on-the-spot procedure): {@link cn.zhifa.penalty.rules.PenaltyKind} (行政处罚法 第九条, ordered by severity),
 * {@link cn.zhifa.penalty.rules.DiscretionBand} (裁量基准), {@link cn.zhifa.penalty.rules.Penalty} with the comparison of
 * 第四十五条, {@link cn.zhifa.penalty.rules.LimitationPeriod} (第三十六条), and each agency's
 * {@link cn.zhifa.penalty.rules.PenaltyRuleSet} that feeds the decision tables {@code hearing-right},
 * {@code legal-review-required} and {@code collective-discussion-required} ({@link cn.zhifa.penalty.rules.DecisionInputs}).
 * docs/penalty-rules.md writes them down.
 */
@NamedInterface("rules")
package cn.zhifa.penalty.rules;

import org.springframework.modulith.NamedInterface;

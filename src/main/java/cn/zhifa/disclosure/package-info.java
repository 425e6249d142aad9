/**
 * Disclosure of enforcement decisions (行政执法公示, 事后公开; 行政处罚法 第四十八条, seed 003 §二, the SAMR rules on
 * the disclosure of penalty information), the process {@code disclosure}: a draft made from the case register and
 * the decision document with the personal data of individuals redacted, exemptions withheld (with a head's
 * approval) or redacted, internal review before anything is published, the catalogue's publication and withdrawal
 * periods with reminder and escalation, withdrawal after a remedy with a public notice, a corrected record for a
 * changed decision, correction requests from anyone, and the public side ({@code /api/public/disclosures},
 * {@code /gongshi/}). Other features use {@link cn.zhifa.disclosure.Disclosures}.
 */
package cn.zhifa.disclosure;

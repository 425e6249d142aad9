/**
 * Supervision (执法监督) for supervisors and agency heads, read-only: open cases by stage and unit, near-due and overdue
 * deadlines, extensions granted, legal-review outcomes and how disagreements were settled, hearings and collective
 * discussions, late audio-video uploads, and the yearly statistics (行政执法统计年报) as JSON, XLSX and CSV. A
 * supervisor sees every agency, a head his own. Who may call /api/supervision is decided by the security rules
 * (identity.SecurityConfiguration), not here. The Cockpit dashboard plugin shows it (cockpit/scripts/zhifa-cockpit.js).
 */
package cn.zhifa.supervision;

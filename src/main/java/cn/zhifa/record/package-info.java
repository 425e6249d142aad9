/**
 * The case record (执法全过程记录, seeds-catalogue §5; 行政处罚法 第四十七条): every task completion, form submission,
 * decision, document, upload, extension and refusal of a case appends an entry with who, when, what and the SHA-256
 * of its data, signed (HMAC-SHA256 with a key from the environment) and chained to the entry before. Nothing updates
 * or deletes an entry: on PostgreSQL a trigger refuses it and the application's database role may only insert; every
 * commit leaves a signed checkpoint outside the database, so a rewound or truncated chain shows; and
 * {@link cn.zhifa.record.CaseRecord#verify(long)} names the first entry that fails (docs/case-register.md).
 *
 * <p>The public API is {@link cn.zhifa.record.CaseRecord}, {@link cn.zhifa.record.RecordEntry} and
 * {@link cn.zhifa.record.VerificationResult}. Task completions of every process whose business key is a case id and
 * the case register's facts are appended automatically, in the transaction that produced them.
 */
package cn.zhifa.record;

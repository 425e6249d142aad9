/**
 * Enforcement documents (执法文书) and attachments (证据材料、音像记录), seeds-catalogue §5.2, §5.3 and §7.4.
 *
 * <p>{@link cn.zhifa.documents.DocumentService} renders the documents of {@link cn.zhifa.documents.DocumentType} as
 * .docx from poi-tl templates (bundled under {@code documents/templates/}, replaceable by an administrator through
 * {@code zhifa.documents.template-dir}), stores every version with its SHA-256 and never overwrites one.
 * {@link cn.zhifa.documents.CaseAttachments} streams uploads into the content store (files addressed by SHA-256 under
 * {@code zhifa.documents.storage-dir}); audio-video records carry 案件编号、采集时间、采集地点、采集人、证明对象 and are
 * flagged late when they arrive more than 24 hours after capture. Both append to the case record.
 */
package cn.zhifa.documents;

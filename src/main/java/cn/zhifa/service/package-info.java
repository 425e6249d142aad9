/**
 * Service of documents (送达), the process {@code document-service}: every method the law knows (民事诉讼法 第八十七条至
 * 第九十五条 through 行政处罚法 第六十一条; 市场监督管理行政处罚程序规定 第八十一条至第八十三条), each with its evidence and
 * its date of service; a failed attempt recorded and the next method chosen; the agency's own period for a decision
 * (DECISION_SERVICE) with a reminder and an escalation; announcement only after a failure or with the whereabouts
 * unknown, served when the catalogue's announcement period has run, with the caller's named clock standing still
 * meanwhile. The caller receives {@code serviceDate} and {@code serviceMethod}
 * ({@link cn.zhifa.service.ServiceVariables}); {@link cn.zhifa.service.ServedDocuments} lists what a case had served.
 */
package cn.zhifa.service;

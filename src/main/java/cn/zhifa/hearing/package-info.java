/**
 * Hearing (听证, 行政处罚法 第六十三条至第六十五条; 市场监督管理行政处罚听证办法), the process {@code hearing}: the party's
 * request within the period of the catalogue's {@code HEARING_REQUEST}, the agency's decision to hold it (or the
 * 不予听证通知书), a host and clerk who did not handle the case, the 听证通知书 served through {@code document-service}
 * at least the catalogue's {@code HEARING_NOTICE} working days before the hearing, recusal, one postponement by
 * default, the hearing with its attendance, the transcript and the host's report. The caller branches on
 * {@link cn.zhifa.hearing.HearingResult}; its named clock stands still from the request to the end.
 */
package cn.zhifa.hearing;

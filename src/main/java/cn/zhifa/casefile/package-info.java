/**
 * The case register (案件登记): cases, their parties (当事人, checked by the check digits of the 公民身份号码 and the
 * 统一社会信用代码), the officers on each case (at least two with valid enforcement certificates, 行政处罚法 第四十二条),
 * the case's stage and its number (案件编号, per agency and year, gap-free).
 *
 * <p>The public API is {@link cn.zhifa.casefile.CaseRegister} with its records and enums, and the facts it publishes
 * ({@link cn.zhifa.casefile.CaseRegistered}, {@link cn.zhifa.casefile.CaseNumbered},
 * {@link cn.zhifa.casefile.CaseStageChanged} …) inside the transaction that changes the case, so that the case record
 * can append them atomically. The case id is the Camunda business key of every process of the case.
 */
package cn.zhifa.casefile;

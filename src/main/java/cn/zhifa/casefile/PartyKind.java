package cn.zhifa.casefile;

/** A party (当事人) is a natural person or an organisation (legal person or other organisation). */
public enum PartyKind {
    /** Identified by the 18-digit 公民身份号码 (GB 11643-1999). */
    INDIVIDUAL,
    /** Identified by the 18-character 统一社会信用代码 (GB 32100-2015). */
    ORGANISATION
}

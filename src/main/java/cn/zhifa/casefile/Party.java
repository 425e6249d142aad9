package cn.zhifa.casefile;

/** A party (当事人) of a case as registered. */
public record Party(long id, PartyKind kind, String name, String idNumber, String address,
        String legalRepresentative, String phone) {
}

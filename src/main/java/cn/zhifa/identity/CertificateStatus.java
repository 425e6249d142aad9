package cn.zhifa.identity;

/**
 * The status of an enforcement certificate or a legal qualification. Only a valid one lets its holder act: a
 * suspended (暂扣) or revoked (注销/吊销) certificate is refused even while its dates still run. A legal qualification
 * is valid or revoked, never suspended.
 */
public enum CertificateStatus {

    VALID("有效"),
    SUSPENDED("暂扣"),
    REVOKED("注销");

    private final String label;

    CertificateStatus(String label) {
        this.label = label;
    }

    /** The Chinese word an administrator reads and writes. */
    public String label() {
        return label;
    }
}

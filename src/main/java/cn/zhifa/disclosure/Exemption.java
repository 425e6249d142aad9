package cn.zhifa.disclosure;

/**
 * Why a decision is not published as it stands (seed 003: 涉及未成年人的，涉及国家秘密、商业秘密、个人隐私的，或者信息公开后
 * 可能妨害正常执法活动的，不予公开；依法确需公开的，应作适当处理后公开). Each is withheld, or published after redaction,
 * with the reason and the legal basis recorded.
 */
enum Exemption {
    NONE("无"),
    STATE_SECRET("涉及国家秘密"),
    TRADE_SECRET("涉及商业秘密"),
    PRIVACY("涉及个人隐私"),
    MINOR("涉及未成年人"),
    HARM_TO_ENFORCEMENT("公开后可能妨害正常执法活动");

    /** How an exempt decision is handled. */
    enum Handling {
        WITHHOLD("不予公开"),
        REDACT("适当处理后公开");

        private final String chineseName;

        Handling(String chineseName) {
            this.chineseName = chineseName;
        }

        String chineseName() {
            return chineseName;
        }
    }

    private final String chineseName;

    Exemption(String chineseName) {
        this.chineseName = chineseName;
    }

    String chineseName() {
        return chineseName;
    }
}

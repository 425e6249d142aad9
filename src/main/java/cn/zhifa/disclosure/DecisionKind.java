package cn.zhifa.disclosure;

/** What kind of decision is disclosed: it chooses the publication period of the deadline catalogue. */
public enum DecisionKind {
    PENALTY("行政处罚", "DISCLOSURE_PENALTY_LICENSING"),
    LICENSING("行政许可", "DISCLOSURE_PENALTY_LICENSING"),
    OTHER("其他行政执法决定", "DISCLOSURE_OTHER");

    private final String chineseName;
    private final String deadlineEntry;

    DecisionKind(String chineseName, String deadlineEntry) {
        this.chineseName = chineseName;
        this.deadlineEntry = deadlineEntry;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The catalogue entry of the publication period (7 working days for penalties and licences, 20 for others). */
    public String deadlineEntry() {
        return deadlineEntry;
    }

    static DecisionKind parse(Object value) {
        for (DecisionKind kind : values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return null;
    }
}

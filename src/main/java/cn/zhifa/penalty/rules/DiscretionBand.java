package cn.zhifa.penalty.rules;

/**
 * The band of the agency's discretion benchmark (行政裁量基准, seeds-catalogue §7.3) that the investigation report
 * applies, with the article that allows it; the report gives the reason, the decision cites it.
 */
public enum DiscretionBand {
    /** 第三十三条: 违法行为轻微并及时改正、没有造成危害后果的, 初次违法且危害后果轻微并及时改正的, 可以不予行政处罚. */
    NO_PENALTY("不予处罚", "行政处罚法第三十三条"),
    /** Below the lowest penalty the rule provides, or a lighter kind (第三十二条). */
    MITIGATED("减轻处罚", "行政处罚法第三十二条"),
    /** The lighter end of the range the rule provides (第三十二条). */
    LENIENT("从轻处罚", "行政处罚法第三十二条"),
    /** Within the range, neither lighter nor heavier circumstances. */
    STANDARD("一般处罚", "本机关行政裁量基准"),
    /** The heavier end of the range, within it (e.g. 第四十九条 emergencies; the benchmark's aggravating grounds). */
    AGGRAVATED("从重处罚", "本机关行政裁量基准");

    private final String chineseName;
    private final String basis;

    DiscretionBand(String chineseName, String basis) {
        this.chineseName = chineseName;
        this.basis = basis;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Where the band comes from, as a decision cites it. */
    public String basis() {
        return basis;
    }
}

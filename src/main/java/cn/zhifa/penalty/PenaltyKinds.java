package cn.zhifa.penalty;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kinds of penalty of 行政处罚法 第九条 as the forms and the decision tables name them, mildest first. */
final class PenaltyKinds {

    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("WARNING", "警告");
        NAMES.put("NOTICE_OF_CRITICISM", "通报批评");
        NAMES.put("FINE", "罚款");
        NAMES.put("CONFISCATION", "没收违法所得、没收非法财物");
        NAMES.put("LICENCE_SUSPENSION", "暂扣许可证件");
        NAMES.put("QUALIFICATION_DOWNGRADE", "降低资质等级");
        NAMES.put("LICENCE_REVOCATION", "吊销许可证件");
        NAMES.put("PRODUCTION_SUSPENSION", "限制开展生产经营活动、责令停产停业");
        NAMES.put("CLOSURE", "责令关闭");
        NAMES.put("EMPLOYMENT_RESTRICTION", "限制从业");
        NAMES.put("DETENTION", "行政拘留");
        NAMES.put("OTHER", "其他行政处罚");
    }

    private PenaltyKinds() {
    }
}

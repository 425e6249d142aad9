package cn.zhifa.discussion;

/**
 * How many of an agency's heads must take part for a meeting to decide: more than (过半数: 1/2) or at least
 * (三分之二以上: 2/3, inclusive, as 以上 includes the number itself) a share of all its heads.
 */
record Quorum(int numerator, int denominator, boolean inclusive) {

    /** The fewest heads present that make the quorum, never fewer than one. */
    int required(int heads) {
        long share = (long) numerator * heads;
        long needed = inclusive ? (share + denominator - 1) / denominator : share / denominator + 1;
        return (int) Math.max(1, needed);
    }

    boolean met(int present, int heads) {
        return present >= required(heads);
    }

    /** The rule as a person reads it: 过半数, 超过2/3, 不少于2/3. */
    String describe() {
        if (!inclusive && numerator * 2 == denominator) {
            return "过半数";
        }
        return (inclusive ? "不少于" : "超过") + numerator + "/" + denominator;
    }
}

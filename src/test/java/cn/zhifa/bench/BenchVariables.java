package cn.zhifa.bench;

/** Variables the bare models read where the project's models call its deadline catalogue. */
final class BenchVariables {

    static final String DUE_AT = "benchDueAt";
    static final String REMIND_AT = "benchRemindAt";

    private BenchVariables() {
    }
}

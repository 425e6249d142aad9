package cn.zhifa.review;

/**
 * The seven review points of the written opinion (seed 003 L108). Each is a form field, OK or PROBLEM, and the opinion
 * prints the answer with the words the form shows for it (point 7 reads 不涉嫌犯罪, not 符合规定).
 */
public enum ReviewPoint {

    SUBJECT("pointSubject", "执法主体是否合法、执法人员是否具备执法资格"),
    AUTHORITY("pointAuthority", "是否超越本机关法定权限"),
    FACTS("pointFacts", "案件事实是否清楚，证据是否合法充分"),
    LAW("pointLaw", "适用法律是否准确，裁量基准运用是否适当"),
    PROCEDURE("pointProcedure", "执法程序是否合法"),
    DOCUMENTS("pointDocuments", "执法文书是否完备、规范"),
    CRIME("pointCrime", "是否涉嫌犯罪、需要移送司法机关", "不涉嫌犯罪", "涉嫌犯罪，需移送司法机关");

    private final String variable;
    private final String question;
    private final String okAnswer;
    private final String problemAnswer;

    ReviewPoint(String variable, String question) {
        this(variable, question, "符合规定", "存在问题");
    }

    ReviewPoint(String variable, String question, String okAnswer, String problemAnswer) {
        this.variable = variable;
        this.question = question;
        this.okAnswer = okAnswer;
        this.problemAnswer = problemAnswer;
    }

    public String variable() {
        return variable;
    }

    public String commentVariable() {
        return variable + "Comment";
    }

    public String question() {
        return question;
    }

    /** The answer as the form labels it: {@code OK} or {@code PROBLEM}. */
    public String answer(Object verdict) {
        return "PROBLEM".equals(verdict) ? problemAnswer : okAnswer;
    }
}

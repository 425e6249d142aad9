package cn.zhifa.casefile;

/** A case moved to another stage, published inside the transaction that moved it. */
public record CaseStageChanged(long caseId, CaseStage from, CaseStage to, String actor) {
}

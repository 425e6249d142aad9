/**
 * The simple (on-the-spot) procedure, the process {@code simple-penalty} (当场行政处罚, 行政处罚法 第五十一条至第五十三条,
 * 第六十八条至第七十一条; 市场监督管理行政处罚程序规定 第六十六条至第七十三条): the officer, registered on the case with a
 * valid certificate that he shows, states facts and basis, tells the party of the right to state and defend and
 * records what the party says; the limits of the procedure are the decision table {@code simple-procedure-eligible},
 * and outside them the officer hands the case over to the general procedure, which adopts it as its clue with what
 * was recorded (boundary.CaseHandOvers). The numbered
 * 当场行政处罚决定书 is handed over on the spot (its service); the fine is paid at the bank within the catalogue's
 * PAYMENT period or collected on the spot where 第六十八条 allows, handed in (FINE_HAND_IN) and paid into the bank
 * (FINE_DEPOSIT); the decision is filed and its materials handed in (SIMPLE_PROCEDURE_FILING), then the case closes
 * and is archived. Each of these three periods reminds its holder at the catalogue's reminder and, run out, puts the
 * matter before the agency's head for supervision. The public API: {@link cn.zhifa.onthespot.OnTheSpotFigures} (the
 * fines decided and paid, for the yearly statistics). docs/simple-penalty.md writes it down.
 */
package cn.zhifa.onthespot;


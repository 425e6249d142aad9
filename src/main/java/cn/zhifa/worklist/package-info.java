/**
 * The officer's, reviewer's and head's working list in Tasklist: the shared filters (我的待办, 本单位待办, 今日到期,
 * 即将到期, 已逾期) seeded per role, and the read-only API the Tasklist plugins call: what each task's card shows (case,
 * party, due day, working days left), the proceedings one started (我发起的) and the tasks one completed (已办), and a
 * case's deadlines with working days left and state for the 案卷 tab. Nothing here changes the engine's state.
 */
package cn.zhifa.worklist;

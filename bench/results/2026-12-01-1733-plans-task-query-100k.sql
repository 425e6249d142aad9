-- old_page.sql
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
WHERE ( 1 = 1 ) and ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal') ) ) or RES.ASSIGNEE_ = 'zhaomin' )
 and ( EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhaomin','*') OR A.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ = RES.ID_)
 OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhaomin','*') OR A.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ IN (D.KEY_, '*')) )
order by RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- new_page_o.sql
select RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
WHERE ( 1 = 1 ) and ( 1 = 1 and ( EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal') ) )) ) or RES.ASSIGNEE_ = 'zhaomin' )
 and ( EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhaomin','*') OR A.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ = RES.ID_ OFFSET 0)
 OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhaomin','*') OR A.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ IN (D.KEY_, '*') OFFSET 0) )
order by RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- new_count.sql
select count(*)
from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
WHERE ( 1 = 1 ) and ( 1 = 1 and ( EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal') ) )) ) or RES.ASSIGNEE_ = 'zhaomin' )
 and ( EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhaomin','*') OR A.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ = RES.ID_)
 OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhaomin','*') OR A.GROUP_ID_ IN ('agency-amr','legal-reviewer','unit-legal'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ IN (D.KEY_, '*')) )
;

-- off_new_page_o.sql
select RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
WHERE ( 1 = 1 ) and ( 1 = 1 and ( EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ('agency-amr','officer','unit-squad-1') ) )) ) or RES.ASSIGNEE_ = 'zhangwei' )
 and ( EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhangwei','*') OR A.GROUP_ID_ IN ('agency-amr','officer','unit-squad-1'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ = RES.ID_ OFFSET 0)
 OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('zhangwei','*') OR A.GROUP_ID_ IN ('agency-amr','officer','unit-squad-1'))
   AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64)) AND A.RESOURCE_ID_ IN (D.KEY_, '*') OFFSET 0) )
order by RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- spread.sql
-- the unit reads its share: copies whose number is not a multiple of 20 move to 19 other agencies' legal units
-- (identity links, task grants, the assignee and his grants), in a transaction that is rolled back
BEGIN;
UPDATE act_ru_identitylink SET group_id_ = 'unit-legal-' || (right(task_id_, 6)::int % 20)
  WHERE task_id_ LIKE '%~%' AND right(task_id_, 6)::int % 20 <> 0;
UPDATE act_ru_authorization SET group_id_ = 'unit-legal-' || (right(resource_id_, 6)::int % 20)
  WHERE resource_type_ = 7 AND group_id_ = 'unit-legal' AND resource_id_ LIKE '%~%' AND right(resource_id_, 6)::int % 20 <> 0;
UPDATE act_ru_authorization SET user_id_ = 'reviewer-' || (right(resource_id_, 6)::int % 20)
  WHERE resource_type_ = 7 AND user_id_ = 'zhaomin' AND resource_id_ LIKE '%~%' AND right(resource_id_, 6)::int % 20 <> 0;
UPDATE act_ru_task SET assignee_ = 'reviewer-' || (right(id_, 6)::int % 20)
  WHERE assignee_ = 'zhaomin' AND id_ LIKE '%~%' AND right(id_, 6)::int % 20 <> 0;
ANALYZE act_ru_identitylink; ANALYZE act_ru_authorization; ANALYZE act_ru_task;


/*
 * Zhifa's supervision dashboard (执法监督) on Cockpit's start page (plugin point cockpit.dashboard; Camunda 7.24
 * frontend plugin API, loaded through customScripts in config.js), for supervisors and agency heads: open cases by
 * stage and unit, near-due and overdue deadlines with a link to each case, extensions, legal-review outcomes and how
 * disagreements were settled, proceedings, late audio-video uploads, disclosure timeliness (when its API exists) and
 * the yearly statistics (XLSX, CSV). Reads GET /api/supervision/** with the Cockpit session; offers no action. Shown
 * only to those the API answers (others get 403 and see nothing). Charts are inline SVG. docs/tasklist.md §监督.
 */

async function api(path) {
  const response = await fetch(path, {
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const error = new Error(`请求失败（${response.status}）`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

const DAY = (iso) => {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
};
const DAY_OF = (isoDay) => {
  const [y, m, d] = String(isoDay).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const STATE = { OVERDUE: '已逾期', DUE_TODAY: '今日到期', NEAR: '即将到期' };
const STAGES = {
  CLUE: '线索', FILED: '立案', INVESTIGATION: '调查取证', LEGAL_REVIEW: '法制审核', NOTIFICATION: '告知',
  HEARING: '听证', DECISION: '决定', SERVICE: '送达', EXECUTION: '执行', DISCLOSURE: '公示', CLOSED: '结案',
  ARCHIVED: '归档', TRANSFERRED: '移送', WITHDRAWN: '撤销',
};
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

/** A horizontal bar chart: one bar per count, the label left, the number right. */
function barChart(counts, title) {
  const rows = counts.filter((c) => c.count > 0);
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, '暂无');
  }
  const max = Math.max(...rows.map((c) => c.count));
  const height = rows.length * 24 + 8;
  const chart = svg('svg', { width: '100%', viewBox: `0 0 420 ${height}`, role: 'img', 'aria-label': title,
    class: 'zhifa-chart' });
  rows.forEach((c, i) => {
    const y = 4 + i * 24;
    const width = Math.max(2, Math.round((c.count / max) * 240));
    chart.append(svg('text', { x: 0, y: y + 15, 'font-size': 12 }, c.label || c.key),
      svg('rect', { x: 130, y, width, height: 18, fill: '#3c78b4' }),
      svg('text', { x: 136 + width, y: y + 14, 'font-size': 12 }, c.count));
  });
  return chart;
}

function table(headers, rows) {
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, '暂无');
  }
  return el('table', { class: 'table table-condensed' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

const STYLE = `
.zhifa-supervision { margin-bottom: 20px; }
.zhifa-supervision h3 { font-size: 18px; }
.zhifa-supervision h4 { font-size: 15px; margin-top: 18px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
.zhifa-supervision .zhifa-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 10px 30px; }
.zhifa-overdue { color: #fff; background: #c9302c; border-radius: 3px; padding: 1px 5px; }
.zhifa-near { color: #4d3400; background: #f0ad4e; border-radius: 3px; padding: 1px 5px; }
.zhifa-case-detail { border: 1px solid #ccc; background: #fafafa; padding: 8px 12px; margin: 8px 0; }
.zhifa-case-detail dl { display: grid; grid-template-columns: 7em 1fr; gap: 2px 10px; margin: 0; }
.zhifa-case-detail dd { margin: 0; }
`;

function caseLink(ref, detailBox) {
  return el('a', {
    href: `#case-${ref.caseId}`, class: 'zhifa-case-link', 'data-case-id': ref.caseId,
    onclick: (event) => { event.preventDefault(); showCase(ref.caseId, detailBox); },
  }, ref.reference);
}

async function showCase(caseId, box) {
  box.replaceChildren(el('p', {}, '正在读取……'));
  try {
    const [detail, deadlines, verification] = await Promise.all([
      api(`/api/cases/${caseId}`),
      api(`/api/worklist/cases/${caseId}/deadlines`).catch(() => []),
      api(`/api/cases/${caseId}/record/verify`).catch(() => null),
    ]);
    box.replaceChildren(el('div', { class: 'zhifa-case-detail', id: 'zhifa-case-detail', 'data-case-id': caseId },
      el('h4', {}, `${detail.reference} ${detail.title}`),
      el('dl', {},
        el('dt', {}, '当事人'), el('dd', {}, (detail.parties || []).map((p) => p.name).join('、') || '—'),
        el('dt', {}, '办理阶段'), el('dd', {}, STAGES[detail.stage] || detail.stage),
        el('dt', {}, '承办机构'), el('dd', {}, detail.handlingUnitName || ''),
        el('dt', {}, '办案人员'), el('dd', {}, (detail.officers || []).map((o) => o.name || o.userId).join('、'))),
      el('h4', {}, '办理期限'),
      table(['期限', '到期日', '剩余工作日', '状态'], deadlines.map((d) => [d.name, DAY_OF(d.dueDay),
        d.workingDaysLeft < 0 ? `超过 ${-d.workingDaysLeft} 个工作日` : `${d.workingDaysLeft} 个工作日`,
        d.states.map((s) => ({ RUNNING: '进行中', PAUSED: '已暂停', EXTENDED: '已延长', OVERDUE: '已逾期', PROVISIONAL: '暂定' })[s] || s).join('、')])),
      verification ? el('p', {}, `全过程记录：${verification.message}`) : ''));
    box.scrollIntoView({ block: 'nearest' });
  } catch (e) {
    box.replaceChildren(el('p', { class: 'text-danger' }, `无法读取该案件（${e.status || ''}）`));
  }
}

async function disclosureSection() {
  // the disclosure feature's timeliness figures for this year (GET /api/supervision/disclosure-timeliness)
  const year = new Date().getFullYear();
  try {
    const f = await api(`/api/supervision/disclosure-timeliness?from=${year}-01-01&to=${year}-12-31`);
    return table(['项目', '数量'], [['已作出决定', f.decisions], ['按时公示', f.publishedOnTime], ['逾期公示', f.publishedLate],
      ['尚未公示', f.unpublished], ['其中已逾期', f.unpublishedOverdue], ['不予公示', f.withheld],
      ['已撤回', f.withdrawn], ['按时撤回', f.withdrawnOnTime], ['逾期撤回', f.withdrawnLate], ['待撤回', f.withdrawalPending]]);
  } catch (e) {
    return el('p', { class: 'text-muted' }, e.status === 403 ? '公示及时性数据仅供监督人员查看' : '无法读取公示及时性数据');
  }
}

function statisticsSection() {
  const year = new Date().getFullYear() - (new Date().getMonth() === 0 ? 1 : 0);
  const input = el('input', { type: 'number', min: 2000, max: 2100, value: year, style: 'width:7em', id: 'zhifa-stat-year' });
  const box = el('div');
  const links = el('span');
  const load = async () => {
    const y = input.value;
    links.replaceChildren(
      el('a', { href: `/api/supervision/statistics/${y}/xlsx`, class: 'btn btn-default btn-sm', style: 'margin-left:8px' }, '下载 Excel'),
      el('a', { href: `/api/supervision/statistics/${y}/csv`, class: 'btn btn-default btn-sm', style: 'margin-left:8px' }, '下载 CSV'));
    try {
      const report = await api(`/api/supervision/statistics/${y}`);
      box.replaceChildren(table(['类别', '项目', '数值'], report.lines.map((l) => [l.section, l.item, l.value])));
    } catch (e) {
      box.replaceChildren(el('p', { class: 'text-danger' }, '无法读取统计'));
    }
  };
  input.addEventListener('change', load);
  load();
  return [el('div', {}, el('label', { for: 'zhifa-stat-year' }, '年度 '), input, links), box];
}

async function render(node) {
  if (!document.getElementById('zhifa-cockpit-style')) {
    document.head.append(el('style', { id: 'zhifa-cockpit-style' }, STYLE));
  }
  let data;
  try {
    data = await api('/api/supervision/overview');
  } catch (e) {
    return; // not a supervisor or head: nothing to show
  }
  const detailBox = el('div');
  const deadlineRows = data.deadlines.map((d) => [caseLink(d.caseRef, detailBox), d.caseRef.title, d.entryName,
    DAY_OF(d.dueDay), el('span', { class: d.state === 'OVERDUE' ? 'zhifa-overdue' : 'zhifa-near', 'data-state': d.state },
      d.state === 'OVERDUE' ? `${STATE[d.state]} ${-d.workingDaysLeft} 个工作日` : `${STATE[d.state]}，剩 ${d.workingDaysLeft} 个工作日`),
    d.caseRef.unitName || '']);
  node.replaceChildren(el('section', { class: 'zhifa-supervision', id: 'zhifa-supervision' },
    el('h3', {}, '执法监督'),
    el('div', { class: 'zhifa-grid' },
      el('div', {}, el('h4', {}, '在办案件（按办理阶段）'), barChart(data.openByStage, '在办案件按办理阶段')),
      el('div', {}, el('h4', {}, '在办案件（按承办机构）'), barChart(data.openByUnit.map((u) => ({ ...u, label: u.label || u.key })), '在办案件按承办机构'))),
    el('h4', {}, `即将到期和已逾期的期限（${data.deadlines.length}）`),
    table(['案件', '案由', '期限', '到期日', '状态', '承办机构'], deadlineRows), detailBox,
    el('h4', {}, '延长期限'),
    table(['案件', '期限', '延长', '原到期', '新到期', '批准人', '理由'], data.extensions.map((x) => [caseLink(x.caseRef, detailBox),
      x.entryName, `${x.amount} 个工作日`, DAY(x.oldDueAt), DAY(x.newDueAt), x.approvedByName || x.approvedBy, x.reason])),
    el('h4', {}, '法制审核结果'),
    table(['案件', '结果', '承办机构有异议', '协调结论'], data.reviews.map((r) => [caseLink(r.caseRef, detailBox), r.resultLabel,
      r.disputed ? '是' : '否', r.settlement || (r.disputed ? '协调中' : '—')])),
    el('h4', {}, '听证、集体讨论、送达和公示'),
    table(['程序', '进行中', '已结束'], data.proceedings.map((p) => [p.label, p.running, p.ended])),
    el('h4', {}, '公示及时性'), await disclosureSection(),
    el('h4', {}, '迟延上传的音像记录'),
    table(['案件', '文件', '采集时间', '上传时间', '上传人'], data.lateAudioVideo.map((u) => [caseLink(u.caseRef, detailBox),
      u.fileName, DAY(u.capturedAt), DAY(u.uploadedAt), u.uploadedByName || u.uploadedBy])),
    el('h4', {}, '行政执法统计年报'), statisticsSection()));
}

export default [{
  id: 'zhifa-supervision',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    render(node);
  },
}];

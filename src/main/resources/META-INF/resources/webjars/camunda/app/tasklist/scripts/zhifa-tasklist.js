/*
 * Zhifa's Tasklist plugins (Camunda 7.24 frontend plugin API, loaded through customScripts in config.js):
 *  - every task card names its case and party and marks its due date: red when overdue, amber when due today or
 *    inside the catalogue's reminder window, with the absolute date and the working days left (GET /api/worklist/tasks);
 *  - the task tab 案卷: the case's summary, deadlines, documents, attachments (with upload) and record;
 *  - the header buttons 登记案件, 我发起的 and 已办;
 *  - the start form's 案件 field becomes a picker that searches the register (GET /api/cases?q=), and a refusal of
 *    the start form is shown beside the field it concerns, where the user is looking;
 *  - the list is sorted by due date, earliest first, unless the user picked another order.
 * The plugins call /api with the Tasklist session (cn.zhifa.identity.WebappSessionAuthenticationFilter).
 * docs/tasklist.md is the user guide.
 */

// ------------------------------------------------------------------------------------------------ HTTP and helpers

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {}) };
  const method = options.method || 'GET';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  let body = options.body;
  if (body && !(body instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    const error = new Error((data && (data.message || data.detail)) || `请求失败（${response.status}）`);
    error.status = response.status;
    error.problem = data;
    throw error;
  }
  return data;
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
  const [y, m, d] = String(iso).substring(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const DATE_TIME = (value) => {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

const STAGES = {
  CLUE: '线索', FILED: '立案', INVESTIGATION: '调查取证', LEGAL_REVIEW: '法制审核', NOTIFICATION: '告知',
  HEARING: '听证', DECISION: '决定', SERVICE: '送达', EXECUTION: '执行', DISCLOSURE: '公示', CLOSED: '结案',
  ARCHIVED: '归档', TRANSFERRED: '移送', WITHDRAWN: '撤销',
};
const DEADLINE_STATES = { RUNNING: '进行中', PAUSED: '已暂停', EXTENDED: '已延长', OVERDUE: '已逾期', PROVISIONAL: '暂定' };
const OFFICER_ROLES = { HANDLER: '主办', INVESTIGATOR: '协办' };

/** The due text and colour class of a card or a deadline: absolute date and working days left. */
function dueText(state, dueDay, left) {
  if (state === 'OVERDUE') {
    return { css: 'zhifa-due-overdue', text: `已逾期：${DAY(dueDay)}到期，超过 ${Math.max(-left, 0)} 个工作日` };
  }
  if (state === 'DUE_TODAY') {
    return { css: 'zhifa-due-near', text: `今日到期：${DAY(dueDay)}` };
  }
  if (state === 'NEAR') {
    return { css: 'zhifa-due-near', text: `即将到期：${DAY(dueDay)}，剩 ${left} 个工作日` };
  }
  return { css: 'zhifa-due-ok', text: `${DAY(dueDay)}到期，剩 ${left} 个工作日` };
}

const STYLE = `
.zhifa-card { margin: 4px 0 2px; font-size: 12px; line-height: 1.5; }
.zhifa-card .zhifa-case { color: #333; font-weight: 600; }
.zhifa-due-overdue { color: #fff; background: #c9302c; border-radius: 3px; padding: 1px 5px; display: inline-block; }
.zhifa-due-near { color: #4d3400; background: #f0ad4e; border-radius: 3px; padding: 1px 5px; display: inline-block; }
.zhifa-due-ok { color: #555; }
.zhifa-tab { padding: 10px 15px; }
.zhifa-tab h4 { margin: 18px 0 6px; font-size: 15px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
.zhifa-tab table { width: 100%; border-collapse: collapse; font-size: 13px; }
.zhifa-tab td, .zhifa-tab th { border-bottom: 1px solid #eee; padding: 4px 6px; text-align: left; vertical-align: top; }
.zhifa-tab dl { display: grid; grid-template-columns: 7em 1fr; gap: 2px 10px; margin: 0; }
.zhifa-tab dt { color: #666; font-weight: normal; }
.zhifa-tab dd { margin: 0; }
.zhifa-form label { display: block; margin: 6px 0 2px; font-weight: normal; }
.zhifa-form input, .zhifa-form select, .zhifa-form textarea { width: 100%; max-width: 32em; }
.zhifa-form .zhifa-av { border-left: 3px solid #f0ad4e; padding-left: 8px; margin: 6px 0; }
.zhifa-error { color: #a94442; background: #f2dede; border: 1px solid #ebccd1; padding: 6px 8px; margin: 6px 0; }
.zhifa-ok { color: #3c763d; background: #dff0d8; border: 1px solid #d6e9c6; padding: 6px 8px; margin: 6px 0; }
.zhifa-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.4); z-index: 2000; overflow: auto; }
.zhifa-dialog { background: #fff; max-width: 860px; margin: 40px auto; padding: 15px 20px; border-radius: 4px; }
.zhifa-dialog header { display: flex; justify-content: space-between; align-items: center; }
.zhifa-dialog header h3 { margin: 0; font-size: 18px; }
.zhifa-picker { position: relative; }
.zhifa-picker ul { position: absolute; z-index: 50; left: 0; right: 0; max-height: 260px; overflow: auto; margin: 0;
  padding: 0; list-style: none; background: #fff; border: 1px solid #bbb; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.zhifa-picker li { padding: 5px 8px; cursor: pointer; border-bottom: 1px solid #eee; }
.zhifa-picker li:hover, .zhifa-picker li.active { background: #e8f0fb; }
.zhifa-picker .zhifa-picked { margin-top: 3px; font-size: 12px; color: #3c763d; }
.zhifa-field-error { color: #a94442; font-size: 13px; margin-top: 4px; font-weight: 600; }
.zhifa-navbar button { margin-left: 4px; }
.task-filter .counter { display: none !important; }
.task-filter .zhifa-count { margin-left: 4px; color: #666; }
.task-filter .zhifa-count.zhifa-count-alert { color: #c9302c; font-weight: 600; }
`;

function installStyle() {
  if (!document.getElementById('zhifa-tasklist-style')) {
    document.head.append(el('style', { id: 'zhifa-tasklist-style' }, STYLE));
  }
}

installStyle();

// ------------------------------------------------------------------------------------------------ task cards

/** Cards ask together: one request for the cards rendered in the same moment. */
const pendingCards = new Map();
let cardTimer = null;

function loadCard(taskId) {
  return new Promise((resolve) => {
    pendingCards.set(taskId, [...(pendingCards.get(taskId) || []), resolve]);
    clearTimeout(cardTimer);
    cardTimer = setTimeout(async () => {
      const batch = new Map(pendingCards);
      pendingCards.clear();
      let cards = [];
      try {
        cards = await api(`/api/worklist/tasks?ids=${encodeURIComponent([...batch.keys()].join(','))}`);
      } catch (e) {
        cards = [];
      }
      const byId = new Map(cards.map((card) => [card.taskId, card]));
      batch.forEach((resolvers, id) => resolvers.forEach((r) => r(byId.get(id) || null)));
    }, 30);
  });
}

const taskCardPlugin = {
  id: 'zhifa-task-card',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, { taskId }) => {
    node.innerHTML = '';
    loadCard(taskId).then((card) => {
      if (!card) {
        return;
      }
      const box = el('div', { class: 'zhifa-card', 'data-task-id': taskId });
      if (card.caseReference) {
        box.append(el('div', { class: 'zhifa-case' }, `${card.caseReference}${card.party ? ' · ' + card.party : ''}`));
      }
      if (card.dueDay) {
        const due = dueText(card.state, card.dueDay, card.workingDaysLeft);
        box.append(el('span', { class: `zhifa-due ${due.css}`, 'data-state': card.state }, due.text));
      }
      node.append(box);
    });
  },
};

// ------------------------------------------------------------------------------------------------ the 案卷 tab

function section(title, ...content) {
  return [el('h4', {}, title), ...content];
}

function table(headers, rows) {
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, '暂无');
  }
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function uploadForm(caseId, detail, onDone) {
  const message = el('div');
  const kind = el('select', { name: 'kind', id: 'zhifa-upload-kind' },
    el('option', { value: 'EVIDENCE' }, '证据材料'), el('option', { value: 'AUDIO_VIDEO' }, '音像记录'));
  const file = el('input', { type: 'file', name: 'file', id: 'zhifa-upload-file' });
  const description = el('textarea', { name: 'description', rows: 2, maxlength: 1000 });
  const avFields = el('div', { class: 'zhifa-av', hidden: true },
    el('p', { class: 'text-muted' }, '音像记录须写明：案件编号、采集时间、采集地点、采集人、证明对象。'),
    el('label', {}, '案件编号'), el('input', { name: 'caseNo', value: detail.caseNo || detail.reference, maxlength: 100 }),
    el('label', {}, '采集时间'), el('input', { name: 'capturedAt', type: 'datetime-local' }),
    el('label', {}, '采集地点'), el('input', { name: 'capturedPlace', maxlength: 300 }),
    el('label', {}, '采集人'), el('input', { name: 'capturedBy', maxlength: 100 }),
    el('label', {}, '证明对象'), el('textarea', { name: 'provesWhat', rows: 2, maxlength: 1000 }));
  kind.addEventListener('change', () => {
    avFields.hidden = kind.value !== 'AUDIO_VIDEO';
  });
  const form = el('form', { class: 'zhifa-form', id: 'zhifa-upload' },
    el('label', {}, '类别'), kind, el('label', {}, '文件'), file, el('label', {}, '说明'), description, avFields,
    el('button', { type: 'submit', class: 'btn btn-primary', style: 'margin-top:8px' }, '上传'), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!file.files.length) {
      message.append(el('div', { class: 'zhifa-error' }, '请选择要上传的文件'));
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('kind', kind.value);
    if (description.value.trim()) {
      data.append('description', description.value.trim());
    }
    if (kind.value === 'AUDIO_VIDEO') {
      for (const input of avFields.querySelectorAll('input, textarea')) {
        if (input.value.trim()) {
          data.append(input.name, input.value.trim());
        }
      }
    }
    try {
      const saved = await api(`/api/cases/${caseId}/attachments`, { method: 'POST', body: data });
      message.append(el('div', { class: 'zhifa-ok' },
        `已上传：${saved.fileName}${saved.lateUpload ? '（超过规定时限上传，已标记为迟延上传）' : ''}`));
      form.reset();
      avFields.hidden = true;
      onDone();
    } catch (e) {
      message.append(el('div', { class: 'zhifa-error' }, e.message));
    }
  });
  return form;
}

async function renderCaseFile(node, caseId) {
  const [detail, deadlines, documents, attachments, verification] = await Promise.all([
    api(`/api/cases/${caseId}`),
    api(`/api/worklist/cases/${caseId}/deadlines`).catch(() => []),
    api(`/api/cases/${caseId}/documents`).catch(() => []),
    api(`/api/cases/${caseId}/attachments`).catch(() => []),
    api(`/api/cases/${caseId}/record/verify`).catch(() => null),
  ]);
  const officers = (detail.officers || []).map((o) => `${o.name || o.userId}（${OFFICER_ROLES[o.role] || o.role}）`);
  const parties = (detail.parties || []).map((p) => p.name).join('、');
  const attachmentsBox = el('div');
  const showAttachments = (list) => attachmentsBox.replaceChildren(table(['类别', '文件', '说明 / 音像信息', '上传'],
    list.map((a) => [
      a.kind === 'AUDIO_VIDEO' ? '音像记录' : '证据材料',
      el('a', { href: `/api/cases/${caseId}/attachments/${a.id}/content`, download: a.fileName }, a.fileName),
      a.audioVideo ? `${DATE_TIME(a.audioVideo.capturedAt)} ${a.audioVideo.capturedPlace || ''}，采集人 ${a.audioVideo.capturedBy || ''}，证明 ${a.audioVideo.provesWhat || ''}` : (a.description || ''),
      [`${DATE_TIME(a.uploadedAt)} ${a.uploadedByName || a.uploadedBy || ''}`, a.lateUpload ? el('span', { class: 'zhifa-due-overdue' }, '迟延上传') : ''],
    ])));
  showAttachments(attachments);
  const reload = async () => showAttachments(await api(`/api/cases/${caseId}/attachments`));
  const mayUpload = (window.zhifaMe && window.zhifaMe.groups || []).includes('officer');
  node.replaceChildren(el('div', { class: 'zhifa-tab', 'data-case-id': caseId },
    section('案件概况', el('dl', {},
      el('dt', {}, '案件编号'), el('dd', { class: 'zhifa-case-reference' }, detail.reference),
      el('dt', {}, '案由'), el('dd', {}, detail.title),
      el('dt', {}, '当事人'), el('dd', {}, parties || '—'),
      el('dt', {}, '办理阶段'), el('dd', {}, STAGES[detail.stage] || detail.stage),
      el('dt', {}, '承办机构'), el('dd', {}, detail.handlingUnitName || detail.handlingUnitId),
      el('dt', {}, '办案人员'), el('dd', {}, officers.join('、') || '—'))),
    section('办理期限', table(['期限', '到期日', '剩余工作日', '状态'], deadlines.map((d) => {
      const overdue = d.states.includes('OVERDUE');
      const due = dueText(overdue ? 'OVERDUE' : d.workingDaysLeft <= 2 ? 'NEAR' : 'OK', d.dueDay, d.workingDaysLeft);
      return [el('span', { title: d.legalBasis }, d.name), DAY(d.dueDay),
        el('span', { class: due.css }, overdue ? `超过 ${-d.workingDaysLeft} 个工作日` : `${d.workingDaysLeft} 个工作日`),
        d.states.map((s) => DEADLINE_STATES[s] || s).join('、')];
    }))),
    section('执法文书', table(['文书', '生成时间', ''], documents.map((d) => [`${d.typeName}（第${d.version}版）`, DATE_TIME(d.createdAt),
      el('a', { href: `/api/cases/${caseId}/documents/${d.id}/content` }, '下载')]))),
    section('证据材料和音像记录', attachmentsBox, mayUpload ? uploadForm(caseId, detail, reload) : ''),
    section('全过程记录', verification
      ? el('div', { class: verification.intact ? 'zhifa-ok' : 'zhifa-error', id: 'zhifa-record-verification' },
        verification.message,
        el('a', { href: `/api/cases/${caseId}/record`, style: 'margin-left:1em' }, '查看记录'))
      : el('p', { class: 'text-muted' }, '无权查看或暂无记录'))));
}

const caseFileTab = {
  id: 'zhifa-case-file',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  label: '案卷',
  properties: { label: '案卷' },
  render: (node, { taskId }) => {
    node.replaceChildren(el('p', { class: 'zhifa-tab' }, '正在读取案卷……'));
    loadCard(taskId).then((card) => {
      if (!card || !card.caseId) {
        node.replaceChildren(el('p', { class: 'zhifa-tab text-muted' }, '本任务不属于某一案件'));
        return;
      }
      renderCaseFile(node, card.caseId).catch((e) => node.replaceChildren(el('div', { class: 'zhifa-error' }, e.message)));
    });
  },
};

// ------------------------------------------------------------------------------------------------ dialogs

function dialog(title, content) {
  const close = () => overlay.remove();
  const overlay = el('div', { class: 'zhifa-overlay', onclick: (e) => e.target === overlay && close() },
    el('div', { class: 'zhifa-dialog', role: 'dialog', 'aria-label': title },
      el('header', {}, el('h3', {}, title), el('button', { type: 'button', class: 'btn btn-default', onclick: close }, '关闭')),
      content));
  document.body.append(overlay);
  return { overlay, close };
}

async function openRegistration() {
  const message = el('div');
  const colleagues = await api('/api/worklist/colleagues').catch(() => []);
  const me = colleagues[0];
  const field = (label, input) => [el('label', { for: input.id }, label), input];
  const kind = el('select', { id: 'zhifa-reg-kind', name: 'kind' },
    el('option', { value: 'PENALTY' }, '行政处罚'), el('option', { value: 'OTHER_DECISION' }, '其他行政执法决定'));
  const title = el('input', { id: 'zhifa-reg-title', name: 'title', maxlength: 500, placeholder: '如：某商店销售不合格电线案' });
  const partyKind = el('select', { id: 'zhifa-reg-party-kind' },
    el('option', { value: 'INDIVIDUAL' }, '自然人'), el('option', { value: 'ORGANISATION' }, '法人或其他组织'));
  const partyName = el('input', { id: 'zhifa-reg-party-name', maxlength: 200 });
  const partyNumber = el('input', { id: 'zhifa-reg-party-number', maxlength: 18, placeholder: '居民身份证号码或统一社会信用代码' });
  const partyAddress = el('input', { id: 'zhifa-reg-party-address', maxlength: 500 });
  const partyPhone = el('input', { id: 'zhifa-reg-party-phone', maxlength: 50 });
  const second = el('select', { id: 'zhifa-reg-officer' }, el('option', { value: '' }, '请选择'),
    colleagues.slice(1).map((c) => el('option', { value: c.userId, disabled: !c.validCertificate },
      `${c.name}${c.validCertificate ? '' : '（无有效执法证）'}`)));
  const form = el('form', { class: 'zhifa-form', id: 'zhifa-register' },
    el('p', { class: 'text-muted' }, '登记线索或案件：至少两名持有效执法证的执法人员、至少一名当事人。登记后得到登记号，立案时取得案件编号。'),
    field('类别', kind), field('案由（线索或案件名称）', title),
    el('h4', {}, '当事人'), field('类型', partyKind), field('姓名或名称', partyName), field('证件号码', partyNumber),
    field('住所或地址', partyAddress), field('联系电话', partyPhone),
    el('h4', {}, '办案人员'), el('p', {}, `主办：${me ? me.name : '本人'}`), field('协办执法人员', second),
    el('button', { type: 'submit', class: 'btn btn-primary', style: 'margin-top:10px' }, '登记'), message);
  const { close } = dialog('登记线索或案件', form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const officers = [{ userId: me ? me.userId : undefined }];
    if (second.value) {
      officers.push({ userId: second.value });
    }
    try {
      const saved = await api('/api/cases', {
        method: 'POST',
        body: {
          kind: kind.value, title: title.value.trim(),
          parties: [{ kind: partyKind.value, name: partyName.value.trim(), idNumber: partyNumber.value.trim(),
            address: partyAddress.value.trim() || undefined, phone: partyPhone.value.trim() || undefined }],
          officers,
        },
      });
      form.replaceChildren(el('div', { class: 'zhifa-ok', id: 'zhifa-registered' },
        `已登记：${saved.reference}（${saved.title}）。发起流程时在“案件”一栏输入 ${saved.reference}、当事人或案由即可选中本案。`),
      el('button', { type: 'button', class: 'btn btn-default', onclick: close }, '完成'));
    } catch (e) {
      message.append(el('div', { class: 'zhifa-error', role: 'alert' }, e.message));
      message.scrollIntoView({ block: 'nearest' });
    }
  });
}

async function openStarted() {
  const box = el('div', { id: 'zhifa-started' }, '正在读取……');
  dialog('我发起的', box);
  try {
    const list = await api('/api/worklist/started');
    box.replaceChildren(table(['流程', '案件', '发起时间', '状态', '当前待办'], list.map((p) => [
      p.processName, p.caseReference || '', DATE_TIME(p.startedAt),
      p.endedAt ? `已结束（${DATE_TIME(p.endedAt)}）` : '进行中', (p.openTasks || []).join('、')])));
  } catch (e) {
    box.replaceChildren(el('div', { class: 'zhifa-error' }, e.message));
  }
}

async function openDone() {
  const box = el('div', { id: 'zhifa-done' }, '正在读取……');
  dialog('已办', box);
  try {
    const list = await api('/api/worklist/done');
    box.replaceChildren(table(['任务', '流程', '案件', '办结时间'], list.map((t) => [
      t.taskName, t.processName || '', t.caseReference || '', DATE_TIME(t.endedAt)])));
  } catch (e) {
    box.replaceChildren(el('div', { class: 'zhifa-error' }, e.message));
  }
}

const navbarActions = {
  id: 'zhifa-navbar-actions',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    const buttons = el('span', { class: 'zhifa-navbar' });
    api('/api/me').then((me) => {
      window.zhifaMe = me;
      if ((me.groups || []).includes('officer')) {
        buttons.append(el('button', { type: 'button', class: 'btn btn-default navbar-btn', id: 'zhifa-open-register', onclick: openRegistration }, '登记案件'));
      }
    }).catch(() => {});
    buttons.append(
      el('button', { type: 'button', class: 'btn btn-default navbar-btn', id: 'zhifa-open-started', onclick: openStarted }, '我发起的'),
      el('button', { type: 'button', class: 'btn btn-default navbar-btn', id: 'zhifa-open-done', onclick: openDone }, '已办'));
    node.append(buttons);
  },
};

// ------------------------------------------------------------------------------------------------ the case picker

/** Sets a form-js input the way typing does, so the form's state follows. */
function typeInto(input, value) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function attachPicker(input) {
  if (input.dataset.zhifaPicker) {
    return;
  }
  input.dataset.zhifaPicker = 'on';
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('placeholder', '输入案件编号、登记号、当事人或案由搜索');
  const wrapper = el('div', { class: 'zhifa-picker' });
  const list = el('ul', { hidden: true, role: 'listbox', id: 'zhifa-case-options' });
  const picked = el('div', { class: 'zhifa-picked' });
  input.after(wrapper);
  wrapper.append(list, picked);
  let timer = null;
  let active = -1;
  const choose = (c) => {
    typeInto(input, c.reference);
    picked.textContent = `已选择：${c.reference} · ${c.title}`;
    list.hidden = true;
  };
  const search = async () => {
    const text = input.value.trim();
    if (!text) {
      list.hidden = true;
      return;
    }
    let cases = [];
    try {
      cases = await api(`/api/cases?q=${encodeURIComponent(text)}&limit=10`);
    } catch (e) {
      cases = [];
    }
    active = -1;
    list.replaceChildren(...(cases.length ? cases.map((c) => el('li', { role: 'option', 'data-reference': c.reference,
      onmousedown: (e) => { e.preventDefault(); choose(c); } }, `${c.reference} · ${c.title}（${STAGES[c.stage] || c.stage}）`))
      : [el('li', { class: 'text-muted' }, '没有找到可以选择的案件；请先“登记案件”')]));
    list.hidden = false;
    list.cases = cases;
  };
  input.addEventListener('input', (event) => {
    if (event.isTrusted) {
      picked.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    }
  });
  input.addEventListener('keydown', (event) => {
    const items = [...list.querySelectorAll('li[data-reference]')];
    if (list.hidden || !items.length) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((item, i) => item.classList.toggle('active', i === active));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(list.cases[active]);
    } else if (event.key === 'Escape') {
      list.hidden = true;
    }
  });
  input.addEventListener('blur', () => setTimeout(() => { list.hidden = true; }, 150));
}

/** The form-js text field whose key is caseRef: its input carries the field's id, ending in the key's field. */
function caseRefInputs(root) {
  return [...root.querySelectorAll('.fjs-form-field input.fjs-input')].filter((input) => {
    const label = input.closest('.fjs-form-field')?.querySelector('.fjs-form-field-label');
    return input.name === 'caseRef' || /caseRef/i.test(input.id) || (label && /^案件(编号)?（/.test(label.textContent.trim()));
  });
}

// ------------------------------------------------------------------------------------------------ start-form refusals

/** A refusal shown by Tasklist in the start dialog: brought into view, and repeated beside the field it names. */
function placeRefusal(alert) {
  const dialogNode = alert.closest('.modal');
  if (!dialogNode || alert.dataset.zhifaPlaced) {
    return;
  }
  alert.dataset.zhifaPlaced = 'on';
  const text = alert.textContent.replace(/\s+/g, ' ').trim();
  dialogNode.querySelectorAll('.zhifa-field-error').forEach((n) => n.remove());
  const fields = [...dialogNode.querySelectorAll('.fjs-form-field')];
  let target = fields.find((f) => {
    const label = f.querySelector('.fjs-form-field-label');
    const name = label && label.textContent.replace(/（.*$/, '').trim();
    return name && name.length > 1 && text.includes(name);
  });
  if (!target && /案件编号|登记号|案件/.test(text)) {
    target = caseRefInputs(dialogNode)[0]?.closest('.fjs-form-field');
  }
  if (target) {
    const message = text.replace(/^.*?(：|:)\s*/, '');
    target.append(el('div', { class: 'zhifa-field-error', role: 'alert' }, message || text));
    target.scrollIntoView({ block: 'center' });
    target.querySelector('input, textarea, select')?.focus();
  } else {
    alert.scrollIntoView({ block: 'center' });
  }
}

// a refusal placed beside a field answers what was sent: once the user changes that field it no longer applies
document.addEventListener('input', (event) => {
  event.target.closest?.('.fjs-form-field')?.querySelectorAll('.zhifa-field-error').forEach((n) => n.remove());
}, true);

function watchDom(root) {
  if (!(root instanceof Element)) {
    return;
  }
  caseRefInputs(root).forEach(attachPicker);
  if (root.matches('.task-filter') || root.querySelector('.task-filter')) {
    scheduleFilterCounts();
  }
  const alerts = root.matches('.modal .alert-danger, .modal .alert-error') ? [root]
    : [...root.querySelectorAll('.modal .alert-danger, .modal .alert-error')];
  alerts.forEach(placeRefusal);
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    mutation.addedNodes.forEach(watchDom);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

// ------------------------------------------------------------------------------------------------ filter counts

/**
 * Tasklist counts only the filter in focus; every shared filter shows its count here (red for 已逾期 and 即将到期
 * when not zero), read from the engine API of the Tasklist session and refreshed every half minute.
 */
async function showFilterCounts() {
  const links = [...document.querySelectorAll('.task-filter h4.name a')];
  if (!links.length) {
    return;
  }
  let filters = [];
  try {
    filters = await api('/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true');
  } catch (e) {
    return;
  }
  const counts = new Map(filters.map((f) => [f.name, f.itemCount]));
  for (const link of links) {
    const name = [...link.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.nodeValue).join('').trim();
    if (!counts.has(name)) {
      continue;
    }
    let badge = link.querySelector('.zhifa-count');
    if (!badge) {
      badge = el('span', { class: 'zhifa-count' });
      link.append(badge);
    }
    const count = counts.get(name);
    badge.textContent = `(${count})`;
    badge.classList.toggle('zhifa-count-alert', count > 0 && (name === '已逾期' || name === '即将到期'));
  }
}

let countTimer = null;
function scheduleFilterCounts() {
  clearTimeout(countTimer);
  countTimer = setTimeout(showFilterCounts, 300);
}

setInterval(showFilterCounts, 30000);
window.addEventListener('hashchange', scheduleFilterCounts);

// ------------------------------------------------------------------------------------------------ sorting by due date

const DUE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDate() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login') || /[?&]sorting=/.test(hash)) {
    return;
  }
  const separator = hash.includes('?') ? '&' : '?';
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}${separator}sorting=${encodeURIComponent(DUE_FIRST)}`);
}

sortByDueDate();
window.addEventListener('hashchange', sortByDueDate);

export default [taskCardPlugin, caseFileTab, navbarActions];

// 执法机关设置: a client of /api/admin. It logs in with HTTP Basic itself (credentials kept for this tab only) and
// builds every table with textContent, never innerHTML, since names come from imported files.
'use strict';

const ROLE_LABELS = {
  OFFICER: '执法人员', LEGAL_REVIEWER: '法制审核人员', AGENCY_HEAD: '机关负责人', HEARING_HOST: '听证主持人',
  AGENCY_ADMIN: '机构管理员'
};
const STATUS_LABELS = {VALID: '有效', SUSPENDED: '暂扣', REVOKED: '注销（吊销）'};

let credentials = sessionStorage.getItem('zhifa-setup');
let agencyId = null;

const $ = (selector) => document.querySelector(selector);

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function base64(text) {
  // HTTP Basic in UTF-8 (the server says charset="UTF-8"), so Chinese passwords work too
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function show(text, ok = false) {
  const message = $('#message');
  message.textContent = text;
  message.className = ok ? 'ok' : 'error';
  message.hidden = !text;
  if (text) {
    message.scrollIntoView({block: 'nearest'});
  }
}

async function api(path, options = {}) {
  const headers = {'X-Requested-With': 'XMLHttpRequest', Authorization: 'Basic ' + credentials, ...options.headers};
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(options.json);
  }
  const response = await fetch(path, {...options, headers});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({detail: '请求失败（' + response.status + '）'}));
    const error = new Error(problem.detail || problem.title);
    error.status = response.status;
    error.problem = problem;
    throw error;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.blob();
}

function formJson(form) {
  const data = {};
  new FormData(form).forEach((value, key) => {
    if (key === 'roles') {
      (data.roles = data.roles || []).push(value);
    } else if (value !== '') {
      data[key] = value.trim();
    }
  });
  return data;
}

function onSubmit(selector, action) {
  $(selector).addEventListener('submit', async (event) => {
    event.preventDefault();
    show('');
    try {
      await action(event.target);
    } catch (error) {
      show(error.message);
    }
  });
}

async function start() {
  let me;
  try {
    me = await api('/api/me');
  } catch (error) {
    credentials = null;
    throw new Error(error.status === 401 ? '用户名或密码错误' : error.message);
  }
  const agencies = await api('/api/admin/agencies').catch((error) => {
    credentials = null;
    throw new Error(error.status === 403 ? '当前用户不是系统管理员或机构管理员' : error.message);
  });
  sessionStorage.setItem('zhifa-setup', credentials);
  $('#who').textContent = me.name + '（' + me.userId + '）';
  $('#logout').hidden = false;
  $('#login-section').hidden = true;
  $('#admin').hidden = false;
  $('#new-agency-section').hidden = !me.groups.includes('camunda-admin');
  fillAgencies(agencies);
}

function fillAgencies(agencies, selected) {
  const select = $('#agency-select');
  select.replaceChildren(...agencies.map((a) => el('option', {value: a.id, textContent: a.name + '（' + a.id + '）'})));
  if (agencies.length === 0) {
    $('#agency').hidden = true;
    $('#agency-info').textContent = '尚无执法机关，请先新建。';
    return;
  }
  select.value = selected || agencies[0].id;
  loadAgency(select.value).catch((error) => show(error.message));
}

async function loadAgency(id) {
  agencyId = id;
  const [agency, staff, expiring] = await Promise.all([
    api(`/api/admin/agencies/${id}`), api(`/api/admin/agencies/${id}/staff`),
    api(`/api/admin/agencies/${id}/certificates/expiring?days=30`)]);
  $('#agency').hidden = false;
  $('#agency-info').textContent =
      `统一社会信用代码：${agency.creditCode || '—'}　案件编号前缀：${agency.caseNumberPrefix || '—'}`;
  $('#units tbody').replaceChildren(...agency.units.map((u) => el('tr', {}, el('td', {}, u.name),
      el('td', {}, u.kindLabel), el('td', {}, u.id))));
  document.querySelectorAll('.unit-options').forEach((select) => select.replaceChildren(
      el('option', {value: '', textContent: '（无）'}),
      ...agency.units.map((u) => el('option', {value: u.id, textContent: u.name + '（' + u.kindLabel + '）'}))));
  document.querySelectorAll('.staff-options').forEach((select) => select.replaceChildren(
      ...staff.map((s) => el('option', {value: s.userId, textContent: s.name + '（' + s.userId + '）'}))));
  $('#staff tbody').replaceChildren(...staff.map(staffRow));
  $('#expiring tbody').replaceChildren(...(expiring.length === 0
      ? [el('tr', {}, el('td', {colSpan: 6}, '没有30日内到期的执法证'))]
      : expiring.map((c) => el('tr', {}, el('td', {}, c.name), el('td', {}, c.userId), el('td', {}, c.certificateNo),
          el('td', {}, c.enforcementField || ''), el('td', {}, c.validTo), el('td', {}, c.daysLeft)))));
}

function staffRow(member) {
  const base = `/api/admin/agencies/${agencyId}/staff/${encodeURIComponent(member.userId)}`;
  const certificates = member.certificates.map((c) => el('div', {},
      `${c.certificateNo}　${c.enforcementField || ''}　${c.validFrom} 至 ${c.validTo}　`,
      el('span', {className: 'status-' + c.status}, STATUS_LABELS[c.status]), ' ',
      statusChanger(['VALID', 'SUSPENDED', 'REVOKED'], c.status,
          `${base}/certificates/${encodeURIComponent(c.certificateNo)}/status`)));
  const qualifications = member.qualifications.map((q) => el('div', {},
      `${q.qualificationNo}　${q.obtainedOn} 取得　`,
      el('span', {className: 'status-' + q.status}, STATUS_LABELS[q.status]), ' ',
      statusChanger(['VALID', 'REVOKED'], q.status,
          `${base}/qualifications/${encodeURIComponent(q.qualificationNo)}/status`)));
  return el('tr', {}, el('td', {}, member.name), el('td', {}, member.userId), el('td', {}, member.unitName || '—'),
      el('td', {}, member.roles.map((r) => ROLE_LABELS[r]).join('、')), el('td', {}, certificates),
      el('td', {}, qualifications));
}

function statusChanger(statuses, current, path) {
  const select = el('select', {}, ...statuses.map((s) => el('option', {value: s, textContent: STATUS_LABELS[s]})));
  select.value = current;
  select.addEventListener('change', async () => {
    try {
      await api(path, {method: 'PUT', json: {status: select.value}});
      show('状态已改为' + STATUS_LABELS[select.value], true);
      await loadAgency(agencyId);
    } catch (error) {
      show(error.message);
      select.value = current;
    }
  });
  return select;
}

function passwordTable(rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '姓名'), el('th', {}, '用户名'),
      el('th', {}, '单位'), el('th', {}, '初始密码'))),
      el('tbody', {}, rows.map((r) => el('tr', {}, el('td', {}, r.name), el('td', {}, r.userId),
          el('td', {}, r.unitName || '—'), el('td', {}, r.initialPassword
              ? el('span', {className: 'password'}, r.initialPassword) : '（导入时设置的密码）')))));
}

onSubmit('#login-form', (form) => {
  credentials = base64(form.user.value.trim() + ':' + form.password.value);
  return start();
});

onSubmit('#agency-form', async (form) => {
  const agency = await api('/api/admin/agencies', {method: 'POST', json: formJson(form)});
  form.reset();
  show('已新建执法机关：' + agency.name, true);
  fillAgencies(await api('/api/admin/agencies'), agency.id);
});

onSubmit('#unit-form', async (form) => {
  const unit = await api(`/api/admin/agencies/${agencyId}/units`, {method: 'POST', json: formJson(form)});
  form.reset();
  show('已新建单位：' + unit.name + '（' + unit.id + '）', true);
  await loadAgency(agencyId);
});

onSubmit('#staff-form', async (form) => {
  const created = await api(`/api/admin/agencies/${agencyId}/staff`, {method: 'POST', json: formJson(form)});
  form.reset();
  await loadAgency(agencyId);
  show('已新增人员：' + created.member.name + (created.initialPassword
      ? '。初始密码（仅显示这一次，请转交本人并提醒修改）：' + created.initialPassword : ''), true);
});

onSubmit('#certificate-form', async (form) => {
  const data = formJson(form);
  const userId = data.userId;
  delete data.userId;
  await api(`/api/admin/agencies/${agencyId}/staff/${userId}/certificates`, {method: 'POST', json: data});
  form.reset();
  show('已登记执法证：' + data.certificateNo, true);
  await loadAgency(agencyId);
});

onSubmit('#qualification-form', async (form) => {
  const data = formJson(form);
  const userId = data.userId;
  delete data.userId;
  await api(`/api/admin/agencies/${agencyId}/staff/${userId}/qualifications`, {method: 'POST', json: data});
  form.reset();
  show('已登记法律职业资格：' + data.qualificationNo, true);
  await loadAgency(agencyId);
});

onSubmit('#import-form', async (form) => {
  const result = $('#import-result');
  result.replaceChildren();
  try {
    const imported = await api(`/api/admin/agencies/${agencyId}/staff-import`,
        {method: 'POST', body: new FormData(form)});
    form.reset();
    result.append(el('p', {}, `已导入 ${imported.staffCreated.length} 人，新建单位 ${imported.unitsCreated.length} 个，` +
        `执法证 ${imported.certificates} 个，法律职业资格 ${imported.qualifications} 个。初始密码仅显示这一次：`),
        passwordTable(imported.staffCreated));
    await loadAgency(agencyId);
  } catch (error) {
    const errors = (error.problem && error.problem.errors) || [];
    if (errors.length === 0) {
      throw error;
    }
    result.append(el('p', {}, `文件有 ${errors.length} 处错误，未导入任何内容：`),
        el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '工作表'), el('th', {}, '行'), el('th', {}, '错误'))),
            el('tbody', {}, errors.map((e) => el('tr', {}, el('td', {}, e.sheet || '—'), el('td', {}, e.row || '—'),
                el('td', {}, e.message))))));
  }
});

document.querySelectorAll('[data-template]').forEach((link) => link.addEventListener('click', async (event) => {
  event.preventDefault();
  try {
    const blob = await api('/api/admin/staff-import/' + link.dataset.template);
    const url = URL.createObjectURL(blob);
    el('a', {href: url, download: '人员导入模板.' + link.dataset.template.split('.').pop()}).click();
    URL.revokeObjectURL(url);
  } catch (error) {
    show(error.message);
  }
}));

$('#agency-select').addEventListener('change', (event) => loadAgency(event.target.value).catch((e) => show(e.message)));

$('#logout').addEventListener('click', () => {
  sessionStorage.removeItem('zhifa-setup');
  location.reload();
});

if (credentials) {
  // a reload keeps the login of this tab
  start().catch(() => sessionStorage.removeItem('zhifa-setup'));
}

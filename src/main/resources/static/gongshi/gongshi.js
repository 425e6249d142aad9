// The public disclosure page: reads /api/public/disclosures (published, redacted records only) and shows the list,
// one record, and the correction form. Plain DOM, no library: nothing is fetched from another site.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var statusLine = document.getElementById('status');

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function date(iso) {
    if (!iso) { return ''; }
    var d = iso.substring(0, 10).split('-');
    return d[0] + '年' + Number(d[1]) + '月' + Number(d[2]) + '日';
  }
  function get(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) {
      return r.json().then(function (body) { return { status: r.status, body: body }; });
    });
  }

  function showList() {
    var form = document.getElementById('search');
    ['q', 'from', 'to', 'kind'].forEach(function (name) {
      if (params.get(name)) { form.elements[name].value = params.get(name); }
    });
    var query = new URLSearchParams();
    ['q', 'from', 'to', 'kind', 'page'].forEach(function (name) {
      if (params.get(name)) { query.set(name, params.get(name)); }
    });
    get('/api/public/disclosures?' + query.toString()).then(function (answer) {
      if (answer.status !== 200) { statusLine.textContent = answer.body.detail || '查询失败'; statusLine.className = 'error'; return; }
      var page = answer.body;
      statusLine.textContent = '共 ' + page.total + ' 条';
      var body = document.querySelector('#list tbody');
      page.items.forEach(function (item) {
        var row = el('tr');
        var link = el('a', item.decisionNo);
        link.href = '/gongshi/?id=' + item.id;
        var first = el('td'); first.appendChild(link); row.appendChild(first);
        [item.target, item.category, item.conclusion, item.agencyName, date(item.decidedOn)].forEach(function (v) {
          row.appendChild(el('td', v));
        });
        body.appendChild(row);
      });
      document.getElementById('list').hidden = page.items.length === 0;
      var pages = document.getElementById('pages');
      var current = page.page;
      if (current > 0) { pages.appendChild(pageLink(current - 1, '上一页')); }
      if ((current + 1) * page.size < page.total) { pages.appendChild(pageLink(current + 1, '下一页')); }
      if (page.notices.length > 0) {
        var list = document.querySelector('#notices ul');
        page.notices.forEach(function (n) {
          list.appendChild(el('li', date(n.withdrawnAt) + ' ' + n.agencyName + ' 撤回 ' + n.decisionNo + '：' + n.notice));
        });
        document.getElementById('notices').hidden = false;
      }
    });
  }
  function pageLink(page, label) {
    var copy = new URLSearchParams(params); copy.set('page', page);
    var a = el('a', label); a.href = '/gongshi/?' + copy.toString(); a.style.marginRight = '1em';
    return a;
  }

  function showRecord(id) {
    document.getElementById('search').hidden = true;
    get('/api/public/disclosures/' + encodeURIComponent(id)).then(function (answer) {
      if (answer.status !== 200) { statusLine.textContent = answer.body.detail || '没有该公示信息'; statusLine.className = 'error'; return; }
      var r = answer.body;
      statusLine.textContent = '';
      var section = document.getElementById('detail');
      section.appendChild(el('h2', r.decisionNo));
      var dl = el('dl');
      [['执法机关', r.agencyName], ['执法对象', r.target], ['执法类别', r.category], ['执法结论', r.conclusion],
       ['决定文书号', r.decisionNo], ['立案时间', date(r.filedOn)], ['主要案由（违法事实）', r.facts], ['依据', r.basis],
       ['处罚内容', r.penalty], ['作出决定日期', date(r.decidedOn)], ['公示日期', date(r.publishedAt)],
       ['更正日期', date(r.correctedAt)], ['公示至', date(r.publicUntil)]].forEach(function (pair) {
        if (pair[1]) { dl.appendChild(el('dt', pair[0])); dl.appendChild(el('dd', pair[1])); }
      });
      section.appendChild(dl);
      if (r.fullText) {
        section.appendChild(el('h3', '决定书全文'));
        var full = el('pre', r.fullText); full.className = 'full-text'; section.appendChild(full);
      }
      section.appendChild(correctionForm(r.id));
      var back = el('a', '返回列表'); back.href = '/gongshi/'; section.appendChild(back);
      section.hidden = false;
    });
  }

  function correctionForm(id) {
    var form = el('form');
    form.appendChild(el('h3', '申请更正'));
    var reason = el('textarea'); reason.name = 'reason'; reason.required = true; reason.maxLength = 2000;
    var evidence = el('textarea'); evidence.name = 'evidence'; evidence.required = true; evidence.maxLength = 4000;
    var contact = el('input'); contact.name = 'contact'; contact.maxLength = 200;
    [['更正理由', reason], ['证据', evidence], ['联系方式（选填）', contact]].forEach(function (pair) {
      var label = el('label', pair[0]); label.appendChild(el('br')); label.appendChild(pair[1]);
      form.appendChild(label); form.appendChild(el('br'));
    });
    var submit = el('button', '提交'); submit.type = 'submit'; form.appendChild(submit);
    var result = el('p'); result.setAttribute('role', 'status'); form.appendChild(result);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch('/api/public/disclosures/' + id + '/corrections', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ reason: reason.value, evidence: evidence.value, contact: contact.value })
      }).then(function (r) { return r.json(); }).then(function (body) {
        result.textContent = body.message || body.detail || '提交失败';
      });
    });
    return form;
  }

  if (params.get('id')) { showRecord(params.get('id')); } else { showList(); }
})();

/*
 * Zhifa custom script shared by Tasklist, Cockpit, Admin and Welcome (customScripts: ['../zhifa/webapps'] in each
 * config.js). Two things the 7.24 webapps cannot be configured to do:
 *
 * 1. Names. Camunda always shows "firstName lastName" with a space; our directory stores the surname as firstName
 *    (StaffRegistry), so 张伟 would read "张 伟". Every text that is exactly a Chinese name split by one space is joined.
 * 2. Rights. The webapps offer buttons whatever the user may do. We ask the engine once per user what he may do and
 *    mark <html> with zhifa-may-* classes; brand.css hides the buttons of rights the user lacks (新建任务, editing
 *    Cockpit variables, Tasklist's ↗ link into Cockpit), so nobody is offered an action that can only fail.
 *
 * Exports no plugin.
 */
const SPLIT_NAME = /^([\u4e00-\u9fff\u3400-\u4dbf]{1,2}) ([\u4e00-\u9fff\u3400-\u4dbf]{1,3})$/;

function joinName(node) {
  const text = node.nodeValue;
  if (!text || text.length > 40) {
    return;
  }
  const match = text.trim().match(SPLIT_NAME);
  if (match) {
    node.nodeValue = text.replace(match[0], match[1] + match[2]);
  }
}

function joinNames(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    joinName(root);
    return;
  }
  if (!(root instanceof Element)) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    joinName(node);
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      joinName(mutation.target);
    } else {
      mutation.addedNodes.forEach(joinNames);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
joinNames(document.body);

// Resource types of org.camunda.bpm.engine.authorization.Resources.
const PROCESS_DEFINITION = 6;
const TASK = 7;
const PROCESS_INSTANCE = 8;
const RIGHTS = {
  'zhifa-may-create-task': [['CREATE', 'Task', TASK]],
  // Cockpit's variable table: any one of the engine's four ways to allow writing a running instance's variables
  'zhifa-may-edit-variables': [
    ['UPDATE', 'ProcessInstance', PROCESS_INSTANCE],
    ['UPDATE_VARIABLE', 'ProcessInstance', PROCESS_INSTANCE],
    ['UPDATE_INSTANCE', 'ProcessDefinition', PROCESS_DEFINITION],
    ['UPDATE_INSTANCE_VARIABLE', 'ProcessDefinition', PROCESS_DEFINITION],
  ],
};
const APP_ROOT = (document.querySelector('base[app-root]') || { getAttribute: () => '/camunda' }).getAttribute('app-root');
const ENGINE = (window.location.pathname.match(/\/app\/[\w-]+\/([\w-]+)\//) || [null, 'default'])[1];
let checkedUser = null;

async function authorized([permissionName, resourceName, resourceType]) {
  const query = new URLSearchParams({ permissionName, resourceName, resourceType, resourceId: '*' });
  const response = await fetch(`${APP_ROOT}/api/engine/engine/${ENGINE}/authorization/check?${query}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok && (await response.json()).authorized === true;
}

async function markRights() {
  const me = await fetch(`${APP_ROOT}/api/admin/auth/user/${ENGINE}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const user = me.ok ? await me.json() : {};
  const userId = user.userId || null;
  if (userId === checkedUser) {
    return;
  }
  checkedUser = userId;
  const root = document.documentElement;
  root.classList.toggle('zhifa-may-open-cockpit', (user.authorizedApps || []).includes('cockpit'));
  for (const [mark, checks] of Object.entries(RIGHTS)) {
    const results = userId ? await Promise.all(checks.map(authorized)) : [false];
    root.classList.toggle(mark, results.includes(true));
  }
  root.classList.add('zhifa-rights-known');
}

// the user changes at login and logout, and both change the location hash
window.addEventListener('hashchange', () => markRights().catch(console.error));
markRights().catch(console.error);

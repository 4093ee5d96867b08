/// <reference lib="dom" />
/**
 * The sandbox's Slack-like client: who you are, where you are, and drawing the server's snapshot again
 * whenever the live event stream says something changed.
 */
import { blocksOf } from '../shared/ids.js';
import type { ActionSource, RawValue, Snapshot } from '../shared/types.js';
import { liveSnapshot, post } from './api.js';
import { renderBlocks } from './blockkit.js';
import { CalendarPanel } from './calendar.js';
import { Composer, type Outgoing, type PlusMenu } from './composer.js';
import { fill, h } from './dom.js';
import { renderHeader } from './header.js';
import { type Lang, strings } from './i18n.js';
import { icon } from './icons.js';
import { type MessageContext, messageList, threadMessages } from './messages.js';
import { Modal } from './modal.js';
import { APP_CONV, renderSidebar } from './sidebar.js';
import { StepForm, stepsSection } from './stepForm.js';
import type { ComposerData } from './suggestions.js';
import { Tools } from './tools.js';

const $ = (id: string) => document.getElementById(id)!;
const stored = (key: string, fallback: string) => localStorage.getItem(`sd.${key}`) ?? fallback;

const ui = {
  snap: undefined as Snapshot | undefined,
  user: stored('user', 'UAIKO'),
  conv: stored('conv', 'CADVICE'),
  tab: 'home' as 'home' | 'messages',
  thread: undefined as { channel: string; ts: string } | undefined,
  panel: undefined as 'thread' | 'tools' | 'calendar' | undefined,
  lang: (stored('lang', 'ja') === 'en' ? 'en' : 'ja') as Lang,
  hidden: new Set<number>(),
  lastConv: '',
};
const s = () => strings[ui.lang];

/** Shows `text` for a while at the bottom of the page. */
const notice = (text: string, ms = 5000) => {
  const el = $('toast');
  el.textContent = text;
  el.hidden = false;
  setTimeout(() => (el.hidden = true), ms);
};
const toast = (e: unknown) => notice(s().failed(e instanceof Error ? e.message : String(e)));

const modal = new Modal($('modal'));
const stepForm = new StepForm($('step-form'));
const tools = new Tools(toast);
const dmOf = (user: string) =>
  ui.snap?.conversations.find((c) => c.isIm && c.members.includes(user))?.id ?? '';
const conversation = () => (ui.conv === APP_CONV ? dmOf(ui.user) : ui.conv);

const send = async (out: Outgoing, channel: string, threadTs?: string): Promise<boolean> => {
  try {
    if (out.kind === 'command') {
      // Slack itself refuses these before any app sees them, in its own words.
      const commands = ui.snap?.commands.map((c) => c.command) ?? [];
      if (threadTs) {
        notice(s().notInThread(out.command), 8000);
        return false;
      }
      if (!commands.includes(out.command)) {
        notice(s().notCommand(out.command, commands), 10000);
        return false;
      }
      await post('/sandbox/api/command', { user: ui.user, channel, command: out.command, text: out.text });
    } else {
      await post('/sandbox/api/message', {
        user: ui.user,
        channel,
        text: out.text,
        ...(threadTs ? { threadTs } : {}),
      });
    }
    return true;
  } catch (err) {
    toast(err);
    return false;
  }
};
const composer = new Composer('message', (out) => send(out, conversation()));
const calendar = new CalendarPanel(toast, (text) =>
  send({ kind: 'command', command: '/supporter', text }, conversation()),
);
const threadComposer = new Composer('reply', (out) => send(out, ui.thread?.channel ?? '', ui.thread?.ts));
$('composer-slot').append(composer.el);
$('panel-composer').append(threadComposer.el);

const openHome = (tab: 'home' | 'messages') =>
  void post('/sandbox/api/home-opened', { user: ui.user, tab }).catch(toast);

const go = (conv: string) => {
  ui.conv = conv;
  localStorage.setItem('sd.conv', conv);
  if (conv === APP_CONV) {
    ui.tab = 'home';
    openHome('home');
  }
  render();
  composer.focus();
};

const switchUser = (id: string) => {
  ui.user = id;
  localStorage.setItem('sd.user', id);
  ui.thread = undefined;
  if (ui.panel === 'thread') ui.panel = undefined;
  const canSee = ui.snap?.conversations.some((c) => c.id === ui.conv && c.members.includes(id));
  if (ui.conv !== APP_CONV && !canSee) ui.conv = ui.snap?.channels.advice ?? 'CADVICE';
  if (ui.conv === APP_CONV) openHome(ui.tab);
  render();
};

const appNameOf = (snap: Snapshot) =>
  snap.users.find((u) => u.id === snap.botUserId)?.realName ?? 'Supporter Desk';

/**
 * The composer's "+" menu: the manifest's global shortcuts, as Slack lists them (name, app), and its
 * Workflow Builder steps (`functions:`), each opening the sandbox's form for the step.
 */
const plusMenu = (snap: Snapshot): PlusMenu => ({
  label: s().composerPlus,
  empty: s().noShortcuts,
  sections: [
    {
      title: s().globalShortcuts,
      items: snap.shortcuts
        .filter((x) => x.type === 'global')
        .map((x) => ({
          label: x.name,
          detail: appNameOf(snap),
          title: x.description,
          pick: () =>
            void post('/sandbox/api/shortcut', { user: ui.user, callbackId: x.callbackId }).catch(toast),
        })),
    },
    stepsSection(snap.steps, s(), appNameOf(snap), (step) =>
      stepForm.open(step, {
        user: ui.user,
        users: snap.users.filter((u) => u.role !== 'bot'),
        s: s(),
        onError: toast,
      }),
    ),
  ],
});

/** What the composers' autocomplete offers: the manifest's commands, the people and the channels. */
const composerData = (snap: Snapshot): ComposerData => ({
  commands: snap.commands,
  members: snap.users.map(({ id, name, realName }) => ({ id, name, realName })),
  channels: snap.conversations.filter((c) => !c.isIm).map(({ id, name }) => ({ id, name })),
  appName: appNameOf(snap),
});

const messageContext = (snap: Snapshot): MessageContext => ({
  snap,
  user: ui.user,
  s: s(),
  hidden: ui.hidden,
  names: {
    user: (id) => snap.users.find((u) => u.id === id)?.realName ?? id,
    channel: (id) => snap.conversations.find((c) => c.id === id)?.name ?? id,
    // Slack shows `<!date^…>` in each reader's zone; the sandbox's people all live in its zone and clock.
    dates: { zone: snap.clock.timezone, now: new Date(snap.clock.now), lang: ui.lang },
  },
  openThread: (channel, ts) => {
    ui.thread = { channel, ts };
    ui.panel = 'thread';
    render();
    threadComposer.focus();
  },
  dismiss: (id) => {
    ui.hidden.add(id);
    render();
  },
  shortcuts: snap.shortcuts,
  appName: appNameOf(snap),
  messageShortcut: (channel, ts, callbackId) =>
    void post('/sandbox/api/shortcut', { user: ui.user, callbackId, message: { channel, ts } }).catch(toast),
  action: (source: ActionSource, blockId: string, actionId: string, selected?: RawValue) =>
    void post('/sandbox/api/action', {
      user: ui.user,
      source,
      blockId,
      actionId,
      selected: selected ?? null,
    }).catch(toast),
});

const header = (snap: Snapshot) =>
  renderHeader({
    snap,
    conv: ui.conv,
    tab: ui.tab,
    toolsOpen: ui.panel === 'tools',
    calendarOpen: ui.panel === 'calendar',
    s: s(),
    setTab: (t) => {
      ui.tab = t;
      openHome(t);
      render();
    },
    toggleTools: () => setPanel(ui.panel === 'tools' ? undefined : 'tools'),
    toggleCalendar: () => setPanel(ui.panel === 'calendar' ? undefined : 'calendar'),
  });

const setPanel = (panel: typeof ui.panel) => {
  if (ui.panel === 'calendar' && panel !== 'calendar') calendar.closed();
  ui.panel = panel;
  render();
};

const content = (snap: Snapshot, ctx: MessageContext) => {
  if (ui.conv !== APP_CONV || ui.tab === 'messages') return messageList(conversation(), ctx);
  const home = snap.homes[ui.user];
  if (!home) return h('div', { class: 'empty' }, s().homeEmpty);
  const source: ActionSource = { kind: 'view', viewId: home.id };
  return h(
    'div',
    { class: 'home', id: 'home-tab' },
    renderBlocks(blocksOf(home.view.blocks), {
      names: ctx.names,
      s: s(),
      onAction: (b, a, sel) => ctx.action(source, b, a, sel),
    }),
  );
};

const renderPanel = (snap: Snapshot, ctx: MessageContext) => {
  const panel = $('panel');
  panel.hidden = !ui.panel;
  $('panel-composer').hidden = ui.panel !== 'thread';
  const close = h(
    'button',
    {
      type: 'button',
      class: 'modal-x',
      'aria-label': s().close,
      onclick: () => setPanel(undefined),
    },
    icon('close', 18),
  );
  if (ui.panel === 'calendar') {
    calendar.update(snap, s(), ui.lang, ui.user);
    fill($('panel-head'), h('h2', {}, s().calendar), close);
    fill($('panel-body'), calendar.el);
  } else if (ui.panel === 'tools') {
    tools.update(snap, s(), ui.lang);
    fill($('panel-head'), h('h2', {}, s().tools), close);
    fill($('panel-body'), tools.el);
  } else if (ui.panel === 'thread' && ui.thread) {
    const channel = snap.conversations.find((c) => c.id === ui.thread?.channel);
    fill($('panel-head'), h('h2', {}, s().thread, h('small', {}, ` #${channel?.name ?? ''}`)), close);
    const body = $('panel-body');
    const atBottom = body.scrollHeight - body.scrollTop - body.clientHeight < 60;
    fill(body, h('div', { class: 'thread' }, ...threadMessages(ui.thread.channel, ui.thread.ts, ctx)));
    if (atBottom) body.scrollTop = body.scrollHeight;
    threadComposer.setup(s().reply, composerData(snap), plusMenu(snap));
  }
};

const render = () => {
  const snap = ui.snap;
  if (!snap) return;
  document.documentElement.lang = ui.lang;
  const ctx = messageContext(snap);
  fill(
    $('sidebar'),
    ...renderSidebar({
      snap,
      user: ui.user,
      conv: ui.conv,
      lang: ui.lang,
      s: s(),
      switchUser,
      open: go,
      toggleLang: () => {
        ui.lang = ui.lang === 'ja' ? 'en' : 'ja';
        localStorage.setItem('sd.lang', ui.lang);
        render();
      },
      reset: () => {
        if (confirm(s().resetConfirm)) void post('/sandbox/api/reset', {}).catch(toast);
      },
    }),
  );
  fill($('header'), ...header(snap));
  const list = $('content');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  const convKey = `${ui.user}|${ui.conv}|${ui.tab}`;
  fill(list, content(snap, ctx));
  if (atBottom || ui.lastConv !== convKey) list.scrollTop = list.scrollHeight;
  ui.lastConv = convKey;
  const convName = snap.conversations.find((c) => c.id === ui.conv)?.name;
  composer.setup(
    s().messageTo(ui.conv === APP_CONV ? 'Supporter Desk' : `#${convName ?? ''}`),
    composerData(snap),
    plusMenu(snap),
  );
  $('composer-slot').hidden = ui.conv === APP_CONV && ui.tab === 'home';
  renderPanel(snap, ctx);
  modal.update(snap.modals[ui.user], {
    user: ui.user,
    users: snap.users.filter((u) => u.role !== 'bot'),
    names: ctx.names,
    s: s(),
    onError: toast,
  });
};

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && ui.panel && $('modal').hidden) setPanel(undefined);
});

liveSnapshot({
  onSnapshot: (snap) => {
    ui.snap = snap;
    render();
  },
  onError: toast,
  onStatus: (up) => {
    $('offline').hidden = up;
    $('offline').textContent = s().offline;
  },
}).then(() => {
  if (ui.conv === APP_CONV) openHome(ui.tab);
});

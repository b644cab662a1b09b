// Readers of the blog in Node: many browser tabs on real Socket.IO connections, one event loop.
//
// The load generator of harness/load.py. Written for Node so that its own cost stays small beside
// the server's: one event loop, V8's JSON, no threads. It speaks what Reflex's frontend
// (.web/utils/state.js) speaks, with the socket.io-client version Reflex pins: a websocket to
// /_event with the tab's token in the query string and the hydrate event in the CONNECT packet,
// then events carrying router_data; it merges each update's delta into one object per state.
//
// It knows nothing of the right answers. Each finished action is printed as one JSON line with
// what the page would show (the post's slug and title, the explorer's result count); Python checks
// every one against the database (harness/readers.py).
//
// Protocol (stdin/stdout, one JSON object per line):
//   argv[2]         the run as JSON: urls (reader n uses urls[n % urls.length]), first, readers,
//                   seconds, think, actions, slugs, pros, words, explorer, tokenPrefix, timeout
//   -> {"type":"connected","failed":N}    every reader has opened the explorer (or failed to)
//   <- "go"                                start the measured window
//   -> {"type":"action",...}                one per finished action
//   -> {"type":"done","loop":{...}}         the window is over (its CPU time and event loop's
//                                           account); the sockets are closed
"use strict";

const { performance, monitorEventLoopDelay } = require("node:perf_hooks");
const readline = require("node:readline");
const { io } = require("socket.io-client");

const NAMESPACE = "/_event";
const VAR_SUFFIX = "_rx_state_";
const ROOT = "reflex___state____state";
const POST = `${ROOT}.blog_app___posts___post_state____post_state`;
const EXPLORER = `${ROOT}.blog_app___explorer___state____explorer_state`;
const ON_LOAD_INTERNAL = `${ROOT}.reflex___state____on_load_internal_state.on_load_internal`;
// Frontend events an answer may carry; anything else (an error toast, a script to run) is reported.
const EXPECTED_EVENTS = new Set(["_redirect"]);

const run = JSON.parse(process.argv[2]);
const timeoutMs = run.timeout * 1000;
const EXPLORER_PATH = run.explorer;

const emit = (record) => process.stdout.write(JSON.stringify(record) + "\n");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A small seeded generator (mulberry32): each reader's choices repeat from run to run.
const seeded = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const routerData = (url, route = {}) => {
  const [pathname, search = ""] = url.split("?");
  const query = { ...Object.fromEntries(new URLSearchParams(search)), ...route };
  return { pathname, asPath: url, query };
};

class Tab {
  constructor(number) {
    this.number = number;
    this.random = seeded(number + 1);
    this.state = {};
    this.events = [];
    this.url = EXPLORER_PATH;
    this.disconnected = false;
    this.waiters = new Set();
    const token = (this.token = `${run.tokenPrefix}-${String(number).padStart(12, "0")}`);
    this.base = run.urls[number % run.urls.length];
    this.socket = io(`${this.base}${NAMESPACE}`, {
      path: NAMESPACE,
      transports: ["websocket"],
      query: { token },
      auth: { event: { name: `${ROOT}.hydrate_and_load`, payload: {}, router_data: routerData(EXPLORER_PATH) } },
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
    });
    this.socket.on("event", (update) => this.onUpdate(update));
    this.socket.on("disconnect", () => {
      this.disconnected = true;
      this.wake();
    });
  }

  onUpdate(update) {
    for (const event of update.events ?? []) this.events.push(event);
    for (const [name, changes] of Object.entries(update.delta ?? {})) {
      const state = (this.state[name] ??= {});
      for (const [key, value] of Object.entries(changes)) {
        state[key.endsWith(VAR_SUFFIX) ? key.slice(0, -VAR_SUFFIX.length) : key] = value;
      }
    }
    this.wake();
  }

  wake() {
    for (const waiter of this.waiters) waiter();
  }

  // Resolves true once condition() holds, false on a timeout or a lost connection.
  waitUntil(condition) {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const check = () => (condition() ? done(true) : this.disconnected && done(false));
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(check);
    });
  }

  hydrated() {
    return Boolean(this.state[ROOT]?.is_hydrated);
  }

  send(handler, payload, url, route) {
    this.socket.emit("event", { name: handler, payload, router_data: routerData(url, route) });
  }

  // What the frontend's router does on a client-side navigation: not hydrated, then on_load_internal.
  async navigate(url, route) {
    (this.state[ROOT] ??= {}).is_hydrated = false;
    this.url = url;
    this.send(ON_LOAD_INTERNAL, {}, url, route);
    return (await this.waitUntil(() => this.hydrated())) ? null : this.lost();
  }

  lost() {
    return this.disconnected ? "disconnected" : "timeout";
  }

  async measure(action, steps) {
    const seen = this.events.length;
    const started = performance.now();
    const { events, failure = null, answer = null } = await steps();
    const ms = performance.now() - started;
    const unexpected = this.events.slice(seen).map((e) => e.name).filter((name) => !EXPECTED_EVENTS.has(name));
    const at = (performance.timeOrigin + started) / 1000; // wall clock, to find the server's account of it
    emit({ type: "action", reader: this.number, token: this.token, at, action, ms, events, url: this.url, answer, failure, unexpected });
  }

  explorerAnswer() {
    return { result_count: this.state[EXPLORER]?.view?.result_count ?? null };
  }

  openPost(action) {
    const slug = run.slugs[Math.floor(this.random() * run.slugs.length)];
    return this.measure(action, async () => {
      const failure = await this.navigate(`/blog/${slug}`, { slug });
      const post = this.state[POST] ?? {};
      return { events: 1, failure, answer: { slug: post.loaded_slug ?? null, title: post.post?.title ?? null } };
    });
  }

  async explorerEvent(action, handler, payload) {
    if (!this.url.startsWith(EXPLORER_PATH)) {
      await this.measure("explorer on_load", async () => ({
        events: 1,
        failure: await this.navigate(EXPLORER_PATH),
        answer: this.explorerAnswer(),
      }));
    }
    return this.measure(action, async () => {
      const seen = this.events.length;
      const redirect = () => this.events.slice(seen).find((e) => e.name === "_redirect");
      this.send(`${EXPLORER}.${handler}`, payload, this.url);
      if (!(await this.waitUntil(() => redirect() !== undefined))) {
        return { events: 1, failure: `${this.lost()} (no redirect)` };
      }
      const failure = await this.navigate(redirect().payload.path);
      return { events: 2, failure, answer: this.explorerAnswer() };
    });
  }

  toggleFilter(action) {
    const key = run.pros[Math.floor(this.random() * run.pros.length)];
    return this.explorerEvent(action, "toggle_trait", { kind: "pro", key });
  }

  search(action) {
    const current = new URLSearchParams(this.url.split("?")[1] ?? "").get("q") ?? "";
    const words = run.words.filter((word) => word !== current);
    return this.explorerEvent(action, "search", { text: words[Math.floor(this.random() * words.length)] });
  }

  // The smallest app event (toggle_filters flips one bool, no database): the event path's floor.
  flipFiltersPanel(action) {
    const opened = !this.state[EXPLORER]?.filters_open;
    return this.measure(action, async () => {
      this.send(`${EXPLORER}.toggle_filters`, {}, this.url);
      const flipped = await this.waitUntil(() => this.state[EXPLORER]?.filters_open === opened);
      return { events: 1, failure: flipped ? null : this.lost() };
    });
  }

  // GET /ping over HTTP from the same loop: the HTTP floor of the same server.
  ping(action) {
    return this.measure(action, async () => {
      try {
        const response = await fetch(`${this.base}/ping`, { signal: AbortSignal.timeout(timeoutMs) });
        await response.text();
        return { events: 0, failure: response.ok ? null : `HTTP ${response.status}` };
      } catch (error) {
        return { events: 0, failure: error.name };
      }
    });
  }

  async connect() {
    const connected = await new Promise((resolve) => {
      this.socket.once("connect", () => resolve(true));
      this.socket.once("connect_error", () => resolve(false));
    });
    return connected && (await this.waitUntil(() => this.hydrated()));
  }

  async act(until) {
    while (performance.now() < until && !this.disconnected) {
      // Think first: readers arriving together would otherwise click in lockstep.
      if (run.think) await sleep(Math.min(this.random() * 2 * run.think * 1000, Math.max(0, until - performance.now())));
      if (performance.now() >= until) break;
      const action = run.actions[Math.floor(this.random() * run.actions.length)];
      await ACTIONS[action].call(this, action);
    }
    if (this.disconnected) emit({ type: "action", reader: this.number, action: "connection", ms: 0, events: 0, failure: "disconnected" });
  }
}

const ACTIONS = {
  "post on_load": Tab.prototype.openPost,
  "filter change": Tab.prototype.toggleFilter,
  search: Tab.prototype.search,
  "floor: toggle_filters": Tab.prototype.flipFiltersPanel,
  "GET /ping": Tab.prototype.ping,
};

const waitForGo = () =>
  new Promise((resolve) => {
    const lines = readline.createInterface({ input: process.stdin });
    lines.once("line", () => {
      lines.close();
      resolve();
    });
  });

async function main() {
  const tabs = [];
  const connecting = [];
  for (let n = run.first; n < run.first + run.readers; n++) {
    const tab = new Tab(n);
    tabs.push(tab);
    connecting.push(tab.connect());
    await sleep(10); // a ramp, as readers arrive: 100 connections per second
  }
  const connected = await Promise.all(connecting);
  connected.forEach((ok, i) => {
    if (!ok) emit({ type: "action", reader: tabs[i].number, action: "connect", ms: 0, events: 1, failure: tabs[i].lost() });
  });
  emit({ type: "connected", failed: connected.filter((ok) => !ok).length });
  await waitForGo();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const busyBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + run.seconds * 1000;
  await Promise.all(tabs.filter((_, i) => connected[i]).map((tab) => tab.act(until)));
  delay.disable();
  const busy = performance.eventLoopUtilization(busyBefore).utilization;
  const cpu = process.cpuUsage(cpuBefore);
  for (const tab of tabs) tab.socket.disconnect();
  const loop = { utilization: busy, delay_p99_ms: delay.percentile(99) / 1e6, delay_max_ms: delay.max / 1e6 };
  // stdin stays open (Python holds it), which would keep the process alive: exit once the line is out.
  process.stdout.write(JSON.stringify({ type: "done", cpu_seconds: (cpu.user + cpu.system) / 1e6, loop }) + "\n", () =>
    process.exit(0),
  );
}

main().catch((error) => {
  emit({ type: "error", message: String(error?.stack ?? error) });
  process.exit(1);
});

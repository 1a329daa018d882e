// The Serum Run console page: plain JavaScript, no build step, nothing loaded from elsewhere.
// Everything shown comes from the console's JSON API; text is always set with textContent,
// never parsed as HTML, and the screen's SVG is shown as an image (it cannot run scripts).
"use strict";

const state = { settings: null, records: new Map(), selected: null, audio: null, busy: false };
const $ = (id) => document.getElementById(id);

// -- the API ------------------------------------------------------------------------------------
async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  let response;
  try {
    response = await fetch(path, options);
  } catch (error) {
    throw new Error("the console is not answering (is balto console still running?)");
  }
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    data = null;
  }
  if (!response.ok) {
    throw new Error((data && data.error) || `${response.status} ${response.statusText}`);
  }
  return data;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function run(action) {
  if (state.busy) return;
  state.busy = true;
  document.body.classList.add("busy");
  showError("");
  try {
    const data = await action();
    if (data) {
      if (data.settings) applySettings(data.settings);
      (data.records || []).forEach(addRecord);
    }
  } catch (error) {
    showError(error.message);
  } finally {
    state.busy = false;
    document.body.classList.remove("busy");
  }
}

// -- settings -----------------------------------------------------------------------------------
function fillSelect(select, values, current) {
  if (select.options.length !== values.length) {
    select.replaceChildren(...values.map((value) => new Option(value, value)));
  }
  select.value = current;
}

function applySettings(settings) {
  state.settings = settings;
  const user = $("user");
  if (document.activeElement !== user) user.value = settings.user;
  user.title = `Alexa user id: ${settings.user_id}`;
  fillSelect($("locale"), settings.locales, settings.locale);
  fillSelect($("device"), settings.devices, settings.device);
  $("clear-progress").disabled = !settings.progress_store;
  $("utterance").maxLength = settings.max_utterance_chars;
  $("session").textContent = settings.session_open
    ? `Session open: ${settings.session_id}`
    : "No session open: the next utterance opens one";
  $("session").classList.toggle("open", settings.session_open);
}

function changeSettings(changes) {
  run(() => api("/api/settings", changes));
}

// -- one record ---------------------------------------------------------------------------------
function text(element, value) {
  element.textContent = value == null ? "" : String(value);
  return element;
}

function cell(row, value) {
  text(row.insertCell(), value);
}

function fillSlots(node, record) {
  const table = node.querySelector(".slots");
  const body = table.querySelector("tbody");
  record.slots.filter((slot) => slot.value != null).forEach((slot) => {
    const row = body.insertRow();
    const resolution = slot.resolution;
    const values = resolution ? resolution.values.map((v) => `${v.name} (id ${v.id})`) : [];
    cell(row, slot.name);
    cell(row, slot.value);
    cell(row, resolution ? resolution.status : "not resolved (built-in type)");
    cell(row, values.join(", ") || "—");
  });
  table.hidden = body.rows.length === 0;
}

function fillExplain(node, explain) {
  if (!explain) return;
  const details = node.querySelector(".explain");
  details.hidden = false;
  const facts = details.querySelector(".explain-facts");
  const add = (term, value) => {
    facts.append(text(document.createElement("dt"), term), text(document.createElement("dd"), value));
  };
  add("matched sample", explain.sample == null ? "none" : explain.sample);
  add("score", `${explain.score.toFixed(2)} (parser: ${explain.parser})`);
  add("why", explain.reason);
  add("heard as", explain.utterance);
  const table = details.querySelector(".runner-ups");
  const body = table.querySelector("tbody");
  explain.runner_ups.forEach((alt) => {
    const row = body.insertRow();
    cell(row, alt.intent);
    cell(row, alt.score.toFixed(2));
    cell(row, alt.parser);
    cell(row, (alt.sample == null ? "—" : alt.sample) + (alt.detail ? ` (${alt.detail})` : ""));
  });
  table.hidden = explain.runner_ups.length === 0;
}

function fillJson(node, selector, value, name) {
  const details = node.querySelector(selector);
  const pre = details.querySelector("pre");
  const json = () => JSON.stringify(value, null, 2);
  details.addEventListener("toggle", () => {
    if (details.open && !pre.textContent) pre.textContent = json();
  });
  details.querySelector(".copy").addEventListener("click", (event) => {
    event.preventDefault();
    copy(json(), event.target, name);
  });
}

async function copy(value, button, name) {
  try {
    await navigator.clipboard.writeText(value);
  } catch (error) {
    const area = document.createElement("textarea");
    area.value = value;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  button.textContent = "Copied";
  button.title = `${name} copied to the clipboard`;
  setTimeout(() => { button.textContent = "Copy"; }, 1500);
}

function fillLists(node, record) {
  if (record.skill_log.length) {
    const log = node.querySelector(".skill-log");
    log.hidden = false;
    text(log.querySelector("pre"), record.skill_log.join("\n"));
  }
  const limits = node.querySelector(".limits");
  if (record.problems.length) {
    const problems = node.querySelector(".problems");
    problems.hidden = false;
    problems.open = true;
    record.problems.forEach((p) => problems.querySelector("ul").append(text(document.createElement("li"), p)));
    text(limits, `✗ ${record.problems.length} Alexa limit problem(s)`).classList.add("bad");
  } else {
    text(limits, "✓ within Alexa's limits").classList.add("good");
  }
}

function renderTurn(record) {
  const node = $("turn-template").content.firstElementChild.cloneNode(true);
  node.dataset.id = record.id;
  node.dataset.requestType = record.request_type;
  if (record.typed) {
    const you = node.querySelector(".you");
    you.hidden = false;
    text(you, `You: ${record.typed}`);
  }
  text(node.querySelector(".request-type"),
    `${record.request_type} · ${record.locale} · ${record.device} · user ${record.user}`);
  text(node.querySelector(".speech"), record.speech ? `Alexa: ${record.speech}` : "(Alexa says nothing)");
  if (record.reprompt) {
    const reprompt = node.querySelector(".reprompt");
    reprompt.hidden = false;
    text(reprompt, `Reprompt: ${record.reprompt}`);
  }
  text(node.querySelector(".session-state"), record.end_session ? "session ended" : "session stays open")
    .classList.add(record.end_session ? "ended" : "open");
  text(node.querySelector(".elapsed"), `${Math.round(record.elapsed_ms)} ms`);
  const intent = node.querySelector(".intent");
  if (record.intent) {
    text(intent.querySelector(".intent-name"), record.intent);
    fillSlots(node, record);
  } else {
    intent.hidden = true;
  }
  fillExplain(node, record.explain);
  fillLists(node, record);
  fillJson(node, ".request-json", record.request, "Request JSON");
  fillJson(node, ".response-json", record.response, "Response JSON");
  setupPlay(node.querySelector(".play"), record);
  node.addEventListener("click", (event) => {
    if (!event.target.closest("button, summary, pre")) select(record.id);
  });
  return node;
}

function addRecord(record) {
  state.records.set(record.id, record);
  const list = $("transcript");
  let node;
  if (record.kind === "note") {
    node = text(document.createElement("li"), record.text);
    node.className = "note";
    node.dataset.id = record.id;
  } else {
    node = renderTurn(record);
  }
  list.append(node);
  if (record.kind === "turn" && record.request_type !== "SessionEndedRequest") select(record.id);
  node.scrollIntoView({ block: "nearest" });
}

// -- speech -------------------------------------------------------------------------------------
function setupPlay(button, record) {
  if (!record.audio) {
    button.disabled = true;
    button.title = state.settings && !state.settings.speech
      ? "Install espeak-ng to hear replies (apt-get install espeak-ng), then restart the console"
      : "Nothing to say";
    return;
  }
  button.dataset.state = "idle";
  button.addEventListener("click", () => play(button, record));
}

function stopAudio() {
  if (!state.audio) return;
  state.audio.element.pause();
  state.audio.button.dataset.state = "stopped";
  state.audio.button.textContent = "▶ Play";
  state.audio = null;
}

function play(button, record) {
  if (state.audio && state.audio.button === button) {
    stopAudio();
    return;
  }
  stopAudio();
  const element = new Audio(`/api/turns/${record.id}/speech.wav`);
  state.audio = { element, button };
  button.dataset.state = "loading";
  button.textContent = "… Loading";
  element.addEventListener("playing", () => {
    button.dataset.state = "playing";
    button.dataset.duration = element.duration.toFixed(1);
    button.textContent = "■ Stop";
  });
  element.addEventListener("ended", () => {
    button.dataset.state = "ended";
    button.textContent = "▶ Play";
    if (state.audio && state.audio.element === element) state.audio = null;
  });
  element.addEventListener("error", async () => {
    button.dataset.state = "error";
    button.textContent = "▶ Play";
    if (state.audio && state.audio.element === element) state.audio = null;
    try {
      await api(`/api/turns/${record.id}/speech.wav`);
    } catch (error) {
      showError(`No audio: ${error.message}`);
    }
  });
  element.play().catch(() => {});
}

// -- the screen ---------------------------------------------------------------------------------
function cardNode(card) {
  const box = document.createElement("div");
  box.className = "card";
  box.append(text(document.createElement("h3"), card.title), text(document.createElement("p"), card.text));
  return box;
}

function select(id) {
  const record = state.records.get(id);
  if (!record || record.kind !== "turn") return;
  state.selected = id;
  document.querySelectorAll("#transcript .selected").forEach((n) => n.classList.remove("selected"));
  const node = document.querySelector(`#transcript [data-id="${id}"]`);
  if (node) node.classList.add("selected");
  showScreen(record);
}

function showScreen(record) {
  const screen = $("screen");
  const shown = record.screen;
  const old = screen.querySelector("img");
  if (old) URL.revokeObjectURL(old.src);
  screen.replaceChildren();
  screen.dataset.kind = shown.kind;
  text($("screen-title"), `Screen: ${shown.device} (turn ${record.id})`);
  text($("screen-note"), shown.note || "");
  if (shown.kind === "svg") {
    const image = document.createElement("img");
    image.alt = `What ${shown.device} shows for turn ${record.id}`;
    image.src = URL.createObjectURL(new Blob([shown.svg], { type: "image/svg+xml" }));
    screen.append(image);
    return;
  }
  if (shown.kind === "none") {
    screen.append(text(document.createElement("p"), "A speaker has no screen."));
    if (shown.card) screen.append(text(document.createElement("p"), "Card in the Alexa app:"));
  }
  if (shown.card) {
    screen.append(cardNode(shown.card));
  } else if (shown.kind === "card") {
    screen.append(text(document.createElement("p"), "This response has no card."));
  }
}

// -- wiring -------------------------------------------------------------------------------------
function say(utterance) {
  const value = utterance.trim();
  if (!value) return;
  run(async () => {
    const data = await api("/api/say", { text: value });
    $("utterance").value = "";
    return data;
  });
}

function wire() {
  $("say").addEventListener("submit", (event) => {
    event.preventDefault();
    say($("utterance").value);
  });
  document.querySelectorAll(".example").forEach((button) => {
    button.addEventListener("click", () => say(button.textContent));
  });
  $("settings").addEventListener("submit", (event) => {
    event.preventDefault();
    changeSettings({ user: $("user").value });
  });
  $("user").addEventListener("change", () => changeSettings({ user: $("user").value }));
  $("locale").addEventListener("change", () => changeSettings({ locale: $("locale").value }));
  $("device").addEventListener("change", () => changeSettings({ device: $("device").value }));
  $("new-session").addEventListener("click", () => run(() => api("/api/session/new", {})));
  $("clear-progress").addEventListener("click", () => {
    const who = state.settings ? state.settings.user : "this user";
    if (window.confirm(`Delete the saved story position of ${who}?`)) {
      run(() => api("/api/progress/clear", {}));
    }
  });
  $("clear-history").addEventListener("click", () => run(async () => {
    const data = await api("/api/history/clear", {});
    stopAudio();
    state.records.clear();
    $("transcript").replaceChildren();
    $("screen").replaceChildren(text(document.createElement("p"), "Nothing said yet."));
    $("screen").dataset.kind = "";
    text($("screen-title"), "Screen");
    text($("screen-note"), "");
    return data;
  }));
}

async function load() {
  wire();
  await run(async () => {
    const data = await api("/api/state");
    $("transcript").replaceChildren();
    return data;
  });
  $("utterance").focus();
}

document.addEventListener("DOMContentLoaded", load);

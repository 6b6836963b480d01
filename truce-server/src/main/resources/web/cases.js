/*
 * The joint-verification pages (desk, case, allegations, findings). Every case shown comes from the API already
 * projected for the signed-in person (the server's Visibility), so these pages never decide what is blind.
 * Every visible string comes from the message bundles through I18n.t. Unsafe requests carry X-CSRF-Token from
 * GET /api/session when the server issues one.
 */
"use strict";
const Cases = (() => {
  const $ = (id) => document.getElementById(id);
  const t = (id, vars) => I18n.t(id, vars);
  let session = {};

  async function loadSession() {
    try {
      const r = await fetch("/api/session", { credentials: "same-origin" });
      session = r.ok ? await r.json() : {};
    } catch (e) {
      session = {};
    }
  }

  /** Calls the API; throws an Error whose message is the problem's detail. */
  async function api(method, path, body, contentType) {
    const headers = {};
    if (method !== "GET" && session.csrf) headers["X-CSRF-Token"] = session.csrf;
    let payload;
    if (body !== undefined) {
      headers["Content-Type"] = contentType || "application/json";
      payload = contentType ? body : JSON.stringify(body);
    }
    const r = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (!r.ok) {
      const err = new Error(json && json.detail ? json.detail : `HTTP ${r.status}`);
      err.status = r.status;
      throw err;
    }
    return json;
  }

  function showError(e) {
    $("error").textContent = e ? t("cases.error", { reason: e.message }) : "";
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function row(cells) {
    const tr = el("tr");
    cells.forEach((c) => {
      const td = el("td");
      if (c instanceof Node) td.append(c); else td.textContent = c;
      tr.append(td);
    });
    return tr;
  }

  function caseLink(id) {
    const a = el("a", id);
    a.href = `/case.html?id=${encodeURIComponent(id)}`;
    a.dataset.caseId = id;
    return a;
  }

  function options(select, values, label, withNone) {
    select.replaceChildren();
    if (withNone) select.append(new Option(t("cases.none"), ""));
    values.forEach((v) => select.append(new Option(label ? label(v) : v, v)));
  }

  function state(s) {
    return t("cases.state." + s);
  }

  // ---- desk

  async function desk() {
    await deskTables();
    follow(() => deskTables().catch(showError));
  }

  async function deskTables() {
    const contingent = new URLSearchParams(location.search).get("contingent") || session.contingent;
    $("who").textContent = session.user ? t("cases.desk.signedIn", { user: session.user }) : "";
    const cases = await api("GET", "/api/cases");
    $("cases").replaceChildren(...cases.map((c) => row([caseLink(c.id), state(c.state), c.provision, I18n.time(c.deadline)])));
    if (contingent) {
      const queue = await api("GET", `/api/desk/${encodeURIComponent(contingent)}`);
      $("queue").replaceChildren(...queue.map((i) => row([caseLink(i.caseId), t("cases.task." + i.task),
        i.due ? I18n.time(i.due) : "", t("cases.urgency." + i.urgency), i.lock ? i.lock.holder : ""])));
    }
  }

  // ---- case

  let current = null;
  let agreement = null;
  let map = null;

  function slotView(contingent, slot) {
    const box = el("div", null, "side");
    box.dataset.contingent = contingent;
    box.append(el("h3", t("cases.case.contingent", { contingent })));
    const kind = el("p", t("cases.slot." + slot.kind), "kind slot-kind");
    box.append(kind);
    if (slot.kind === "submitted") box.append(el("p", I18n.time(slot.at), "muted"));
    if (slot.kind === "visible") {
      const a = slot.assessment;
      box.append(el("p", t("cases.happened." + a.happened)));
      box.append(el("p", t("cases.assessment.line", { provision: a.provision,
        attribution: a.attribution || t("cases.undetermined"), confidence: I18n.percent(a.confidence) })));
      box.append(el("p", a.text, "assessment-text"));
      box.append(el("p", t("cases.assessment.by", { author: a.author, time: I18n.time(a.submitted) }), "muted"));
    }
    return box;
  }

  function outcomeView(o) {
    if (!o) return el("p", t("cases.case.noOutcome"));
    if (o.kind === "finding") {
      const d = el("div", null, "finding");
      d.append(el("p", t("cases.verdict." + o.verdict), "kind outcome-verdict"));
      d.append(el("p", t("cases.finding.line", { attribution: o.attribution || t("cases.undetermined"),
        confidence: I18n.percent(o.confidence), provisions: o.provisions.join(", ") })));
      return d;
    }
    const d = el("div", null, "finding dissent");
    d.append(el("p", t("cases.outcome.dissent"), "kind outcome-verdict"));
    const sides = el("div", null, "sides");
    o.positions.forEach((p) => {
      const s = el("div", null, "side position");
      s.append(el("h3", t("cases.case.contingent", { contingent: p.contingent })));
      s.append(el("p", p.assessment ? t("cases.happened." + p.assessment.happened) : t("cases.slot.missing")));
      if (p.assessment) s.append(el("p", p.assessment.text, "assessment-text"));
      if (p.statement) s.append(el("p", p.statement, "statement"));
      sides.append(s);
    });
    d.append(sides);
    return d;
  }

  function renderCase(c) {
    current = c;
    $("case-id").textContent = c.id;
    $("case-state").textContent = state(c.state);
    $("case-state").dataset.state = c.state;
    $("case-provision").textContent = c.provision;
    $("case-deadline").textContent = I18n.time(c.deadline);
    $("slots").replaceChildren(...Object.entries(c.slots).map(([k, s]) => slotView(k, s)));
    const own = session.contingent && c.slots[session.contingent];
    $("assess-section").hidden = !(c.state === "ASSESSING" && (!session.contingent || (own && own.kind === "pending")));
    const rec = c.reconciliation;
    $("reconcile-section").hidden = c.state !== "RECONCILING";
    $("comments").replaceChildren(...(rec ? rec.comments : []).map((m) =>
      el("li", t("cases.comment.line", { contingent: m.contingent, author: m.author, time: I18n.time(m.at), text: m.text }))));
    const p = rec && rec.proposal;
    $("proposal").textContent = p ? t("cases.proposal.line", { contingent: p.by, verdict: t("cases.verdict." + p.finding.verdict),
      accepted: p.acceptedBy.join(", ") }) : t("cases.proposal.none");
    $("accept-proposal").hidden = !p;
    $("outcome").replaceChildren(outcomeView(c.outcome));
    $("approvals").textContent = c.approvals.length ? c.approvals.join(", ") : t("cases.none");
    const decided = c.state === "FINDING_AGREED" || c.state === "DISSENT_RECORDED";
    $("approve").hidden = !decided;
    $("publish").hidden = !decided;
  }

  /**
   * "Who is working on this": the lock of the signed-in person's contingent on the current case, from the desk
   * (the server keeps locks per contingent, with an expiry). Shown only to staff of a contingent.
   */
  async function showLock() {
    if (!session.contingent || !current) return;
    let item;
    try {
      const queue = await api("GET", `/api/desk/${encodeURIComponent(session.contingent)}`);
      item = queue.find((i) => i.caseId === current.id);
    } catch (e) {
      return;
    }
    $("lock-line").hidden = !item;
    if (!item) return;
    const lock = item.lock;
    const mine = lock && lock.holder === session.user;
    $("lock-holder").textContent = !lock ? t("cases.lock.free")
      : t(mine ? "cases.lock.mine" : "cases.lock.held", { holder: lock.holder, until: I18n.time(lock.expires) });
    $("lock-take").hidden = !!lock && !mine;
    $("lock-release").hidden = !mine;
  }

  async function lockAction(method) {
    try {
      showError(null);
      await api(method, `/api/cases/${encodeURIComponent(current.id)}/lock`);
    } catch (e) {
      showError(e);
    }
    await showLock();
  }

  /** Live updates: a change to this case (or, on the desk, any case) made by anyone refreshes the page's view. */
  function follow(onCase) {
    if (!window.EventSource) return;
    const source = new EventSource("/api/events");
    let pending = null;
    source.addEventListener("case", (ev) => {
      let c;
      try {
        c = JSON.parse(ev.data);
      } catch (e) {
        return;
      }
      clearTimeout(pending);
      pending = setTimeout(() => onCase(c), 150);
    });
    source.onerror = () => { /* the browser reconnects by itself; a 403 for a liaison officer just ends it */ };
  }

  async function act(method, suffix, body) {
    try {
      showError(null);
      renderCase(await api(method, `/api/cases/${encodeURIComponent(current.id)}${suffix}`, body));
    } catch (e) {
      showError(e);
    }
  }

  async function incidentAndMap(c) {
    let incident;
    try {
      incident = await api("GET", `/api/incidents/${encodeURIComponent(c.incidentId)}`);
    } catch (e) {
      $("incident-summary").textContent = t("cases.case.incidentHidden");
      return;
    }
    $("incident-summary").textContent = t("cases.case.incidentLine", { id: incident.id, zone: incident.zone,
      start: I18n.time(incident.start), end: I18n.time(incident.end), summary: incident.summary });
    if (window.L) {
      map = L.map("case-map").setView([incident.place.lat, incident.place.lon], 12);
      L.circle([incident.place.lat, incident.place.lon], { radius: Math.max(incident.uncertaintyM, 50), color: "#d62728" })
        .addTo(map).bindTooltip(incident.id);
    }
    const items = [];
    for (const id of incident.evidence) {
      const li = el("li", id, "evidence-item");
      items.push(li);
      api("GET", `/api/observations/${encodeURIComponent(id)}`).then((o) => {
        const obs = o.observation || o;
        li.textContent = t("cases.case.observation", { id, kind: obs.kind || "", asset: obs.asset || "", time: I18n.time(obs.time) });
        const at = obs.location || obs.position;
        if (map && at && at.lat !== undefined) L.circleMarker([at.lat, at.lon], { radius: 4 }).addTo(map).bindTooltip(id);
      }).catch(() => { /* the id stays listed */ });
    }
    $("evidence").replaceChildren(...items);
    // Coverage over the incident's hours: "not seen" is not "not there", so the case shows what was watched.
    try {
      const to = new Date(Math.max(Date.parse(incident.end), Date.parse(incident.start) + 1000)).toISOString();
      const cov = await api("GET", `/api/coverage?from=${encodeURIComponent(incident.start)}&to=${encodeURIComponent(to)}`);
      const zone = cov.features.find((f) => f.id === incident.zone);
      const p = zone ? zone.properties : null;
      $("coverage").textContent = p ? t("cases.case.coverageLine", { zone: incident.zone,
        observed: t(p.observed ? "cases.coverage.observed" : "cases.coverage.unobserved"),
        probability: I18n.percent(p.probability), assets: p.assets.join(", ") || t("cases.none") })
        : t("cases.case.coverageNone");
      if (map) {
        L.geoJSON(cov, { style: (f) => ({ color: f.properties.observed ? "#2e7d32" : "#9e9e9e", weight: 2, fillOpacity: 0.05 }) })
          .addTo(map);
      }
    } catch (e) {
      $("coverage").textContent = t("cases.case.coverageNone");
    }
  }

  async function casePage() {
    const id = new URLSearchParams(location.search).get("id");
    agreement = await api("GET", "/api/agreement");
    const provisions = agreement.provisions.map((p) => p.id);
    const parties = agreement.parties.map((p) => p.id);
    options($("assess-happened"), ["YES", "NO", "UNDETERMINED"], (h) => t("cases.happened." + h));
    options($("assess-provision"), provisions);
    options($("assess-attribution"), parties, null, true);
    options($("propose-verdict"), ["CONFIRMED", "NOT_CONFIRMED", "INCONCLUSIVE"], (v) => t("cases.verdict." + v));
    options($("propose-attribution"), parties, null, true);
    const c = await api("GET", `/api/cases/${encodeURIComponent(id)}`);
    renderCase(c);
    $("assess-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const body = { happened: $("assess-happened").value, provision: $("assess-provision").value,
        confidence: Number($("assess-confidence").value), text: $("assess-text").value, evidence: [] };
      if ($("assess-attribution").value) body.attribution = $("assess-attribution").value;
      act("POST", "/assessment", body);
    });
    $("comment-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      act("POST", "/comments", { text: $("comment-text").value });
    });
    $("propose-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const body = { verdict: $("propose-verdict").value, confidence: Number($("propose-confidence").value),
        provisions: [current.provision] };
      if ($("propose-attribution").value) body.attribution = $("propose-attribution").value;
      act("POST", "/proposal", body);
    });
    $("accept-proposal").addEventListener("click", () => act("POST", "/proposal/accept"));
    $("dissent-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      act("POST", "/dissent", { statement: $("dissent-statement").value });
    });
    $("approve").addEventListener("click", () => act("POST", "/approval"));
    $("publish").addEventListener("click", () => act("POST", "/publish"));
    $("lock-take").addEventListener("click", () => lockAction("PUT"));
    $("lock-release").addEventListener("click", () => lockAction("DELETE"));
    await showLock();
    follow(async (changed) => {
      if (changed.id !== current.id) return;
      renderCase(changed);
      await showLock();
    });
    await incidentAndMap(c);
  }

  // ---- allegations

  async function listAllegations() {
    const all = await api("GET", "/api/allegations");
    $("allegations").replaceChildren(...all.map((a) => {
      const tr = row([a.id, I18n.time(a.filed), a.description, t("cases.allegation." + a.status), a.reason]);
      tr.dataset.allegationId = a.id;
      return tr;
    }));
  }

  async function allegationsPage() {
    agreement = await api("GET", "/api/agreement");
    options($("al-provision"), agreement.provisions.map((p) => p.id));
    $("file-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const body = { from: $("al-from").value, description: $("al-description").value, provision: $("al-provision").value,
        area: { kind: "circle", center: { lat: Number($("al-lat").value), lon: Number($("al-lon").value) },
          radiusM: Number($("al-radius").value) },
        sources: $("al-sources").value.split("|").map((s) => s.trim()).filter((s) => s) };
      if ($("al-to").value) body.to = $("al-to").value;
      try {
        showError(null);
        await api("POST", "/api/allegations", body);
        await listAllegations();
      } catch (e) {
        showError(e);
      }
    });
    $("import-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const file = $("import-file").files[0];
      if (!file) return;
      try {
        showError(null);
        const r = await api("POST", "/api/allegations/import", await file.text(), "text/csv");
        $("import-result").textContent = t("cases.import.result", { accepted: r.accepted.length, rejected: r.rejected.length })
          + "\n" + r.rejected.map((x) => t("cases.import.rowError", { line: x.line, field: x.field, detail: x.detail })).join("\n");
        await listAllegations();
      } catch (e) {
        showError(e);
      }
    });
    await listAllegations();
  }

  // ---- findings

  /**
   * The daily joint report of a chosen day, in the page's language: the public edition for everyone, the restricted
   * one too for staff and auditors. The default day is the last whole UTC day of the center's clock.
   */
  async function reportForm() {
    const clock = await api("GET", "/api/clock");
    const day = new Date(Date.parse(clock.time) - 86400000).toISOString().slice(0, 10);
    $("report-date").value = day;
    $("report-date").max = clock.time.slice(0, 10);
    const mayRestricted = ["ANALYST", "DUTY_OFFICER", "HEAD_OF_CONTINGENT", "AUDITOR"].includes(session.role);
    if (mayRestricted) {
      options($("report-edition"), ["public", "restricted"], (e) => t("cases.report.edition." + e));
      $("report-edition").hidden = false;
    }
    $("report-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const restricted = mayRestricted && $("report-edition").value === "restricted";
      const url = `/api/reports/daily/${encodeURIComponent($("report-date").value)}${restricted ? "/restricted" : ""}`
        + `?format=${$("report-format").value}&lang=${encodeURIComponent(document.documentElement.lang || "en")}`;
      window.open(url, "_blank", "noopener");
    });
  }

  async function findingsPage() {
    await reportForm();
    const published = await api("GET", "/api/cases?state=PUBLISHED");
    $("findings-count").textContent = t("cases.findings.count", { count: published.length });
    $("findings").replaceChildren(...published.map((c) => {
      const box = el("div", null, "published");
      box.dataset.caseId = c.id;
      box.append(el("h2", t("cases.findings.caseLine", { id: c.id, provision: c.provision, time: I18n.time(c.published) })));
      box.append(outcomeView(c.outcome));
      return box;
    }));
  }

  async function start() {
    await I18n.load();
    I18n.apply(document);
    I18n.bindSelector($("lang-select"));
    await loadSession();
    const page = document.body.dataset.page;
    try {
      if (page === "desk") await desk();
      if (page === "case") await casePage();
      if (page === "allegations") await allegationsPage();
      if (page === "findings") await findingsPage();
    } catch (e) {
      showError(e);
    }
    document.body.dataset.ready = "true";
  }

  return { start, api };
})();
Cases.start();

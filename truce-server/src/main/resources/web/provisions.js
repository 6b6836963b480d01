/*
 * The implementation tracker page: every provision's status from /api/provisions in a table, then per provision
 * its timeline from /api/provisions/{id} drawn as a plain SVG chart (one lane for the provision, one per rule),
 * its status changes with their evidence, and its versions (amendments). ?at=<ISO instant> on the page URL asks
 * for the status at that instant. Every string comes from I18n; times are shown in UTC, per the page's language.
 */
"use strict";
(() => {
  const t = (id, vars) => I18n.t(id, vars);
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const EVIDENCE_SHOWN = 5;
  const at = new URLSearchParams(window.location.search).get("at");
  const query = at ? `?at=${encodeURIComponent(at)}` : "";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  const cssId = (id) => String(id).replace(/[^A-Za-z0-9_-]/g, "_");
  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  // ---------- text ----------
  const statusText = (s) => t("provisions.status." + s);
  const ruleTypeText = (type) => (I18n.has("rule.type." + type) ? t("rule.type." + type) : type);
  function reasonText(change) {
    return t("provisions.reason." + change.reason, { deadline: I18n.time(change.deadline),
      version: change.version === undefined ? "" : I18n.number(change.version, 0), rule: change.rule || "" });
  }
  function badge(status) {
    return el("span", { class: `badge status-${status}`, dataset: { status } }, statusText(status));
  }
  // Dates only (axis ticks), in UTC like every time on the page.
  let dayFormat = null;
  const day = (ms) => dayFormat.format(new Date(ms));
  const date = (iso) => (iso ? new Intl.DateTimeFormat(I18n.locale, { timeZone: "UTC", year: "numeric",
    month: "short", day: "numeric" }).format(new Date(`${iso}T00:00:00Z`)) : "");

  function evidenceItem(e) {
    if (e.kind === "incident") {
      return el("li", { dataset: { evidence: "incident", id: e.id } },
        el("a", { href: `/api/incidents/${encodeURIComponent(e.id)}`, target: "_blank", rel: "noopener" },
          t("provisions.evidence.incident", { id: e.id, start: I18n.time(e.start), end: I18n.time(e.end),
            state: t("incident.state." + e.state) })));
    }
    if (e.kind === "coverage") {
      return el("li", { dataset: { evidence: "coverage" } }, t("provisions.evidence.coverage", {
        assets: e.assets.join(", "), probability: I18n.percent(e.probability), from: I18n.time(e.from),
        to: I18n.time(e.to) }));
    }
    return el("li", { dataset: { evidence: "amendment" } }, t("provisions.evidence.amendment", {
      version: I18n.number(e.version, 0), adopted: date(e.adopted), source: e.source }));
  }
  function evidenceList(evidence) {
    if (!evidence || evidence.length === 0) return null;
    const list = el("ul", { class: "evidence-list" }, ...evidence.slice(0, EVIDENCE_SHOWN).map(evidenceItem));
    if (evidence.length > EVIDENCE_SHOWN) {
      list.append(el("li", {}, t("provisions.evidence.more", { count: I18n.number(evidence.length - EVIDENCE_SHOWN, 0) })));
    }
    return list;
  }

  // ---------- table ----------
  function tableRow(p) {
    const change = p.change;
    return el("tr", { dataset: { provisionId: p.id, status: p.status } },
      el("td", { class: "pid" }, el("a", { href: `#p-${cssId(p.id)}` }, p.id)),
      el("td", { class: "ptitle" }, p.title),
      el("td", { class: "pstatus" }, badge(p.status)),
      el("td", { class: "psince" }, p.since ? I18n.time(p.since) : ""),
      el("td", { class: "preason" }, change ? reasonText(change) : t("provisions.reason.NOT_YET_IN_FORCE")),
      el("td", { class: "pversion" }, p.version === undefined ? t("provisions.notInForce")
        : t("provisions.versionValue", { version: I18n.number(p.version, 0) })));
  }

  // ---------- chart ----------
  /** One lane per obligation under an overall lane; segments coloured by status, deadlines, versions, "as of". */
  function chart(tl) {
    const lanes = [{ label: t("provisions.timeline.overall"), changes: tl.changes, id: "overall" }];
    if (tl.obligations.length > 1 || (tl.obligations.length === 1 && tl.obligations[0].changes.length !== tl.changes.length)) {
      for (const o of tl.obligations) lanes.push({ label: o.rule, changes: o.changes, id: o.rule });
    }
    const asOf = Date.parse(tl.asOf);
    let start = Date.parse(tl.versions[0].validFrom);
    for (const lane of lanes) if (lane.changes.length) start = Math.min(start, Date.parse(lane.changes[0].at));
    // Deadlines still ahead stretch the chart so the remaining time shows.
    const deadlines = new Set();
    for (const lane of lanes) for (const c of lane.changes) if (c.deadline) deadlines.add(c.deadline);
    let end = asOf;
    for (const d of deadlines) end = Math.max(end, Date.parse(d));
    if (end <= start) end = start + 86_400_000;
    end += (end - start) * 0.02;

    const width = 1000, left = 150, right = 12, laneH = 22, gap = 6, top = 20;
    const plotW = width - left - right;
    const height = top + lanes.length * (laneH + gap) + 34;
    const x = (ms) => left + ((ms - start) / (end - start)) * plotW;
    const root = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": t("provisions.timeline") });
    root.append(svg("defs", {}, svg("pattern", { id: "future-hatch", width: 6, height: 6,
      patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    svg("rect", { width: 6, height: 6, fill: "#f5f5f5" }), svg("line", { x1: 0, y1: 0, x2: 0, y2: 6,
      stroke: "#cfd8dc", "stroke-width": 2 }))));

    lanes.forEach((lane, n) => {
      const y = top + n * (laneH + gap);
      const g = svg("g", { class: "lane", "data-lane": lane.id });
      g.append(svg("text", { class: "lane-label", x: left - 6, y: y + laneH / 2 + 4, "text-anchor": "end" }, lane.label));
      lane.changes.forEach((c, i) => {
        const from = Date.parse(c.at);
        const to = i + 1 < lane.changes.length ? Date.parse(lane.changes[i + 1].at) : asOf;
        const x0 = x(Math.max(from, start));
        const w = Math.max(x(to) - x0, 2); // a violation seen once still shows
        g.append(svg("rect", { class: `seg status-${c.status}`, "data-status": c.status, x: x0, y, width: w,
          height: laneH }, svg("title", {}, t("provisions.timeline.segment", { status: statusText(c.status),
          from: I18n.time(c.at), to: I18n.time(i + 1 < lane.changes.length ? lane.changes[i + 1].at : tl.asOf) }))));
      });
      if (end > asOf) {
        g.append(svg("rect", { class: "future", x: x(asOf), y, width: x(end) - x(asOf), height: laneH },
          svg("title", {}, t("provisions.timeline.future"))));
      }
      const own = new Set(lane.changes.map((c) => c.deadline).filter(Boolean));
      for (const d of own) {
        g.append(svg("line", { class: "deadline", x1: x(Date.parse(d)), x2: x(Date.parse(d)), y1: y - 2,
          y2: y + laneH + 2 }, svg("title", {}, t("provisions.timeline.deadline", { deadline: I18n.time(d) }))));
      }
      root.append(g);
    });
    const bottom = top + lanes.length * (laneH + gap);
    tl.versions.slice(1).forEach((v) => {
      const vx = x(Date.parse(v.validFrom));
      if (vx < left || vx > width - right) return;
      root.append(svg("line", { class: "version-line", x1: vx, x2: vx, y1: top - 12, y2: bottom }));
      root.append(svg("text", { class: "axis-label", x: vx + 3, y: top - 4 },
        t("provisions.timeline.version", { version: I18n.number(v.version, 0) })));
    });
    root.append(svg("line", { class: "asof", x1: x(asOf), x2: x(asOf), y1: top - 12, y2: bottom },
      svg("title", {}, `${t("provisions.timeline.asOf")} ${I18n.time(tl.asOf)}`)));
    const ticks = 6;
    for (let k = 0; k <= ticks; k++) {
      const ms = start + ((end - start) * k) / ticks;
      root.append(svg("text", { class: "axis-label tick", x: x(ms), y: bottom + 12,
        "text-anchor": k === 0 ? "start" : k === ticks ? "end" : "middle" }, day(ms)));
    }
    root.append(svg("text", { class: "axis-label", x: left, y: bottom + 28 }, t("provisions.timeline.axis")));
    return root;
  }

  // ---------- details ----------
  /**
   * Consecutive changes with one status as one entry: from its first time, with the latest reason and every piece
   * of evidence met on the way (each once). The chart above keeps every change.
   */
  function groupByStatus(changes) {
    const groups = [];
    for (const c of changes) {
      const last = groups[groups.length - 1];
      if (last && last.status === c.status) {
        last.latest = c;
        last.count++;
      } else {
        groups.push({ status: c.status, first: c, latest: c, count: 1, evidence: new Map() });
      }
      const g = groups[groups.length - 1];
      for (const e of c.evidence) g.evidence.set(JSON.stringify([e.kind, e.id, e.from, e.version]), e);
    }
    return groups;
  }
  function changeItem(g, showRule) {
    const li = el("li", { dataset: { status: g.status, at: g.first.at, changes: String(g.count) } },
      t("provisions.changeRow", { time: I18n.time(g.first.at), status: statusText(g.status), reason: reasonText(g.latest) }));
    if (g.latest.rule && showRule) li.append(" ", el("span", { class: "obligation-title" }, `[${g.latest.rule}]`));
    const ev = evidenceList([...g.evidence.values()]);
    if (ev) li.append(ev);
    return li;
  }
  function history(title, changes, showRule, rule) {
    return el("details", { class: "history", dataset: rule ? { rule } : {} },
      el("summary", {}, title),
      el("ol", { class: "changes" }, ...groupByStatus(changes).map((g) => changeItem(g, showRule))));
  }
  function versionItem(v) {
    const term = v.validTo
      ? t("provisions.versionTermTo", { version: I18n.number(v.version, 0), from: I18n.time(v.validFrom), to: I18n.time(v.validTo) })
      : t("provisions.versionTerm", { version: I18n.number(v.version, 0), from: I18n.time(v.validFrom) });
    let state = t("provisions.versionState." + v.state);
    if (v.state === "SUPERSEDED" && v.supersededBy !== undefined) {
      state += " " + t("provisions.supersededBy", { version: I18n.number(v.supersededBy, 0) });
    }
    const li = el("li", { dataset: { version: String(v.version), state: v.state } },
      el("strong", {}, term), ` — ${state}; ${t("provisions.versionAdopted", { date: date(v.adopted) })}`);
    const what = v.changes.length === 0 ? [t("provisions.firstVersion")] : v.changes.map((c) =>
      t("provisions.ruleChange." + c.kind, { rule: c.rule, before: I18n.time(c.deadlineBefore), after: I18n.time(c.deadlineAfter) }));
    li.append(el("ul", { class: "evidence-list" }, ...what.map((w) => el("li", { class: "version-change" }, w)),
      el("li", {}, `${t("provisions.source")}: ${v.source}`),
      ...(v.note ? [el("li", {}, `${t("provisions.note")}: ${v.note}`)] : [])));
    return li;
  }
  function details(tl, text) {
    const section = el("section", { class: "provision", id: `p-${cssId(tl.id)}`, dataset: { provisionId: tl.id } },
      el("h2", {}, `${tl.id} — ${tl.title} `, badge(tl.changes.length ? tl.changes[tl.changes.length - 1].status : "PENDING")),
      el("p", { class: "provision-text" }, text),
      el("h3", {}, t("provisions.timeline")), chart(tl),
      history(t("provisions.changes"), tl.changes, tl.obligations.length > 1));
    for (const o of tl.obligations.length > 1 ? tl.obligations : []) {
      section.append(history(t("provisions.obligation", { rule: o.rule, type: ruleTypeText(o.ruleType), zone: o.zone }),
        o.changes, false, o.rule));
    }
    section.append(el("h3", {}, t("provisions.versions")), el("ol", { class: "versions" }, ...tl.versions.map(versionItem)));
    return section;
  }

  async function main() {
    await I18n.load();
    I18n.apply(document);
    I18n.bindSelector($("lang-select"));
    dayFormat = new Intl.DateTimeFormat(I18n.locale, { timeZone: "UTC", month: "short", day: "numeric" });
    $("api-link").setAttribute("href", `/api/provisions${query}`);
    const [agreement, list] = await Promise.all([getJson("/api/agreement"), getJson(`/api/provisions${query}`)]);
    $("agreement-title").textContent = agreement.title;
    $("as-of").textContent = I18n.time(list.asOf);
    $("as-of").setAttribute("datetime", list.asOf);
    $("provision-count").textContent = t("provisions.count", { count: I18n.number(list.provisions.length, 0) });
    $("provisions-body").replaceChildren(...list.provisions.map(tableRow));
    const texts = new Map(agreement.provisions.map((p) => [p.id, p.text]));
    const timelines = await Promise.all(list.provisions.map((p) =>
      getJson(`/api/provisions/${encodeURIComponent(p.id)}${query}`)));
    $("provision-details").replaceChildren(...timelines.map((tl) => details(tl, texts.get(tl.id) || "")));
    document.body.dataset.ready = "true";
  }

  main().catch((e) => {
    console.error(e);
    $("provision-count").textContent = t("app.loadFailed", { what: "/api/provisions", reason: e.message });
    document.body.dataset.ready = "failed";
  });
})();

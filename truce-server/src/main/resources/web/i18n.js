/*
 * The page's one source of UI text: a message bundle (web/i18n/<lang>.json) keyed by message id.
 * Every visible string goes through I18n.t(id, vars); placeholders are {name}. A missing id shows as
 * [[id]] so an untranslated string is visible rather than silently English.
 */
"use strict";
const I18n = (() => {
  let messages = {};
  let lang = "en";

  function requestedLanguage() {
    const fromUrl = new URLSearchParams(window.location.search).get("lang");
    const candidate = (fromUrl || navigator.language || "en").toLowerCase().split("-")[0];
    return /^[a-z]{2,3}$/.test(candidate) ? candidate : "en";
  }

  async function fetchBundle(code) {
    const response = await fetch(`/i18n/${code}.json`, { cache: "no-cache" });
    if (!response.ok) throw new Error(`bundle ${code}: HTTP ${response.status}`);
    return response.json();
  }

  async function load() {
    const wanted = requestedLanguage();
    const english = await fetchBundle("en");
    let chosen = {};
    if (wanted !== "en") {
      try {
        chosen = await fetchBundle(wanted);
        lang = wanted;
      } catch (e) {
        console.warn(`no message bundle for '${wanted}', using English`, e);
      }
    }
    // English fills any id the chosen bundle lacks, so a partial translation still shows every string.
    messages = Object.assign({}, english, chosen);
    document.documentElement.lang = lang;
  }

  function t(id, vars) {
    const template = messages[id];
    if (template === undefined) {
      console.warn(`missing message id ${id}`);
      return `[[${id}]]`;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      vars && vars[name] !== undefined ? String(vars[name]) : whole);
  }

  function has(id) {
    return messages[id] !== undefined;
  }

  function apply(root) {
    root.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  }

  return { load, t, has, apply, get lang() { return lang; } };
})();

/*
 * The page's one source of UI text: a message bundle (web/i18n/<lang>.json) keyed by message id.
 * Every visible string goes through I18n.t(id, vars); placeholders are {name}. A missing id shows as
 * [[id]] so an untranslated string is visible rather than silently English.
 * The language is ?lang= on the URL, else the one last chosen in the header (localStorage), else the first
 * supported entry of navigator.languages, else English. Dates, times and numbers are formatted with Intl for
 * that language; times are always shown in UTC and say so, because every time inside Truce is UTC.
 */
"use strict";
const I18n = (() => {
  const SUPPORTED = ["en", "ru", "tr"];
  // The Intl locale per bundle: en-GB writes day before month and a 24-hour clock, like the other two.
  const LOCALES = { en: "en-GB", ru: "ru-RU", tr: "tr-TR" };
  const STORAGE_KEY = "truce.lang";
  let messages = {};
  let lang = "en";
  let dateFormat = null;

  function primary(tag) {
    return String(tag || "").toLowerCase().split("-")[0];
  }

  function stored() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null; // storage disabled: the choice just does not persist
    }
  }

  function requestedLanguage() {
    const fromUrl = primary(new URLSearchParams(window.location.search).get("lang"));
    if (SUPPORTED.includes(fromUrl)) return fromUrl;
    const remembered = primary(stored());
    if (SUPPORTED.includes(remembered)) return remembered;
    const browser = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language])
      .map(primary).find((l) => SUPPORTED.includes(l));
    return browser || "en";
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
    lang = "en";
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
    dateFormat = new Intl.DateTimeFormat(locale(), { timeZone: "UTC", year: "numeric", month: "short",
      day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    document.documentElement.lang = lang;
  }

  function locale() {
    return LOCALES[lang] || lang;
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

  /** An ISO-8601 instant as a date and time in UTC, in the page's language, marked UTC; "" for none. */
  function time(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : t("common.timeUtc", { time: dateFormat.format(d) });
  }

  /** A number in the page's language; fractionDigits fixes the decimals (default: at most 3). */
  function number(x, fractionDigits) {
    const options = fractionDigits === undefined ? {}
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
    return new Intl.NumberFormat(locale(), options).format(Number(x));
  }

  /** A fraction 0..1 as a whole percentage in the page's language (92 %, %92, 92%). */
  function percent(fraction) {
    return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 0 }).format(Number(fraction));
  }

  /**
   * Fills the language selector {@code select} with one option per supported language, each named by its
   * "lang.<code>" message. Choosing one remembers it (localStorage) and puts it on the URL, then reloads: the page
   * re-reads its data and renders every text, popup and tooltip again in the new language.
   */
  function bindSelector(select) {
    select.replaceChildren(...SUPPORTED.map((code) => {
      const option = document.createElement("option");
      option.value = code;
      option.textContent = t("lang." + code);
      option.selected = code === lang;
      return option;
    }));
    select.addEventListener("change", () => {
      try {
        window.localStorage.setItem(STORAGE_KEY, select.value);
      } catch (e) {
        console.warn("language choice not remembered", e);
      }
      const url = new URL(window.location.href);
      url.searchParams.set("lang", select.value);
      window.location.assign(url.toString());
    });
  }

  return { load, t, has, apply, time, number, percent, bindSelector, SUPPORTED,
    get lang() { return lang; }, get locale() { return locale(); } };
})();

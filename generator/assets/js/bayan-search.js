/*
 * Bayan: Arabic-aware search, the browser half of generator/site/search.py (same spec, same
 * cases): each word the reader types becomes its search key (no diacritics or tatweel, one
 * alef, ي for ى and ی, ك for ک, ه for ة, ASCII digits, without و/ف, ب/ك/ل or لل, and ال),
 * which the index holds for every spelling of the word.
 *
 * The index is Pagefind's (pagefind/ beside the site's pages, one per language): loaded when
 * the reader first comes to the search box, then only the chunks a query needs. The box is the
 * header's (generator/theme/partials/search.html), in Material's markup and styles.
 */
(function () {
  "use strict";

  var MIN_STEM = 3;
  var MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640";
  var MARK = new RegExp("[" + MARKS + "]", "g");
  var WORD = new RegExp("[\\p{L}\\p{N}]+(?:[" + MARKS + "][\\p{L}\\p{N}]*)*", "gu");
  var FROM = "أإآٱىةیک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  var TO = "اااايهيك01234567890123456789";
  var CONJUNCTIONS = "وف", PREPOSITIONS = "بكل", ARTICLE = "ال";
  var SHOWN = 10; // results shown (each loads its record)
  var DELAY = 120; // ms without typing before a query runs
  var AHEAD = 4; // letters of a word's key before its index chunks load while typing

  /* Lower case, without diacritics or tatweel, one alef, ي for ى and ی, ك for ک, ه for ة, ASCII digits. */
  function fold(text) {
    var out = "";
    for (var ch of text.toLowerCase().replace(MARK, "")) {
      var i = FROM.indexOf(ch);
      out += i < 0 ? ch : TO[i];
    }
    return out;
  }

  /* `word` without `prefix`, if it starts with it and MIN_STEM letters remain; else null. */
  function cut(word, prefix) {
    var rest = word.length - prefix.length;
    return word.startsWith(prefix) && rest >= MIN_STEM ? word.slice(prefix.length) : null;
  }

  /* The search key of one word: folded, then و/ف, ب/ك/ل (or لل) and ال taken off in turn. */
  function key(word) {
    word = fold(word);
    if (word && CONJUNCTIONS.includes(word[0])) word = cut(word, word[0]) || word;
    if (word && PREPOSITIONS.includes(word[0])) word = cut(word, "لل") || cut(word, word[0]) || word;
    return cut(word, ARTICLE) || word;
  }

  /* The keys of a query's words, in order. */
  function queryKeys(text) {
    return (text.match(WORD) || []).map(key);
  }

  /* A query with every word replaced by its key (what the index is searched for). */
  function query(text) {
    return queryKeys(text).join(" ");
  }

  /* What to load while the reader types, so that the query finds it loaded: the keys of the
     words typed, the last one only once it has AHEAD letters (Pagefind loads the index chunks of
     every word a key begins, and a shorter beginning, «الو», spans many). */
  function ahead(text) {
    var wanted = queryKeys(text);
    if (/[\p{L}\p{N}]$/u.test(text) && wanted.length && wanted[wanted.length - 1].length < AHEAD) wanted.pop();
    return wanted.join(" ");
  }

  /* Whether a word of a shown text answers one of the query's keys: its key starts with it
     (the reader may not have finished typing), or its folded form ends with it (a prefix the
     index reads off, «البيان» for «بيان»). Only for marking the words of the results. */
  function answers(word, wanted) {
    var folded = fold(word), own = key(word);
    return wanted.some(function (k) { return own.startsWith(k) || folded.endsWith(k); });
  }

  /* `text` as nodes, the words answering the query in <mark>: text stays text. */
  function marked(text, wanted) {
    var fragment = document.createDocumentFragment(), last = 0;
    for (var match of text.matchAll(WORD)) {
      if (!answers(match[0], wanted)) continue;
      fragment.append(text.slice(last, match.index), element("mark", match[0]));
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  function element(name, text, className) {
    var el = document.createElement(name);
    if (text !== undefined) el.append(text);
    if (className) el.className = className;
    return el;
  }

  /* One result in Material's markup: the original title and excerpt, the query's words marked. */
  function item(data, wanted) {
    var link = element("a", undefined, "md-search-result__link");
    link.href = data.url; // the page's path, under the site's (Pagefind's baseUrl)
    var article = element("article", undefined, "md-search-result__article md-typeset");
    var heading = element("h1");
    heading.append(marked(data.meta.title || data.url, wanted));
    var excerpt = element("p");
    excerpt.append(marked(data.meta.excerpt || "", wanted));
    article.append(element("div", undefined, "md-search-result__icon md-icon"), heading, excerpt);
    link.append(article);
    var li = element("li", undefined, "md-search-result__item");
    li.append(link);
    return li;
  }

  function setUp(box) {
    var input = box.querySelector(".md-search__input");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var toggle = document.getElementById("__search");
    var bundle = new URL(box.dataset.bayanSearch, location.href);
    var site = new URL("..", bundle);
    var placeholder = meta.textContent;
    var engine = null, timer = 0, asked = 0;

    function load() {
      engine = engine || import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        return pagefind.options({ basePath: bundle.pathname, baseUrl: site.pathname })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
      return engine;
    }

    var forms = JSON.parse(box.dataset.count), language = document.documentElement.lang;
    var plural = new Intl.PluralRules(language), digits = new Intl.NumberFormat(language, { numberingSystem: "latn" });

    /* «3 نتائج», «11 نتيجة», «نتيجتان»: the form of the page's language for n results. */
    function count(n) {
      return n ? forms[plural.select(n)].replace("{n}", digits.format(n)) : box.dataset.none;
    }

    function run() {
      var wanted = queryKeys(input.value), ask = ++asked;
      if (!wanted.length) {
        meta.textContent = placeholder;
        list.replaceChildren();
        list.removeAttribute("aria-busy");
        return;
      }
      list.setAttribute("aria-busy", "true"); // until the results shown are all there
      load().then(function (pagefind) { return pagefind.search(wanted.join(" ")); })
        .then(function (found) {
          if (ask !== asked) return; // a newer query is on its way
          meta.textContent = count(found.results.length);
          if (!found.results.length) list.replaceChildren();
          // Each result as soon as its record and those before it have come (the first one
          // replaces the results of the query before).
          found.results.slice(0, SHOWN).reduce(function (before, result, n) {
            var data = result.data();
            return before.then(function () { return data; }).then(function (d) {
              if (ask !== asked) return;
              if (n === 0) list.replaceChildren();
              list.append(item(d, wanted));
            });
          }, Promise.resolve()).then(function () { if (ask === asked) list.removeAttribute("aria-busy"); });
        });
    }

    function open() {
      if (toggle && !toggle.checked) toggle.checked = true;
      load();
    }

    function close() {
      if (toggle) toggle.checked = false;
      input.blur();
    }

    function links() {
      return Array.from(list.querySelectorAll(".md-search-result__link"));
    }

    input.addEventListener("focus", open);
    input.addEventListener("input", function () {
      var words = ahead(input.value);
      if (words) load().then(function (pagefind) { return pagefind.preload(words); });
      clearTimeout(timer);
      timer = setTimeout(run, DELAY);
    });
    var form = box.querySelector("form");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(run); });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    list.addEventListener("click", function (event) { if (event.target.closest("a")) close(); });
    box.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (event.key === "Escape") close();
      else if (event.key === "ArrowDown" && all.length) all[Math.min(at + 1, all.length - 1)].focus();
      else if (event.key === "ArrowUp" && at >= 0) (at ? all[at - 1] : input).focus();
      else if (event.key === "Enter" && at < 0 && all.length) all[0].click();
      else return;
      event.preventDefault();
    });
    document.addEventListener("keydown", function (event) {
      var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  document.querySelectorAll("[data-bayan-search]").forEach(setUp);
  window.bayanSearch = { fold: fold, key: key, query: query };
})();

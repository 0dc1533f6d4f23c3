/*
 * Bayan: Arabic-aware search. The query half of generator/search.py (same spec, same cases):
 * each word the reader types becomes its search key (no diacritics or tatweel, one alef,
 * ي for ى, ه for ة, ASCII digits, without و/ف, ب/ك/ل or لل, and ال), which the search index
 * holds for every spelling of the word. Material's search runs in a web worker: the query is
 * rewritten on its way there.
 */
(function () {
  "use strict";

  var MIN_STEM = 3;
  var MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640";
  var MARK = new RegExp("[" + MARKS + "]", "g");
  var WORD = new RegExp("[\\p{L}\\p{N}]+(?:[" + MARKS + "][\\p{L}\\p{N}]*)*", "gu");
  var FROM = "أإآٱىة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  var TO = "اااايه01234567890123456789";
  var CONJUNCTIONS = "وف", PREPOSITIONS = "بكل", ARTICLE = "ال";
  var QUERY = 2; // Material's SearchMessageType.QUERY

  /* Lower case, without diacritics or tatweel, one alef, ي for ى, ه for ة, ASCII digits. */
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

  /* A query with every word replaced by its key; operators and separators stay. */
  function query(text) {
    return text.replace(WORD, key);
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string")
      arguments[0] = { type: QUERY, data: query(message.data) };
    return post.apply(this, arguments);
  };

  window.bayanSearch = { fold: fold, key: key, query: query };
})();
